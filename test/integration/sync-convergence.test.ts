import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctClock } from '../../src/core/db/change-capture';
import { openDatabase, type LocalDatabase } from '../../src/core/db/database';
import { write } from '../../src/core/db/writes';
import { syncOnce } from '../../src/core/sync/run';
import { SyncFailure, type SyncTransport } from '../../src/core/sync/transport';
import { createEnrolmentCode, enrol } from '../../src/server/admin';
import { buildApp } from '../../src/server/app';
import { compactFeeds } from '../../src/server/compaction';
import { openStore, type Store } from '../../src/server/store';
import { addOrg } from '../../src/server/admin';
import type { Change, FeedPage } from '../../src/shared/sync/protocol';
import type { SnapshotGroup } from '../../src/shared/sync/snapshot-protocol';
import { postgresMissing, startPostgres, type TempPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-core';

/**
 * docs/sync.md#what-the-tests-hold — convergence and isolation, model-based. Devices on two vessels and an office
 * make random inserts, edits, archives and restores, and sync in random orders through faults: the connection
 * cut before the server commits or after it commits but before the answer, a page that fails halfway through
 * being applied, batches delivered twice or out of order, a server restart, clocks days behind and a year ahead.
 * After every step no device holds a row outside its tenants; at the end every device equals the server's
 * projection of its feeds, each cell holds the value with the highest stamp ever acknowledged, and no
 * acknowledged write is lost.
 */

type Fault = 'none' | 'cutBeforeCommit' | 'cutAfterCommit' | 'pageFails' | 'duplicate' | 'reorder' | 'snapshotCut';
type Command =
  | { kind: 'insert'; device: number }
  | { kind: 'edit'; device: number; pick: number; value: string }
  | { kind: 'archive' | 'restore'; device: number; pick: number }
  | { kind: 'sync'; device: number; fault: Fault }
  | { kind: 'skew'; device: number; ms: number }
  | { kind: 'join'; device: number }
  | { kind: 'compact' }
  | { kind: 'restart' };

const DEVICES = 4;
const DAY = 86_400_000;
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), device: fc.nat(DEVICES - 1) }),
  fc.record({ kind: fc.constant('edit' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(50), value: fc.constantFrom('Aurora', 'Borealis', 'Calypso', 'Dorado') }),
  fc.record({ kind: fc.constantFrom('archive' as const, 'restore' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('sync' as const), device: fc.nat(DEVICES - 1), fault: fc.constantFrom<Fault>('none', 'none', 'cutBeforeCommit', 'cutAfterCommit', 'pageFails', 'duplicate', 'reorder', 'snapshotCut') }),
  fc.record({ kind: fc.constant('skew' as const), device: fc.nat(DEVICES - 1), ms: fc.constantFrom(-3 * DAY, -DAY, 2 * DAY, 365 * DAY) }),
  // A laptop replaced by a fresh one enrolled into the same tenant: its first sync is a snapshot.
  fc.record({ kind: fc.constant('join' as const), device: fc.nat(DEVICES - 1) }),
  fc.constant({ kind: 'compact' as const }),
  fc.constant({ kind: 'restart' as const }),
);

interface Device {
  db: LocalDatabase;
  token: string;
  tenants: string[];
}

function suite(name: string, storeOptions: () => Promise<{ databaseUrl?: string } | null>) {
  describe(`convergence and isolation on ${name}`, () => {
    let store: Store;
    let skip: string | null = null;
    beforeAll(async () => {
      const options = await storeOptions();
      if (options === null) return;
      store = await openStore(options);
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });

    it('every device converges to the server’s projection of its feeds, with no row from another tenant', async (context) => {
      if (!store) {
        skip = postgresMissing();
        context.skip(skip ?? 'no store');
      }
      let app = await buildApp({ store, logger: false, rateLimit: 1_000_000 });
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 40 }), async (commands) => {
          const org = await addOrg(store, `Run ${crypto.randomUUID()}`);
          const vessels = [crypto.randomUUID(), crypto.randomUUID()];
          const scratch = tempDir('harmony-sync-');
          const devices: Device[] = [];
          const acknowledged: Change[] = [];
          try {
            // Two laptops on the first vessel, one on the second, one in the office.
            const homes = [vessels[0], vessels[0], vessels[1], undefined];
            let opened = 0;
            const enrolDevice = async (vesselId: string | undefined): Promise<Device> => {
              const code = (await createEnrolmentCode(store, org.id, vesselId)).code;
              const enrolled = await enrol(store, code, 'device');
              const db = openDatabase({ file: `${scratch.path}/${(opened += 1)}.db` });
              return { db, token: enrolled.token, tenants: enrolled.tenants };
            };
            for (const vesselId of homes) devices.push(await enrolDevice(vesselId));
            for (const step of commands) {
              if (step.kind === 'join') {
                // Its unsent changes go with it; only acknowledged ones are held to.
                devices[step.device]!.db.close();
                devices[step.device] = await enrolDevice(homes[step.device]);
              } else if (step.kind === 'compact') {
                await compactFeeds(store);
              } else if (step.kind === 'restart') {
                await app.close();
                app = await buildApp({ store, logger: false, rateLimit: 1_000_000 });
              } else if (step.kind === 'sync') {
                await syncOnce(() => devices[step.device]!.db.sqlite, transport(app, devices[step.device]!.token, step.fault, acknowledged)).catch((error: unknown) => {
                  if (!(error instanceof SyncFailure) && !(error instanceof Error && /no such column|has no column named/.test(error.message))) throw error;
                });
              } else if (step.kind === 'skew') {
                const sqlite = devices[step.device]!.db.sqlite;
                write(sqlite, () => correctClock(sqlite, step.ms, false));
              } else {
                localEdit(devices[step.device]!.db, step);
              }
              await expectIsolation(store, devices);
            }
            // Quiet: everyone syncs until nothing moves.
            for (let round = 0; round < 2; round += 1) {
              for (const device of devices) await syncOnce(() => device.db.sqlite, transport(app, device.token, 'none', acknowledged));
            }
            await expectConverged(store, devices, acknowledged);
          } finally {
            for (const device of devices) device.db.close();
            scratch.remove();
          }
        }),
        { numRuns: Number(process.env.SYNC_RUNS ?? 12), endOnFailure: true },
      );
      await app.close();
    }, 600_000);
  });
}

function localEdit(db: LocalDatabase, step: Extract<Command, { kind: 'insert' | 'edit' | 'archive' | 'restore' }>): void {
  const sqlite = db.sqlite;
  const now = new Date().toISOString();
  write(sqlite, () => {
    if (step.kind === 'insert') {
      sqlite
        .prepare("INSERT INTO vessels (id, name, kind, length_m, flag, use, cruising_areas, created_at, updated_at) VALUES (?, 'New', 'motor', 40, 'MLT', 'private', '[]', ?, ?)")
        .run(crypto.randomUUID(), now, now);
      return;
    }
    const rows = sqlite.prepare('SELECT id FROM vessels ORDER BY id').all() as { id: string }[];
    if (rows.length === 0) return;
    const id = rows[step.pick % rows.length]!.id;
    if (step.kind === 'edit') sqlite.prepare('UPDATE vessels SET name = ?, updated_at = ? WHERE id = ?').run(`${step.value} ${now.slice(17, 23)}`, now, id);
    else sqlite.prepare('UPDATE vessels SET archived_at = ?, updated_at = ? WHERE id = ?').run(step.kind === 'archive' ? now : null, now, id);
  });
}

/** The server through app.inject, with the fault of this sync between the two. */
function transport(app: Awaited<ReturnType<typeof buildApp>>, token: string, fault: Fault, acknowledged: Change[]): SyncTransport {
  const call = async (path: string, body: unknown) => {
    const answer = await app.inject({ method: 'POST', url: path, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: body as object });
    const json = answer.json();
    if (answer.statusCode !== 200) throw new SyncFailure(json.error.code, json.error.message, json.error.serverTime, json.error.expected);
    return json;
  };
  let faulted = false;
  const once = (f: Fault) => fault === f && !faulted && (faulted = true);
  return {
    enrol: () => Promise.reject(new Error('not used')),
    async push(request) {
      if (once('cutBeforeCommit')) throw new SyncFailure('UNREACHABLE', 'cut');
      if (once('reorder') && request.changes.length > 1) {
        // A later part of the batch arrives first: refused as a gap, and nothing of it applied.
        await call('/v1/push', { ...request, changes: request.changes.slice(1) }).catch((e: unknown) => {
          if (!(e instanceof SyncFailure) || e.code !== 'SEQUENCE_GAP') throw e;
        });
      }
      const answer = await call('/v1/push', request);
      if (fault === 'duplicate') await call('/v1/push', request);
      acknowledged.push(...request.changes.filter((c) => c.seq <= answer.acknowledged));
      if (once('cutAfterCommit')) throw new SyncFailure('UNREACHABLE', 'cut');
      return answer;
    },
    async snapshot(request) {
      // Cut after the first page: the next sync resumes after the last page applied.
      if (fault === 'snapshotCut' && request.after !== null && !faulted) {
        faulted = true;
        throw new SyncFailure('UNREACHABLE', 'cut');
      }
      const page = await call('/v1/snapshot', { ...request, limit: 3 });
      const group = page.groups.find((g: SnapshotGroup) => g.rows.length > 1);
      if (group && once('pageFails')) {
        // A column this device does not know, on a row halfway through the page: nothing of the page may stay.
        group.columns.push('no_such_column');
        for (const row of group.rows) row[3].push('x');
      }
      return page;
    },
    async pull(cursors) {
      const answer = await call('/v1/pull', { cursors, limit: 7 });
      if (once('pageFails')) {
        const page = answer.feeds.find((p: FeedPage) => p.entries.length > 1);
        // A page that breaks halfway through being applied: nothing of it, nor its cursor, may stay.
        if (page) page.entries.splice(Math.floor(page.entries.length / 2), 0, { ...page.entries[0], column: 'no_such_column' });
      }
      return answer;
    },
    auditHead: async () => (await app.inject({ method: 'GET', url: '/v1/audit', headers: { authorization: `Bearer ${token}` } })).json(),
    async sendAudit(request) {
      const answer = await call('/v1/audit', request);
      if (fault === 'duplicate') await call('/v1/audit', request);
      return answer;
    },
  };
}

async function ownerOf(store: Store): Promise<Map<string, string>> {
  const rows = await store.query<{ row_id: string; owner_feed: string }>("SELECT row_id, owner_feed FROM sync_rows WHERE tbl = 'vessels'");
  return new Map(rows.map((r) => [r.row_id, r.owner_feed]));
}

async function expectIsolation(store: Store, devices: Device[]): Promise<void> {
  const owners = await ownerOf(store);
  for (const device of devices) {
    const outbox = new Set((device.db.sqlite.prepare("SELECT DISTINCT row_id AS id FROM sync_outbox WHERE tbl = 'vessels'").all() as { id: string }[]).map((r) => r.id));
    for (const { id } of device.db.sqlite.prepare('SELECT id FROM vessels').all() as { id: string }[]) {
      const owner = owners.get(id);
      // A row is the device's own (not yet, or already, sent) or belongs to one of its tenants.
      if (owner === undefined) expect(outbox.has(id)).toBe(true);
      else expect(device.tenants).toContain(owner);
    }
  }
}

async function expectConverged(store: Store, devices: Device[], acknowledged: Change[]): Promise<void> {
  const owners = await ownerOf(store);
  // The store is shared by every run; this run's rows are those of its devices' feeds.
  const feeds = new Set(devices.flatMap((d) => d.tenants));
  const cells = (await store.query<{ row_id: string; col: string; value: unknown; hlc: string }>("SELECT row_id, col, value, hlc FROM sync_cells WHERE tbl = 'vessels'")).filter((c) =>
    feeds.has(owners.get(c.row_id)!),
  );
  // Each cell holds the value with the highest stamp acknowledged; nothing acknowledged is lost.
  const best = new Map<string, Change>();
  for (const change of acknowledged.filter((c) => c.table === 'vessels')) {
    const key = `${change.rowId}/${change.column}`;
    const held = best.get(key);
    if (!held || change.hlc > held.hlc || (change.hlc === held.hlc && change.seq > held.seq)) best.set(key, change);
  }
  expect(cells.length).toBe(best.size);
  for (const cell of cells) {
    const expected = best.get(`${cell.row_id}/${cell.col}`)!;
    expect({ hlc: cell.hlc, value: cell.value }).toEqual({ hlc: expected.hlc, value: expected.value });
  }
  for (const device of devices) {
    expect(device.db.sqlite.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    const projection = new Map<string, Record<string, unknown>>();
    for (const cell of cells) {
      if (!device.tenants.includes(owners.get(cell.row_id)!)) continue;
      projection.set(cell.row_id, { ...projection.get(cell.row_id), [cell.col]: cell.value });
    }
    const rows = device.db.sqlite.prepare('SELECT * FROM vessels').all() as Record<string, unknown>[];
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(projection.keys()));
    for (const row of rows) expect(row).toMatchObject(projection.get(row.id as string)!);
  }
}

suite('PGlite', async () => ({}));
let postgres: TempPostgres | null = null;
suite('PostgreSQL', async () => {
  if (postgresMissing()) return null;
  postgres = await startPostgres();
  return { databaseUrl: postgres.url };
});
afterAll(() => postgres?.stop());
