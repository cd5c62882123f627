import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, type AuditEntryRow } from '../../src/shared/audit/chain-hash';
import { listDevices } from '../../src/server/admin';
import { personInput } from '../helpers/fleet';
import { testServer, type TestServer } from '../helpers/sync-server';
import { tempCore } from '../helpers/temp-core';

/**
 * The server keeps a verified copy of each laptop's audit log (docs/sync.md#the-audit-log-on-the-server): every
 * entry after a sync, a forged or broken chain refused and the device flagged, a restored laptop's log kept as a
 * new copy beside the old one.
 */
let server: TestServer;
const laptop = tempCore();

beforeAll(async () => {
  server = await testServer();
  await laptop.call('sync.enrol', { serverUrl: server.url, code: await server.code(), name: 'Bridge laptop' });
}, 60_000);
afterAll(async () => {
  await laptop.dispose();
  await server.close();
});

const localLog = () =>
  laptop.state
    .requireDatabase()
    .sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq')
    .all() as Array<{ seq: number; hash: string }>;
const serverCopy = async (name: string) => {
  const [device] = await server.store.query<{ id: string; audit_branch: number }>('SELECT id, audit_branch FROM devices WHERE name = $1', [name]);
  const rows = await server.store.query<{ seq: number; hash: string }>('SELECT seq::float8 AS seq, hash FROM device_audit WHERE device_id = $1 AND branch = $2 ORDER BY seq', [
    device!.id,
    device!.audit_branch,
  ]);
  return { branch: device!.audit_branch, rows, deviceId: device!.id };
};

describe("the server's copy of a laptop's audit log", () => {
  it('holds every entry of the log after a sync, and the next ones after the next', async () => {
    await laptop.call('people.create', personInput({ surname: 'Audited', email: 'audited@example.org' }));
    await laptop.call('sync.now', {});
    expect((await serverCopy('Bridge laptop')).rows).toEqual(localLog());
    await laptop.call('people.create', personInput({ surname: 'Later', email: 'later@example.org' }));
    await laptop.call('sync.now', {});
    const copy = await serverCopy('Bridge laptop');
    expect(copy.rows).toEqual(localLog());
    expect(copy.branch).toBe(0);
  });

  it('keeps a restored laptop’s log as a new copy beside the old one, and flags the laptop', async () => {
    const backup = await laptop.call('backups.create', {});
    await laptop.call('people.create', personInput({ surname: 'Lost', email: 'lost@example.org' }));
    await laptop.call('sync.now', {});
    const before = await serverCopy('Bridge laptop');
    await laptop.call('backups.restore', { id: backup.id });
    await laptop.call('sync.now', {});
    const after = await serverCopy('Bridge laptop');
    expect(after.branch).toBe(1);
    expect(after.rows).toEqual(localLog());
    // The old copy still holds the entries the restore took away from the laptop.
    const old = await server.store.query<{ n: number }>('SELECT count(*)::float8 AS n FROM device_audit WHERE device_id = $1 AND branch = 0', [after.deviceId]);
    expect(old[0]!.n).toBe(before.rows.length);
    const [listed] = (await listDevices(server.store)).filter((d) => d.name === 'Bridge laptop');
    expect(listed!.auditWarning?.what).toMatch(/rewritten or restored from a backup/);
    expect(listed!.auditCopied).toBe(after.rows.length);
  });
});

describe('entries the server refuses', () => {
  let token: string;
  const send = (body: unknown) =>
    fetch(`${server.url}/v1/audit`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then(
      async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string; message: string }; seq?: number } }),
    );
  const entry = (seq: number, prevHash: string, note = 'signed in'): AuditEntryRow => {
    const row = { seq, at: '2026-12-02T10:00:00.000Z', actorKind: 'user', actorId: 'u1', actorName: 'Captain', action: 'signed_in', tbl: null, rowId: null, personId: null, changes: '{}', note, prevHash };
    return { ...row, hash: entryHash(row) };
  };

  beforeAll(async () => {
    const enrolled = await fetch(`${server.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: await server.code(), name: 'Forger' }) });
    token = ((await enrolled.json()) as { token: string }).token;
  });

  it('takes a chain that holds, once, and refuses entries that break it, naming the entry', async () => {
    const first = entry(1, GENESIS_HASH);
    expect(await send({ branch: 0, entries: [{ ...first, hash: 'f'.repeat(64) }] })).toMatchObject({ status: 422, body: { error: { code: 'AUDIT_CHAIN_BROKEN', message: expect.stringMatching(/Entry 1 .* does not match its hash/) } } });
    expect(await send({ branch: 0, entries: [first] })).toMatchObject({ status: 200, body: { seq: 1 } });
    // Sent again (a lost answer): passed over.
    expect(await send({ branch: 0, entries: [first] })).toMatchObject({ status: 200, body: { seq: 1 } });
    expect(await send({ branch: 0, entries: [entry(2, 'a'.repeat(64))] })).toMatchObject({ status: 422, body: { error: { code: 'AUDIT_CHAIN_BROKEN', message: expect.stringMatching(/Entry 2 .* does not follow/) } } });
    expect(await send({ branch: 0, entries: [entry(3, first.hash)] })).toMatchObject({ status: 409, body: { error: { code: 'SEQUENCE_GAP' } } });
    expect(await send({ branch: 0, entries: [entry(1, GENESIS_HASH, 'rewritten')] })).toMatchObject({ status: 422, body: { error: { code: 'AUDIT_CHAIN_BROKEN', message: expect.stringMatching(/differs from the copy/) } } });
    expect(await send({ branch: 5, entries: [entry(1, GENESIS_HASH)] })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } });
    expect(await send({ branch: 0, entries: [] })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } });
    const copy = await serverCopy('Forger');
    expect(copy.rows).toEqual([{ seq: 1, hash: first.hash }]);
    const [listed] = (await listDevices(server.store)).filter((d) => d.name === 'Forger');
    expect(listed!.auditWarning?.what).toMatch(/refused: Entry 1 .* differs from the copy/);
    expect(listed!.auditCopied).toBe(1);
  });

  it('answers nothing without a device token', async () => {
    const answer = await fetch(`${server.url}/v1/audit`);
    expect(answer.status).toBe(401);
  });
});
