import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrg, createEnrolmentCode, enrol } from '../../src/server/admin';
import { sweepFiles } from '../../src/server/file-sweep';
import { scheduleHousekeeping, type HousekeepingLog } from '../../src/server/housekeeping';
import { openStore, type Store } from '../../src/server/store';
import { formatHlc } from '../../src/shared/sync/hlc';
import type { Change } from '../../src/shared/sync/protocol';
import { SYNC_SCHEMA_VERSION } from '../../src/shared/sync/tables';
import { postgresMissing, startPostgres, type TempPostgres } from '../helpers/postgres';
import { testServer, type TestServer } from '../helpers/sync-server';

/**
 * Housekeeping on the server (docs/sync.md#attachments, #the-server): the sweep of files no row names any more
 * and of unfinished uploads, and the schedule that runs it with compaction, one server at a time. The clock is
 * passed in; nothing sleeps. On PGlite, and on a throwaway PostgreSQL cluster when its binaries are installed.
 */
type Device = { token: string; deviceId: string };
const DAY = 86_400_000;
const V1 = 'vessel-one';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const auth = (device: Device) => ({ authorization: `Bearer ${device.token}` });

describe.each([
  { kind: 'PGlite', postgres: false },
  { kind: 'PostgreSQL', postgres: true },
])('housekeeping on the server ($kind)', ({ postgres }) => {
  const skip = postgres && postgresMissing() !== null;
  let server: TestServer;
  let cluster: TempPostgres | undefined;
  let office: Device;
  let aboard: Device;
  let agency: Device;
  let agencyOrg: string;
  const T = Date.now();
  let stamp = T;

  beforeAll(async () => {
    if (skip) return;
    if (postgres) cluster = await startPostgres();
    server = await testServer(cluster ? { databaseUrl: cluster.url } : {});
    const device = async (org: string, vessel?: string) => enrol(server.store, (await createEnrolmentCode(server.store, org, vessel)).code, vessel ?? 'office');
    office = await device(server.org.id);
    aboard = await device(server.org.id, V1);
    agencyOrg = (await addOrg(server.store, `Agency ${crypto.randomUUID().slice(0, 8)}`)).id;
    agency = await device(agencyOrg);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    cluster?.stop();
  });

  const nextSeq = new Map<string, number>();
  /** Pushes cells as one transaction of the device: `rows` maps table and row id to the columns written. */
  async function push(device: Device, rows: { table: string; rowId: string; values: Record<string, string> }[]): Promise<void> {
    const tx = formatHlc({ wallMs: ++stamp, counter: 0, node: device.deviceId.slice(0, 8) });
    const changes: Change[] = rows.flatMap(({ table, rowId, values }) =>
      Object.entries(values).map(([column, value]) => {
        const seq = nextSeq.get(device.token) ?? 1;
        nextSeq.set(device.token, seq + 1);
        return { seq, tx, hlc: tx, base: null, table, rowId, column, value } as Change;
      }),
    );
    const answer = await server.app.inject({ method: 'POST', url: '/v1/push', headers: { ...auth(device), 'content-type': 'application/json' }, payload: { schemaVersion: SYNC_SCHEMA_VERSION, changes } });
    expect(answer.statusCode, answer.body).toBe(200);
  }
  const put = (device: Device, bytes: Buffer, sent: Buffer) =>
    server.app.inject({ method: 'PUT', url: `/v1/attachments/${sha(bytes)}?offset=0&size=${bytes.length}`, headers: { ...auth(device), 'content-type': 'application/octet-stream' }, payload: sent });
  async function upload(device: Device, bytes: Buffer): Promise<void> {
    const answer = await put(device, bytes, bytes);
    expect(answer.json()).toEqual({ received: bytes.length, complete: true });
  }
  const fetchable = async (device: Device, bytes: Buffer) => (await server.app.inject({ method: 'GET', url: `/v1/attachments/${sha(bytes)}`, headers: auth(device) })).statusCode;
  const kept = async (bytes: Buffer) => (await server.store.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_chunks WHERE hash = $1', [sha(bytes)]))[0]!.n;

  const photo = { before: randomBytes(3000), after: randomBytes(2000), carried: randomBytes(1000), shared: randomBytes(1500), other: randomBytes(700) };
  const ids = { plain: crypto.randomUUID(), carried: crypto.randomUUID(), shared: crypto.randomUUID(), position: crypto.randomUUID(), assignment: crypto.randomUUID() };

  describe.skipIf(skip)('the sweep of files', () => {
    it('keeps a replaced photo through the grace period, then removes it; keeps what a row names, carries or shares', async () => {
      await push(office, [
        { table: 'people', rowId: ids.plain, values: { photo_hash: sha(photo.before) } },
        { table: 'people', rowId: ids.carried, values: { photo_hash: sha(photo.carried) } },
        { table: 'people', rowId: ids.shared, values: { photo_hash: sha(photo.shared) } },
        { table: 'positions', rowId: ids.position, values: { vessel_id: V1 } },
        { table: 'assignments', rowId: ids.assignment, values: { position_id: ids.position, person_id: ids.carried } },
      ]);
      for (const bytes of [photo.before, photo.carried, photo.shared]) await upload(office, bytes);
      const share = await server.app.inject({ method: 'POST', url: '/v1/shares', headers: { ...auth(office), 'content-type': 'application/json' }, payload: { personId: ids.shared, to: agencyOrg } });
      expect(share.statusCode, share.body).toBe(200);
      expect(await server.store.query("SELECT feed FROM sync_carries WHERE tbl = 'people' AND row_id = $1", [ids.carried])).toEqual([{ feed: `vessel:${V1}` }]);
      // The photo is replaced: the old file is named by no row from now on.
      await push(office, [{ table: 'people', rowId: ids.plain, values: { photo_hash: sha(photo.after) } }]);
      await upload(office, photo.after);

      expect(await sweepFiles(server.store, { now: T })).toEqual({ dryRun: false, removed: [], waiting: 1, stoppedEarly: false });
      expect((await sweepFiles(server.store, { now: T + 6 * DAY })).removed).toEqual([]);
      expect(await kept(photo.before)).toBe(1);
      const dry = await sweepFiles(server.store, { now: T + 8 * DAY, dryRun: true });
      expect(dry.removed.map((f) => [f.hash, f.reason, f.bytes])).toEqual([[sha(photo.before), 'unnamed', 3000]]);
      expect(await kept(photo.before)).toBe(1);

      const swept = await sweepFiles(server.store, { now: T + 8 * DAY });
      expect(swept.removed).toEqual([{ feed: `org:${server.org.id}`, hash: sha(photo.before), reason: 'unnamed', bytes: 3000, since: new Date(T).toISOString() }]);
      expect(swept.waiting).toBe(0);
      expect(await kept(photo.before)).toBe(0);
      expect(await server.store.query('SELECT hash FROM attachments WHERE hash = $1', [sha(photo.before)])).toEqual([]);
      // What remains is still served to those who read it: the office, the vessel its crew member is carried into, the organisation it was shared with.
      expect(await fetchable(office, photo.after)).toBe(200);
      expect(await fetchable(aboard, photo.carried)).toBe(200);
      expect(await fetchable(agency, photo.shared)).toBe(200);
    });

    it('keeps a file whose row names it again before the grace period ends', async () => {
      await push(office, [{ table: 'people', rowId: ids.plain, values: { photo_hash: sha(photo.other) } }]);
      await upload(office, photo.other);
      expect((await sweepFiles(server.store, { now: T + 10 * DAY })).waiting).toBe(1);
      await push(office, [{ table: 'people', rowId: ids.plain, values: { photo_hash: sha(photo.after) } }]);
      // The mark of the first sweep is cleared; the photo now unnamed is marked instead, and nothing is old enough.
      const later = await sweepFiles(server.store, { now: T + 20 * DAY });
      expect(later.removed).toEqual([]);
      expect(await kept(photo.after)).toBe(1);
      expect((await sweepFiles(server.store, { now: T + 28 * DAY })).removed.map((f) => f.hash)).toEqual([sha(photo.other)]);
      expect(await kept(photo.after)).toBe(1);
    });

    it('removes an upload left unfinished for 7 days, not one touched since; the device then sends it again from 0', async () => {
      const scan = randomBytes(4000);
      await push(aboard, [{ table: 'documents', rowId: crypto.randomUUID(), values: { file_hash: sha(scan) } }]);
      const half = await put(aboard, scan, scan.subarray(0, 1500));
      expect(half.json()).toEqual({ received: 1500, complete: false });

      expect((await sweepFiles(server.store, { now: Date.now() + 6 * DAY })).removed).toEqual([]);
      const swept = await sweepFiles(server.store, { now: Date.now() + 8 * DAY });
      expect(swept.removed.map((f) => [f.feed, f.hash, f.reason, f.bytes])).toEqual([[`vessel:${V1}`, sha(scan), 'unfinished', 1500]]);
      expect(await kept(scan)).toBe(0);

      const status = await server.app.inject({ method: 'POST', url: '/v1/attachments/status', headers: { ...auth(aboard), 'content-type': 'application/json' }, payload: { hashes: [sha(scan)] } });
      expect(status.json()).toEqual({ attachments: [{ hash: sha(scan), referenced: true, complete: false, received: 0, size: null }] });
      await upload(aboard, scan);
      expect(await fetchable(office, scan)).toBe(200);
    });
  });

  describe.skipIf(skip)('the schedule', () => {
    const recorder = () => {
      const lines: string[] = [];
      const log: HousekeepingLog = { info: (_fields, message) => lines.push(message), error: (_fields, message) => lines.push(`error: ${message}`) };
      return { lines, log };
    };

    it('runs a round once an interval, compacting and sweeping, on one of two schedulers at a time', async () => {
      // A second store stands for a second server process: on PostgreSQL its own connections, on PGlite the same.
      const second: Store = cluster ? await openStore({ databaseUrl: cluster.url }) : server.store;
      let clock = Date.now() + 40 * DAY;
      const a = recorder();
      const b = recorder();
      const one = scheduleHousekeeping(server.store, { hours: 24, log: a.log, now: () => clock });
      const two = scheduleHousekeeping(second, { hours: 24, log: b.log, now: () => clock });
      try {
        // A replaced value leaves an entry compaction removes.
        await push(office, [{ table: 'people', rowId: ids.plain, values: { given_names: 'Ana' } }]);
        await push(office, [{ table: 'people', rowId: ids.plain, values: { given_names: 'Anna' } }]);
        // The first tick of a new database starts its clock; the first round comes an interval later.
        expect(await one.tick()).toEqual({ ran: false, reason: 'not due' });
        clock += 25 * 3_600_000;
        const outcomes = await Promise.all([one.tick(), two.tick()]);
        const ran = outcomes.filter((o) => o.ran);
        expect(ran).toHaveLength(1);
        expect(outcomes.filter((o) => !o.ran)).toEqual([{ ran: false, reason: 'busy' }]);
        const round = ran[0]!.ran ? ran[0]!.round : null;
        expect(round!.entriesRemoved).toBeGreaterThan(0);
        expect(round!.sweep.stoppedEarly).toBe(false);
        expect([...a.lines, ...b.lines]).toEqual(['housekeeping started', 'housekeeping done']);
        // Done for this interval, whichever server asks.
        expect(await two.tick()).toEqual({ ran: false, reason: 'not due' });
        expect(await one.tick()).toEqual({ ran: false, reason: 'not due' });
      } finally {
        await one.stop();
        await two.stop();
        if (second !== server.store) await second.close();
      }
    });

    it('waits for a running round when stopped, and runs none afterwards', async () => {
      let clock = Date.now() + 400 * DAY;
      const { log, lines } = recorder();
      const housekeeping = scheduleHousekeeping(server.store, { hours: 1, log, now: () => clock });
      let settled = false;
      const round = housekeeping.tick().finally(() => (settled = true));
      await housekeeping.stop();
      expect(settled).toBe(true);
      expect((await round).ran).toBe(true);
      expect(lines.at(-1)).toMatch(/^housekeeping (done|stopped early: the server is shutting down)$/);
      clock += 2 * 3_600_000;
      expect(await housekeeping.tick()).toEqual({ ran: false, reason: 'stopped' });
    });
  });
});
