import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctClock } from '../../src/core/db/change-capture';
import { write } from '../../src/core/db/writes';
import { syncOnce } from '../../src/core/sync/run';
import { httpTransport, SyncFailure, type SyncTransport } from '../../src/core/sync/transport';
import { describeSyncFailure } from '../../src/core/sync/words';
import { SYNC_SCHEMA_VERSION } from '../../src/shared/sync/tables';
import { personInput, vesselInput } from '../helpers/fleet';
import { testServer, type TestServer } from '../helpers/sync-server';
import { tempCore } from '../helpers/temp-core';

/**
 * Two laptops and one server over HTTP (docs/sync.md): enrolment, an edit made on one seen on the other, a
 * concurrent edit that goes to the conflict list and is put back, a computer whose clock runs a day ahead.
 */
let server: TestServer;
const a = tempCore();
const b = tempCore();

beforeAll(async () => {
  server = await testServer();
  await a.call('sync.enrol', { serverUrl: server.url, code: await server.code(), name: 'Laptop A' });
  await b.call('sync.enrol', { serverUrl: server.url, code: await server.code(), name: 'Laptop B' });
}, 60_000);
afterAll(async () => {
  await a.dispose();
  await b.dispose();
  await server.close();
});

describe('sync between two laptops', () => {
  it('enrols with a one-time code that works once', async () => {
    const status = await a.call('sync.status', {});
    expect(status).toMatchObject({ enrolled: true, serverUrl: server.url, homeFeed: `org:${server.org.id}`, pending: 0 });
    const code = await server.code();
    await a.call('sync.enrol', { serverUrl: server.url, code });
    const again = await b.dispatch('sync.enrol', { serverUrl: server.url, code });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/unknown, already used or expired/) } });
  });

  it('sends what one laptop wrote to the other, with the people found by name there', async () => {
    const vessel = await a.call('vessels.create', vesselInput({ name: 'M/Y Aurora' }));
    const person = await a.call('people.create', personInput({ surname: 'Moreau', email: 'moreau@example.org' }));
    expect((await a.call('sync.status', {})).pending).toBeGreaterThan(0);
    const pushed = await a.call('sync.now', {});
    expect(pushed).toMatchObject({ pending: 0, lastError: null });
    expect(pushed.lastSyncAt).not.toBeNull();
    await b.call('sync.now', {});
    expect((await b.call('vessels.get', { id: vessel.id })).vessel.name).toBe('M/Y Aurora');
    expect((await b.call('people.get', { id: person.id })).person).toMatchObject({ surname: 'Moreau', nationalities: ['GBR'] });
    const found = await b.call('people.list', { search: 'moreau' });
    expect(found.rows.map((r) => r.id)).toContain(person.id);
    // The other laptop's audit log records the person as another device's change, and its chain holds.
    const received = await b.call('audit.history', { table: 'people', rowId: person.id });
    expect(received[0]).toMatchObject({ action: 'created', actor: { kind: 'system', name: 'sync: changes made on another device' } });
    expect(await b.call('audit.verify', {})).toMatchObject({ intact: true });
  });

  it('keeps the newer of two concurrent edits everywhere, lists the one replaced, and puts it back on request', async () => {
    const person = await a.call('people.create', personInput({ surname: 'Okafor', email: 'okafor@example.org' }));
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    const base = personInput({ surname: 'Okafor', email: 'okafor@example.org' });
    await a.call('people.update', { ...base, id: person.id, phone: '+33 1 11 11 11 11' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.call('people.update', { ...base, id: person.id, phone: '+33 2 22 22 22 22' });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    const afterA = await a.call('sync.now', {});
    expect(afterA.openConflicts).toBe(1);
    expect((await a.call('people.get', { id: person.id })).person.phone).toBe('+33 2 22 22 22 22');
    expect((await b.call('people.get', { id: person.id })).person.phone).toBe('+33 2 22 22 22 22');
    const [conflict] = await a.call('sync.conflicts', {});
    expect(conflict).toMatchObject({ label: 'Joanna Okafor — phone', keptValue: '+33 2 22 22 22 22', lostValue: '+33 1 11 11 11 11', reversedAt: null });

    const reversed = await a.call('sync.reverse', { id: conflict!.id });
    expect(reversed.reversedAt).not.toBeNull();
    expect((await a.dispatch('sync.reverse', { id: conflict!.id }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    expect((await b.call('people.get', { id: person.id })).person.phone).toBe('+33 1 11 11 11 11');
    expect((await a.call('sync.conflicts', {})).length).toBe(0);
  });

  it('an edit with an older stamp does not win by arriving later', async () => {
    const vessel = await a.call('vessels.create', vesselInput({ name: 'Old Name', imoNumber: '9176187' }));
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    // B's edit is made first (older stamp) but sent last.
    await b.call('vessels.update', { ...vesselInput({ imoNumber: '9176187' }), id: vessel.id, name: 'Made First' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.call('vessels.update', { ...vesselInput({ imoNumber: '9176187' }), id: vessel.id, name: 'Made Second' });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    await a.call('sync.now', {});
    expect((await a.call('vessels.get', { id: vessel.id })).vessel.name).toBe('Made Second');
    expect((await b.call('vessels.get', { id: vessel.id })).vessel.name).toBe('Made Second');
  });

  it('a computer whose clock runs a day ahead is told, re-stamps its changes and still sends them', async () => {
    const sqlite = a.state.requireDatabase().sqlite;
    write(sqlite, () => correctClock(sqlite, 86_400_000, true));
    const person = await a.call('people.create', personInput({ surname: 'Ahead', email: 'ahead@example.org' }));
    const status = await a.call('sync.now', {});
    expect(status).toMatchObject({ pending: 0, lastError: null });
    expect(Math.abs(status.clockOffsetMs)).toBeLessThan(60_000);
    await b.call('sync.now', {});
    expect((await b.call('people.get', { id: person.id })).person.surname).toBe('Ahead');
    const stamp = (b.state.requireDatabase().sqlite.prepare("SELECT hlc FROM sync_cells WHERE tbl = 'people' AND row_id = ? AND col = 'surname'").get(person.id) as { hlc: string }).hlc;
    expect(Number(stamp.slice(0, 15))).toBeLessThan(Date.now() + 60_000);
  });

  it('a laptop restored from an older backup gets back what it had sent since, and what it writes next still travels', async () => {
    const person = await a.call('people.create', personInput({ surname: 'Restored', email: 'restored@example.org' }));
    const base = personInput({ surname: 'Restored', email: 'restored@example.org' });
    await a.call('sync.now', {});
    const backup = await a.call('backups.create', {});
    await a.call('people.update', { ...base, id: person.id, phone: 'after the backup' });
    await a.call('sync.now', {});
    await a.call('backups.restore', { id: backup.id });
    expect((await a.call('people.get', { id: person.id })).person.phone).toBeNull();
    const next = await a.call('people.create', personInput({ surname: 'Written After Restore', email: 'after@example.org' }));
    await a.call('sync.now', {});
    expect((await a.call('sync.status', {})).pending).toBe(0);
    expect((await a.call('people.get', { id: person.id })).person.phone).toBe('after the backup');
    await b.call('sync.now', {});
    expect((await b.call('people.get', { id: next.id })).person.surname).toBe('Written After Restore');
  });

  it('an app older than the server’s data still sends its changes, and is told in words why nothing comes back', async () => {
    const sqlite = a.state.requireDatabase().sqlite;
    const { token } = sqlite.prepare('SELECT token FROM sync_node WHERE id = 1').get() as { token: string };
    const current = httpTransport(server.url, token);
    // The same app, but saying the schema of the version before this one when it reads.
    const older: SyncTransport = {
      ...current,
      pull: async (cursors) => {
        const answer = await fetch(`${server.url}/v1/pull`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION - 1, cursors }),
        });
        const body = (await answer.json()) as { error: { code: string; message: string } };
        throw new SyncFailure(body.error.code, body.error.message);
      },
    };
    const person = await a.call('people.create', personInput({ surname: 'Sent Before Update', email: 'sent-before-update@example.org' }));
    const failure = await syncOnce(() => sqlite, older).catch((error: unknown) => error);
    expect(describeSyncFailure(failure)).toEqual({ code: 'SCHEMA_TOO_OLD', message: expect.stringMatching(/newer version of Harmony Crew.*changes were sent; update the app/) });
    expect((await a.call('sync.status', {})).pending).toBe(0);
    await b.call('sync.now', {});
    expect((await b.call('people.get', { id: person.id })).person.surname).toBe('Sent Before Update');
  });

  it('says in words when the server cannot be reached, and keeps the changes', async () => {
    const c = tempCore();
    try {
      await expect(c.call('sync.enrol', { serverUrl: 'http://127.0.0.1:9', code: 'ABCDEFGHJK' })).rejects.toThrow(/cannot be reached/);
      expect((await c.call('sync.status', {})).enrolled).toBe(false);
    } finally {
      await c.dispose();
    }
  });
});
