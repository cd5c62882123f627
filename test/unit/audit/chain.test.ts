import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash, type AuditEntryRow } from '../../../src/shared/audit/chain-hash';
import { personInput, vesselInput } from '../../helpers/fleet';
import { OWNER, ownerCore, tempCore } from '../../helpers/temp-core';

/**
 * Issue 14: "the hash chain detects an edited, inserted or deleted entry" — and says where. Each case tampers with
 * the database as someone with the file would: the append-only triggers are dropped first, then the SQL goes
 * straight at the table.
 */
describe('the hash chain of the audit log', () => {
  let core: ReturnType<typeof tempCore>;
  const sqlite = () => core.state.requireDatabase().sqlite;
  const verify = () => core.call('audit.verify', {});
  const entries = () => sqlite().prepare('SELECT seq, at, actor_kind AS actorKind, actor_id AS actorId, actor_name AS actorName, action, tbl, row_id AS rowId, person_id AS personId, changes, note, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq').all() as AuditEntryRow[];
  const unprotect = () => {
    sqlite().exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  };

  /** Entries before the test's own (the owner's creation and sign-in), and the last one after them. */
  let before = 0;
  let last = 0;
  beforeEach(async () => {
    core = tempCore();
    await core.ownerToken();
    before = entries().length;
    // Eight entries of its own: a vessel, three people (each its own write), one of them changed twice, one archived.
    await core.call('vessels.create', vesselInput({ name: 'Chain Test' }));
    const inputs = ['Able', 'Baker', 'Carter'].map((surname) => personInput({ surname, email: `${surname.toLowerCase()}@example.org` }));
    const ids: string[] = [];
    for (const input of inputs) ids.push((await core.call('people.create', input)).id);
    await core.call('people.update', { ...inputs[0]!, id: ids[0]!, phone: '+356 1111' });
    await core.call('people.update', { ...inputs[0]!, id: ids[0]!, phone: '+356 2222' });
    await core.call('people.archive', { id: ids[1]! });
    await core.call('people.update', { ...inputs[2]!, id: ids[2]!, email: 'c.carter@example.org' });
    last = entries().length;
  });
  afterEach(() => core.dispose());

  it('is intact as the app writes it, and names how many entries it holds', async () => {
    expect(last - before).toBe(8);
    expect(await verify()).toEqual({ intact: true, entries: last, lastSeq: last, broken: null });
    const rows = entries();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    for (const [i, row] of rows.entries()) {
      expect(row.prevHash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash);
      expect(entryHash(row)).toBe(row.hash);
    }
  });

  it('refuses to change or delete an entry while its triggers stand', () => {
    expect(() => sqlite().prepare("UPDATE audit_log SET actor_name = 'Nobody' WHERE seq = 3").run()).toThrow(/cannot be changed/);
    expect(() => sqlite().prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/cannot be deleted/);
  });

  it('finds an edited entry and names it', async () => {
    unprotect();
    sqlite().prepare("UPDATE audit_log SET actor_name = 'Someone Else' WHERE seq = ?").run(before + 4);
    expect(await verify()).toMatchObject({ intact: false, broken: { kind: 'edited', seq: before + 4 } });
  });

  it('finds an entry edited and given a fresh hash: the next one is not chained to it', async () => {
    unprotect();
    const forged = { ...entries()[before + 3]!, changes: '{"phone":[null,"+1 555"]}' };
    sqlite().prepare('UPDATE audit_log SET changes = ?, hash = ? WHERE seq = ?').run(forged.changes, entryHash(forged), before + 4);
    expect(await verify()).toMatchObject({ intact: false, broken: { kind: 'edited', seq: before + 4 } });
  });

  it('finds an entry deleted in the middle and says which', async () => {
    unprotect();
    sqlite().prepare('DELETE FROM audit_log WHERE seq = ?').run(last - 3);
    const outcome = await verify();
    expect(outcome).toMatchObject({ intact: false, entries: last - 1, broken: { kind: 'deleted', seq: last - 3 } });
    expect(outcome.broken!.message).toBe(`Entry ${last - 3} was deleted.`);
  });

  it('finds an entry deleted and the rest renumbered to close the gap', async () => {
    unprotect();
    sqlite().prepare('DELETE FROM audit_log WHERE seq = ?').run(last - 3);
    sqlite().prepare('UPDATE audit_log SET seq = -(seq - 1) WHERE seq > ?').run(last - 3);
    sqlite().prepare('UPDATE audit_log SET seq = -seq WHERE seq < 0').run();
    expect(await verify()).toMatchObject({ intact: false, broken: { seq: last - 3 } });
  });

  it('finds an entry inserted in the middle (the ones after renumbered) and says where', async () => {
    unprotect();
    const rows = entries();
    const at = before + 4;
    sqlite().prepare('UPDATE audit_log SET seq = -(seq + 1) WHERE seq >= ?').run(at);
    sqlite().prepare('UPDATE audit_log SET seq = -seq WHERE seq < 0').run();
    const forged = { ...rows[at - 1]!, seq: at, actorName: 'Dr. Port Health Officer', prevHash: rows[at - 2]!.hash };
    const hash = entryHash(forged);
    sqlite()
      .prepare('INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_name, action, tbl, row_id, person_id, changes, note, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(forged.seq, forged.at, forged.actorKind, forged.actorId, forged.actorName, forged.action, forged.tbl, forged.rowId, forged.personId, forged.changes, forged.note, forged.prevHash, hash);
    expect(await verify()).toMatchObject({ intact: false, entries: last + 1, broken: { kind: 'inserted', seq: at } });
  });

  it('finds the last entry deleted, through the head file beside the database', async () => {
    unprotect();
    sqlite().prepare('DELETE FROM audit_log WHERE seq = ?').run(last);
    const outcome = await verify();
    expect(outcome).toMatchObject({ intact: false, entries: last - 1, broken: { kind: 'missing-tail', seq: last } });
    expect(outcome.broken!.message).toBe(`The last entry (${last}) was deleted.`);
  });

  it('finds the last three entries deleted', async () => {
    unprotect();
    sqlite().prepare('DELETE FROM audit_log WHERE seq > ?').run(last - 3);
    expect(await verify()).toMatchObject({ intact: false, broken: { kind: 'missing-tail', seq: last - 2, message: `The last entries (${last - 2} to ${last}) were deleted.` } });
  });

  it('finds an entry appended outside the app, chained correctly', async () => {
    const tail = entries().at(-1)!;
    const forged = { ...tail, seq: last + 1, note: 'forged', prevHash: tail.hash };
    sqlite()
      .prepare('INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_name, action, tbl, row_id, person_id, changes, note, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(forged.seq, forged.at, forged.actorKind, forged.actorId, forged.actorName, forged.action, forged.tbl, forged.rowId, forged.personId, forged.changes, forged.note, forged.prevHash, entryHash(forged));
    expect(await verify()).toMatchObject({ intact: false, broken: { kind: 'inserted', seq: last + 1 } });
  });

  it('says when the head file is missing or damaged', async () => {
    const head = join(core.dataDir, 'audit-head.json');
    expect(existsSync(head)).toBe(true);
    rmSync(head);
    expect(await verify()).toMatchObject({ intact: false, broken: { kind: 'head' } });
    writeFileSync(head, 'not json');
    expect(await verify()).toMatchObject({ intact: false, broken: { kind: 'head' } });
  });

  it('keeps the head file readable by its owner only, naming the last entry', () => {
    const file = join(core.dataDir, 'audit-head.json');
    const head = JSON.parse(readFileSync(file, 'utf8')) as { head: { seq: number; hash: string }; before: unknown };
    expect(head).toEqual({ version: 1, head: { seq: last, hash: entries().at(-1)!.hash }, before: null, tampered: null });
    if (process.platform !== 'win32') expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('is intact after a crash between the head file and the commit: the head still names the entry before', async () => {
    // What the write path leaves when the process dies after writing the head and before COMMIT.
    const file = join(core.dataDir, 'audit-head.json');
    writeFileSync(file, JSON.stringify({ version: 1, head: { seq: last + 1, hash: 'a'.repeat(64) }, before: { seq: last, hash: entries().at(-1)!.hash } }));
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('stays intact through a restore of a backup, which it records', async () => {
    const backup = await core.call('backups.create', {});
    await core.call('people.create', personInput({ surname: 'After', email: 'after@example.org' }));
    await core.call('backups.restore', { id: backup.id });
    const outcome = await verify();
    expect(outcome).toMatchObject({ intact: true });
    const [restored] = (await core.call('audit.search', { action: 'backup_restored' })).entries;
    expect(restored).toMatchObject({ seq: last + 1, actor: { name: OWNER.displayName } });
    // Then the sessions the backup held end with it, each recorded as a sign-out.
    const endings = (await core.call('audit.search', { action: 'signed_out' })).entries.filter((e) => e.seq > last + 1);
    expect(endings.length).toBeGreaterThan(0);
  });

  it('keeps reporting last entries deleted while the app was closed, after new entries are appended', async () => {
    unprotect();
    sqlite().prepare('DELETE FROM audit_log WHERE seq = ?').run(last);
    await core.close();
    const reopened = ownerCore(core.dataDir);
    try {
      await reopened.call('people.create', personInput({ surname: 'Later', email: 'later@example.org' }));
      expect(await reopened.call('audit.verify', {})).toMatchObject({ intact: false, broken: { kind: 'missing-tail', seq: last } });
    } finally {
      await reopened.close();
    }
  });
});
