import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../../src/core/db/ids';
import { write } from '../../src/core/db/writes';
import { addOrg, createEnrolmentCode, type Org } from '../../src/server/admin';
import { compactFeeds } from '../../src/server/compaction';
import { SHARED_FILE_TABLES } from '../../src/shared/sync/shares';
import { SYNCED_TABLES } from '../../src/shared/sync/tables';
import { base64, resultsCsv } from '../helpers/assessments';
import { documentImage } from '../helpers/document-images';
import { personInput, vesselWithPosition } from '../helpers/fleet';
import { testServer, type TestServer } from '../helpers/sync-server';
import { tempCore } from '../helpers/temp-core';

/**
 * Sharing a candidate between organisations over HTTP (docs/sync.md#sharing): agency A shares candidate C with
 * yacht organisation Y. Y's office laptop receives C's file and nothing else of A's, cannot edit it, receives A's
 * later edits, and removes the file when A revokes; Y's vessel laptop never receives it.
 */
let server: TestServer;
let yacht: Org;
const agency = tempCore();
const office = tempCore();
const onboard = tempCore();
let candidate: string;
let other: string;
let requisitionId: string;

const sqliteOf = (core: typeof agency): Database.Database => core.state.requireDatabase().sqlite;

/** Every (table, row id) a device holds in its synced tables. */
function heldRows(core: typeof agency): Set<string> {
  const sqlite = sqliteOf(core);
  const held = new Set<string>();
  for (const table of Object.keys(SYNCED_TABLES)) {
    for (const { id } of sqlite.prepare(`SELECT CAST(id AS TEXT) AS id FROM "${table}"`).all() as { id: string }[]) held.add(`${table}/${id}`);
  }
  return held;
}

/** The rows the server lets a device hold: those owned by or carried into its tenants, and those of active shares to its organisation. */
async function allowedRows(tenants: string[], orgId: string | null): Promise<Set<string>> {
  const owned = await server.store.query<{ tbl: string; row_id: string }>(
    'SELECT tbl, row_id FROM sync_rows WHERE owner_feed = ANY($1) UNION SELECT tbl, row_id FROM sync_carries WHERE feed = ANY($1)',
    [tenants],
  );
  const shared = orgId === null ? [] : await server.store.query<{ tbl: string; row_id: string }>(
    'SELECT r.tbl, r.row_id FROM share_rows r JOIN shares s ON s.id = r.share_id WHERE s.revoked_at IS NULL AND s.to_org = $1',
    [orgId],
  );
  return new Set([...owned, ...shared].map((r) => `${r.tbl}/${r.row_id}`));
}

/** The isolation invariant: no device holds a row outside its tenants plus the active shares to them. */
async function expectIsolated(): Promise<void> {
  for (const [core, orgId] of [[office, yacht.id], [onboard, null]] as const) {
    const { tenants } = await core.call('sync.status', {});
    const allowed = await allowedRows(tenants, orgId);
    const outside = [...heldRows(core)].filter((row) => !allowed.has(row));
    expect(outside).toEqual([]);
  }
}

function addDocument(core: typeof agency, personId: string): string {
  const sqlite = sqliteOf(core);
  const id = newId();
  const stamp = nowIso();
  write(sqlite, () =>
    sqlite
      .prepare(
        `INSERT INTO documents (id, person_id, file_hash, file_name, byte_size, type, kind, status, reasons, checks, fields, read_fields, mrz, ocr_text, confidence, expires_on, created_at, updated_at)
         VALUES (?, ?, 'f00d', 'passport.jpg', 10, 'passport', 'passport', 'verified', '[]', '[]', '{}', '{}', NULL, '', 0.9, '2030-01-01', ?, ?)`,
      )
      .run(id, personId, stamp, stamp),
  );
  return id;
}

const count = (core: typeof agency, table: string, personId: string): number =>
  (sqliteOf(core).prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${table === 'people' ? 'id' : 'person_id'} = ?`).get(personId) as { n: number }).n;

beforeAll(async () => {
  server = await testServer({ orgName: 'Blue Water Crew Agency' });
  yacht = await addOrg(server.store, 'M/Y Serenity Management');
  await agency.call('sync.enrol', { serverUrl: server.url, code: await server.code(), name: 'Agency laptop' });
  await office.call('sync.enrol', { serverUrl: server.url, code: (await createEnrolmentCode(server.store, yacht.id)).code, name: 'Yacht office' });
  await onboard.call('sync.enrol', { serverUrl: server.url, code: (await createEnrolmentCode(server.store, yacht.id, 'serenity')).code, name: 'Serenity bridge' });

  candidate = (await agency.call('people.create', personInput({ givenNames: 'Carla', surname: 'Mendes', email: 'carla@example.org' }))).id;
  other = (await agency.call('people.create', personInput({ givenNames: 'Otto', surname: 'Berg', email: 'otto@example.org' }))).id;
  await agency.call('visas.add', { personId: candidate, kind: 'b1b2', expiresOn: '2029-05-01' });
  await agency.call('seaService.add', {
    personId: candidate, vesselName: 'M/Y Aurora', department: 'interior', positionTitle: 'Stewardess', startDate: '2023-01-01', endDate: '2023-12-31', kind: 'onboard',
  });
  await agency.call('candidates.saveProfile', { personId: candidate, languageLevels: { English: 'fluent' }, summary: 'Five seasons on charter yachts.' });
  await agency.call('assessments.import', { contentBase64: base64(resultsCsv(['carla@example.org', 'otto@example.org'], { seed: 3 })), context: 'applicant', fileName: 'results.csv' });
  addDocument(agency, candidate);
  addDocument(agency, other);
  await agency.call('sync.now', {});
}, 120_000);
afterAll(async () => {
  await agency.dispose();
  await office.dispose();
  await onboard.dispose();
  await server.close();
});

describe('sharing a candidate with another organisation', () => {
  let shareId: string;

  it('lists the other organisations, and shares the candidate’s file with one of them', async () => {
    const directory = await agency.call('shares.directory', {});
    expect(directory).toEqual([{ id: yacht.id, name: 'M/Y Serenity Management' }]);
    const share = await agency.call('shares.create', { personId: candidate, toOrgId: yacht.id });
    expect(share).toMatchObject({ personId: candidate, personName: 'Carla Mendes', to: { id: yacht.id }, from: { name: 'Blue Water Crew Agency' }, revokedAt: null, direction: 'out' });
    shareId = share.id;
    // Sharing again answers the share that exists.
    expect((await agency.call('shares.create', { personId: candidate, toOrgId: yacht.id })).id).toBe(shareId);
    expect((await agency.call('shares.list', { personId: candidate })).map((s) => s.id)).toEqual([shareId]);
    const [logged] = (await agency.call('audit.search', { action: 'shared' })).entries;
    expect(logged).toMatchObject({ note: 'Shared candidate Carla Mendes with M/Y Serenity Management' });
  });

  it('brings the file to the receiving office, not the agency’s other candidates, and not to its vessels', async () => {
    await office.call('sync.now', {});
    await onboard.call('sync.now', {});
    for (const table of ['people', ...SHARED_FILE_TABLES]) expect(count(office, table, candidate), table).toBeGreaterThan(0);
    for (const table of ['people', ...SHARED_FILE_TABLES]) expect(count(onboard, table, candidate), table).toBe(0);
    expect(count(office, 'people', other)).toBe(0);
    expect(count(office, 'documents', other)).toBe(0);
    expect((await office.call('people.get', { id: candidate })).person).toMatchObject({ surname: 'Mendes' });
    expect((await office.call('people.list', { search: 'mendes' })).rows.map((r) => r.id)).toEqual([candidate]);
    expect(await office.call('shares.received', {})).toEqual([
      expect.objectContaining({ shareId, personId: candidate, name: 'Carla Mendes', fromOrgName: 'Blue Water Crew Agency' }),
    ]);
    expect((await office.call('shares.list', {})).map((s) => [s.id, s.direction])).toEqual([[shareId, 'in']]);
    await expectIsolated();
  });

  it('refuses edits of the shared file on the receiving computer, so its sync never fails on them', async () => {
    const before = await office.call('sync.status', {});
    const update = await office.dispatch('people.update', { ...personInput({ givenNames: 'Carla', surname: 'Mendes', email: 'carla@example.org' }), id: candidate, phone: '+1 555 0100' });
    expect(update).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/shared with your organisation by another one and is read-only/) } });
    const visa = await office.dispatch('visas.add', { personId: candidate, kind: 'schengen' });
    expect(visa).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await office.dispatch('shares.create', { personId: candidate, toOrgId: yacht.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const after = await office.call('sync.now', {});
    expect(after).toMatchObject({ pending: before.pending, lastError: null });
    expect((await office.call('people.get', { id: candidate })).person.phone ?? null).toBeNull();
  });

  it('lets the receiver put the candidate on its own requisition', async () => {
    const { position } = await vesselWithPosition(office);
    const draft = await office.call('requisitions.create', { positionId: position.id, title: 'Stewardess', startDate: '2027-03-01', places: 1, requirements: {} });
    requisitionId = draft.id;
    const application = await office.call('applications.create', { requisitionId: draft.id, personId: candidate, source: 'agency', agency: 'Blue Water Crew Agency' });
    expect(application.personId).toBe(candidate);
    expect((await office.call('sync.now', {})).lastError).toBeNull();
  });

  it('carries the agency’s later edits and new rows of the file to the receiver', async () => {
    await agency.call('people.update', { ...personInput({ givenNames: 'Carla', surname: 'Mendes', email: 'carla@example.org' }), id: candidate, phone: '+351 900 000 000' });
    await agency.call('visas.add', { personId: candidate, kind: 'schengen', expiresOn: '2030-01-01' });
    await agency.call('people.update', { ...personInput({ givenNames: 'Otto', surname: 'Berg', email: 'otto@example.org' }), id: other, phone: '+49 1' });
    await agency.call('sync.now', {});
    await office.call('sync.now', {});
    expect((await office.call('people.get', { id: candidate })).person.phone).toBe('+351 900 000 000');
    expect(count(office, 'person_visas', candidate)).toBe(2);
    expect(count(office, 'people', other)).toBe(0);
    await expectIsolated();
  });

  it('refuses forged shares on the server with their codes', async () => {
    const token = (sqliteOf(office).prepare('SELECT token FROM sync_node WHERE id = 1').get() as { token: string }).token;
    const post = async (body: unknown) => {
      const response = await fetch(`${server.url}/v1/shares`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
    };
    const agencyOrg = server.org.id;
    expect(await post({ personId: candidate, to: agencyOrg })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await post({ personId: other, to: agencyOrg })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await post({ personId: 'no-such-person', to: agencyOrg })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await post({ personId: 'x y', to: agencyOrg })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } });
    expect(await agency.dispatch('shares.create', { personId: other, toOrgId: agencyOrg })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/own organisation/) } });
    expect(await agency.dispatch('shares.create', { personId: other, toOrgId: 'no-such-org' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const revoke = await fetch(`${server.url}/v1/shares/${shareId}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(revoke.status).toBe(403);
  });

  it('revokes: the receiver removes the file at its next sync and keeps its own application', async () => {
    const revoked = await agency.call('shares.revoke', { id: shareId });
    expect(revoked.revokedAt).not.toBeNull();
    await agency.call('people.update', { ...personInput({ givenNames: 'Carla', surname: 'Mendes', email: 'carla@example.org' }), id: candidate, phone: '+351 911 111 111' });
    await agency.call('sync.now', {});
    await office.call('sync.now', {});
    for (const table of ['people', ...SHARED_FILE_TABLES]) expect(count(office, table, candidate), table).toBe(0);
    expect((sqliteOf(office).prepare('SELECT count(*) AS n FROM sync_cells WHERE row_id = ?').get(candidate) as { n: number }).n).toBe(0);
    expect((sqliteOf(office).prepare('SELECT count(*) AS n FROM person_search_terms WHERE person_id = ?').get(candidate) as { n: number }).n).toBe(0);
    expect(await office.call('shares.received', {})).toEqual([]);
    expect((await office.call('people.list', { search: 'mendes' })).rows).toEqual([]);
    // The receiver's own application stays stored; its lists, which show people it holds, simply leave it out
    // until the candidate is shared again.
    expect(count(office, 'applications', candidate)).toBe(1);
    expect(await office.call('applications.list', { requisitionId })).toEqual([]);
    const status = await office.call('sync.status', {});
    expect(status).toMatchObject({ pending: 0, lastError: null });
    const [entry] = (await office.call('audit.search', { action: 'share_revoked' })).entries;
    expect(entry).toMatchObject({ note: expect.stringMatching(/Blue Water Crew Agency revoked the share of Carla Mendes; their file was removed/) });
    expect(await office.call('audit.verify', {})).toMatchObject({ intact: true });
    await expectIsolated();
  });

  it('shares again after a revoke, with the file as it is now', async () => {
    await agency.call('shares.create', { personId: candidate, toOrgId: yacht.id });
    await office.call('sync.now', {});
    expect((await office.call('people.get', { id: candidate })).person.phone).toBe('+351 911 111 111');
    expect(count(office, 'person_visas', candidate)).toBe(2);
    expect((await office.call('applications.list', { requisitionId })).map((a) => a.personId)).toEqual([candidate]);
    await expectIsolated();
    // The receiving feed is left whole by compaction: its grants, revokes and copies are history a snapshot lacks.
    const before = await server.store.query<{ n: number }>('SELECT count(*)::float8 AS n FROM feed_entries WHERE feed = $1', [`org:${yacht.id}`]);
    const compacted = await compactFeeds(server.store);
    expect(compacted.find((c) => c.feed === `org:${yacht.id}`)).toEqual({ feed: `org:${yacht.id}`, removed: 0, horizon: 0 });
    expect(await server.store.query('SELECT count(*)::float8 AS n FROM feed_entries WHERE feed = $1', [`org:${yacht.id}`])).toEqual(before);
  });

  it('lets the receiving office fetch the scan of a shared document, and no vessel of it', async () => {
    const scan = await documentImage('stcw-pst-valid');
    const { document } = await agency.call('documents.upload', { personId: candidate, fileName: 'pst.png', contentBase64: scan.toString('base64') });
    await agency.call('sync.now', {});
    expect((await office.call('sync.now', {})).attachments).toEqual({ toUpload: 0, toDownload: 0, problem: null });
    expect(office.state.files.get(document.fileHash).equals(scan)).toBe(true);
    expect((await office.call('documents.preview', { id: document.id })).dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    // A device of the yacht's vessel holds no row naming the file: asking for it is refused.
    const token = (sqliteOf(onboard).prepare('SELECT token FROM sync_node WHERE id = 1').get() as { token: string }).token;
    const asked = await fetch(`${server.url}/v1/attachments/${document.fileHash}?offset=0`, { headers: { authorization: `Bearer ${token}` } });
    expect(asked.status).toBe(403);
    await expectIsolated();
  });

  it('says in words that sharing needs the server when it cannot be reached', async () => {
    const sqlite = sqliteOf(agency);
    const url = (sqlite.prepare('SELECT server_url AS url FROM sync_node WHERE id = 1').get() as { url: string }).url;
    write(sqlite, () => sqlite.prepare('UPDATE sync_node SET server_url = ? WHERE id = 1').run('http://127.0.0.1:9'));
    try {
      expect(await agency.dispatch('shares.directory', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/needs the sync server, which cannot be reached/) } });
    } finally {
      write(sqlite, () => sqlite.prepare('UPDATE sync_node SET server_url = ? WHERE id = 1').run(url));
    }
  });
});
