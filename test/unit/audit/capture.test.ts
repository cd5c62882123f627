import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialEvents } from '../../../src/core/auth/credential-events';
import type { ServiceContext } from '../../../src/core/context';
import { auditedTablesOfSchema, NOT_AUDITED } from '../../../src/core/db/audit-capture';
import * as schema from '../../../src/core/db/schema';
import { write } from '../../../src/core/db/writes';
import { insertDocument, type NewDocumentRow } from '../../../src/core/documents/store';
import { AUDITED_TABLES } from '../../../src/shared/api/audit';
import { columnLabel, words } from '../../../src/shared/words';
import { importPeople, resultsCsv } from '../../helpers/assessments';
import { base64, personInput } from '../../helpers/fleet';
import { addUser, OWNER, tempCore } from '../../helpers/temp-core';

const tables = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable));

describe('which tables the audit log covers', () => {
  it('every table of the schema is audited unless it is named, with the reason, as not audited', () => {
    const names = tables.map((t) => getTableName(t));
    for (const name of Object.keys(NOT_AUDITED)) expect(names, `${name} is named as not audited but is not in the schema`).toContain(name);
    for (const [name, reason] of Object.entries(NOT_AUDITED)) expect(reason.length, name).toBeGreaterThan(10);
    const audited = auditedTablesOfSchema().map((t) => t.name);
    expect(audited.sort()).toEqual(names.filter((n) => !Object.hasOwn(NOT_AUDITED, n)).sort());
    // The contract's list (the search's filter, the words) is the same: a new table needs its word.
    expect([...AUDITED_TABLES].sort()).toEqual(audited);
  });

  it('has a word for every audited table and every column an entry can show', () => {
    for (const table of auditedTablesOfSchema()) {
      expect(words.auditTables[table.name as keyof typeof words.auditTables], table.name).toBeTruthy();
      for (const column of table.columns) expect(columnLabel(column), `${table.name}.${column} has no word`).not.toBeNull();
    }
  });

  it('finds whose record a row is through its foreign keys', () => {
    const byName = new Map(auditedTablesOfSchema().map((t) => [t.name, t]));
    expect(byName.get('people')!.personSql('NEW')).toBe('NEW."id"');
    expect(byName.get('documents')!.personSql('NEW')).toBe('NEW."person_id"');
    expect(byName.get('document_reviews')!.personSql('NEW')).toContain('FROM main."documents"');
    expect(byName.get('interview_feedback')!.personSql('NEW')).toContain('FROM main."applications"');
    expect(byName.get('vessels')!.personSql('NEW')).toBe('NULL');
    expect(tables.length).toBeGreaterThan(30);
    expect(Object.keys(getTableColumns(schema.auditLog))).toContain('prevHash');
  });
});

describe('the audit log of changes, views and sign-ins', () => {
  const core = tempCore();
  afterAll(() => core.dispose());
  const sqlite = () => core.state.requireDatabase().sqlite;
  const ctx: ServiceContext = {
    state: core.state,
    events: core.events,
    credentials: new CredentialEvents(),
    db: () => core.state.requireDatabase().db,
    sqlite,
    onClose: () => undefined,
  };
  const lastSeq = () => (sqlite().prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
  const entriesSince = async (seq: number) => (await core.call('audit.search', { descending: false, limit: 500 })).entries.filter((e) => e.seq > seq);
  let captain: Awaited<ReturnType<typeof addUser>>;

  beforeAll(async () => {
    captain = await addUser(core, { role: 'captain', displayName: 'Anna Captain' });
  });

  it('records a new record, each change with its values before and after, archiving and restoring, by the signed-in user', async () => {
    const from = lastSeq();
    const input = personInput({ surname: 'Marsh', email: 'marsh@example.org' });
    const person = await captain.call('people.create', input);
    await captain.call('people.update', { ...input, id: person.id, phone: '+356 9999 1111' });
    await captain.call('people.archive', { id: person.id });
    await captain.call('people.restore', { id: person.id });
    const entries = await entriesSince(from);
    expect(entries.map((e) => [e.action, e.table, e.rowId, e.personId, e.actor.name, e.actor.kind])).toEqual([
      ['created', 'people', person.id, person.id, 'Anna Captain', 'user'],
      ['changed', 'people', person.id, person.id, 'Anna Captain', 'user'],
      ['archived', 'people', person.id, person.id, 'Anna Captain', 'user'],
      ['restored', 'people', person.id, person.id, 'Anna Captain', 'user'],
    ]);
    expect(entries[0]!.actor.id).toBe(captain.user.id);
    expect(entries[0]!.changes).toContainEqual(expect.objectContaining({ column: 'surname', label: 'Surname', before: null, after: 'Marsh' }));
    // Only what changed, named in words: never the column.
    expect(entries[1]!.changes).toEqual([{ column: 'phone', label: 'Phone', before: null, after: '+356 9999 1111', beforeText: '', afterText: '+356 9999 1111' }]);
    expect(entries[1]!.personName).toBe(`${input.givenNames} Marsh`);
  });

  it('writes nothing for a write that is rolled back', async () => {
    const from = lastSeq();
    expect(() =>
      write(sqlite(), () => {
        sqlite().prepare("UPDATE people SET phone = 'never' WHERE surname = 'Marsh'").run();
        throw new Error('midway');
      }),
    ).toThrow('midway');
    expect(lastSeq()).toBe(from);
  });

  it('refuses a write to an audited table made around the write path', () => {
    expect(() => sqlite().prepare("INSERT INTO settings (key, value, updated_at) VALUES ('around', '1', 'now')").run()).toThrow(/written outside the write path/);
  });

  it('records a refused and a successful sign-in, and hides password hashes', async () => {
    const from = lastSeq();
    await expect(core.signIn(captain.user.username, 'not the password')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const session = await core.signIn(captain.user.username, captain.password);
    await session.call('auth.logout', {});
    await core.call('users.resetPassword', { id: captain.user.id, newPassword: 'a-new-password-1' });
    const entries = await entriesSince(from);
    const actions = entries.map((e) => [e.action, e.actor.name, e.note]);
    expect(actions).toContainEqual(['sign_in_refused', 'Anna Captain', 'Wrong password']);
    expect(actions).toContainEqual(['signed_in', 'Anna Captain', 'Signed in with the password']);
    expect(actions).toContainEqual(['signed_out', 'Anna Captain', 'logout']);
    const reset = entries.find((e) => e.action === 'changed' && e.table === 'users')!;
    expect(reset.actor.name).toBe(OWNER.displayName);
    expect(reset.changes).toContainEqual(expect.objectContaining({ column: 'password_hash', before: '(hidden)', after: '(hidden)' }));
    expect(JSON.stringify(await core.call('audit.search', { limit: 500 }))).not.toMatch(/scrypt|\$s1\$|ln=/);
    captain = { ...captain, ...(await core.signIn(captain.user.username, 'a-new-password-1')), password: 'a-new-password-1' };
  });

  describe('views of health data and results', () => {
    let personId = '';
    const store = (row: Partial<NewDocumentRow>) =>
      write(sqlite(), () =>
        insertDocument(ctx, {
          personId,
          fileHash: 'd'.repeat(64),
          fileName: 'scan.png',
          byteSize: 1,
          type: 'passport',
          kind: 'passport',
          status: 'review',
          reasons: [],
          checks: [],
          fields: {},
          readFields: {},
          mrz: null,
          ocrText: '',
          confidence: 0.9,
          expiresOn: null,
          ...row,
        }),
      ).id;

    beforeAll(async () => {
      personId = (await core.call('people.create', personInput({ surname: 'Viewed', email: 'viewed@example.org' }))).id;
    });

    it('records who opened a medical certificate, and not a passport or the list', async () => {
      const medical = store({ type: 'eng1_medical', kind: 'eng1', fileName: 'eng1.png' });
      const passport = store({ fileName: 'passport.png' });
      const from = lastSeq();
      await captain.call('documents.get', { id: medical });
      await captain.call('documents.get', { id: passport });
      await captain.call('documents.list', { personId });
      const views = (await entriesSince(from)).filter((e) => e.action === 'viewed');
      expect(views.map((v) => [v.table, v.rowId, v.personId, v.actor.name, v.note])).toEqual([
        ['documents', medical, personId, 'Anna Captain', 'The certificate and what was read from it'],
      ]);
      const search = await core.call('audit.search', { action: 'viewed', personId });
      expect(search.entries.map((e) => e.rowId)).toEqual([medical]);
    });

    it('records who opened a result or a profile', async () => {
      const [person] = await importPeople(core, 1, 'audited');
      await core.call('assessments.import', { contentBase64: base64(resultsCsv([person!.email], { seed: 3 })), context: 'incumbent' });
      const result = (await core.call('assessments.list', { personId: person!.id })).rows[0]!;
      const from = lastSeq();
      await captain.call('assessments.get', { id: result.id });
      await captain.call('profiles.get', { id: result.id });
      const views = (await entriesSince(from)).filter((e) => e.action === 'viewed');
      expect(views.map((v) => [v.table, v.rowId, v.personId, v.note])).toEqual([
        ['assessment_results', result.id, person!.id, 'Questionnaire result'],
        ['assessment_results', result.id, person!.id, 'Profile'],
      ]);
    });
  });

  it('signs a document decision by the signed-in user, and shows the document’s history from the log', async () => {
    const personId = (await core.call('people.create', personInput({ surname: 'Decided', email: 'decided@example.org' }))).id;
    const id = write(sqlite(), () =>
      insertDocument(ctx, { personId, fileHash: 'e'.repeat(64), fileName: 'p.png', byteSize: 1, type: 'passport', kind: 'passport', status: 'review', reasons: [], checks: [], fields: {}, readFields: {}, mrz: null, ocrText: 'x', confidence: 0.9, expiresOn: null }),
    ).id;
    await captain.call('documents.correct', { id, fields: { surname: 'DECIDED' } });
    const accepted = await captain.call('documents.accept', { id, note: 'Seen the original' });
    expect(accepted.decidedBy).toBe('Anna Captain');
    const history = await core.call('audit.history', { table: 'documents', rowId: id });
    expect(history.map((e) => [e.action, e.table, e.actor.name])).toEqual([
      ['created', 'documents', 'no signed-in user'],
      ['changed', 'documents', 'Anna Captain'],
      ['created', 'document_reviews', 'Anna Captain'],
      ['changed', 'documents', 'Anna Captain'],
      ['created', 'document_reviews', 'Anna Captain'],
    ]);
    const review = history[4]!.changes;
    expect(review).toContainEqual(expect.objectContaining({ column: 'action', label: 'Action', after: 'accept', afterText: words.reviewActions.accept }));
    expect(review).toContainEqual(expect.objectContaining({ column: 'author', after: 'Anna Captain' }));
    // A person's history is everything about them.
    const personal = await core.call('audit.history', { table: 'people', rowId: personId });
    expect(personal.filter((e) => e.table === 'documents').length).toBe(3);
  });

  it('searches by person, user, action, record and dates, newest first, a page at a time', async () => {
    const all = await core.call('audit.search', { limit: 500 });
    expect(all.entries.map((e) => e.seq)).toEqual([...all.entries.map((e) => e.seq)].sort((a, b) => b - a));
    const byUser = await core.call('audit.search', { user: 'anna', limit: 500 });
    expect(byUser.total).toBeGreaterThan(5);
    expect(byUser.entries.every((e) => e.actor.name === 'Anna Captain')).toBe(true);
    expect((await core.call('audit.search', { user: captain.user.id, limit: 500 })).total).toBe(byUser.total);
    const person = (await core.call('people.list', { search: 'Marsh' })).rows[0]!;
    const byPerson = await core.call('audit.search', { personId: person.id, limit: 500 });
    expect(byPerson.entries.map((e) => e.action).reverse()).toEqual(['created', 'changed', 'archived', 'restored']);
    const record = await core.call('audit.search', { table: 'people', rowId: person.id, action: 'archived' });
    expect(record.total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await core.call('audit.search', { since: today, limit: 1 })).total).toBe(all.total);
    expect((await core.call('audit.search', { until: '2000-01-01' })).total).toBe(0);
    const page = await core.call('audit.search', { limit: 2, offset: 1 });
    expect(page.entries.map((e) => e.seq)).toEqual(all.entries.slice(1, 3).map((e) => e.seq));
    await expect(core.call('audit.search', { rowId: person.id })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Kind of record/) });
  });

  it('is read only by roles that hold the audit capability', async () => {
    const viewer = await addUser(core, { role: 'office_viewer' });
    await expect(viewer.call('audit.search', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(viewer.call('audit.verify', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await captain.call('audit.verify', {})).intact).toBe(true);
    const refused = (await core.call('audit.search', { action: 'refused', limit: 10 })).entries;
    expect(refused[0]).toMatchObject({ actor: { id: viewer.user.id } });
  });
});
