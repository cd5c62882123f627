import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctClock } from '../../src/core/db/change-capture';
import { openDatabase, type LocalDatabase } from '../../src/core/db/database';
import { write } from '../../src/core/db/writes';
import { syncOnce } from '../../src/core/sync/run';
import { SyncFailure, type SyncTransport } from '../../src/core/sync/transport';
import { createEnrolmentCode, enrol, tenantsOf, type DeviceRow } from '../../src/server/admin';
import { buildApp } from '../../src/server/app';
import { compactFeeds } from '../../src/server/compaction';
import { openStore, type Store } from '../../src/server/store';
import { addOrg } from '../../src/server/admin';
import type { Change, FeedPage } from '../../src/shared/sync/protocol';
import type { SnapshotGroup } from '../../src/shared/sync/snapshot-protocol';
import { SYNC_SCHEMA_VERSION } from '../../src/shared/sync/tables';
import { postgresMissing, startPostgres, type TempPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-core';

/**
 * docs/sync.md#what-the-tests-hold — convergence and isolation, model-based. Devices on two vessels and an office
 * make random inserts, edits, archives and restores — of vessels, their positions, people and the assignments
 * that carry a person into a vessel's feed — and sync in random orders through faults: the connection
 * cut before the server commits or after it commits but before the answer, a page that fails halfway through
 * being applied, batches delivered twice or out of order, a server restart, clocks days behind and a year ahead.
 * After every step no device holds a row outside its tenants; at the end every device equals the server's
 * projection of its feeds, each cell holds the value with the highest stamp ever acknowledged, and no
 * acknowledged write is lost.
 */

type Fault = 'none' | 'cutBeforeCommit' | 'cutAfterCommit' | 'pageFails' | 'duplicate' | 'reorder' | 'snapshotCut';
type Edited = 'vessels' | 'people';
type Command =
  | { kind: 'insert'; device: number; which: number }
  | { kind: 'position'; device: number; pick: number }
  | { kind: 'hire'; device: number; pick: number; existing: number | null }
  | { kind: 'edit'; device: number; table: Edited; pick: number; value: string }
  | { kind: 'archive' | 'restore'; device: number; table: Edited; pick: number }
  | { kind: 'sync'; device: number; fault: Fault }
  | { kind: 'skew'; device: number; ms: number }
  | { kind: 'join'; device: number }
  | { kind: 'compact' }
  | { kind: 'restart' };

const DEVICES = 4;
const DAY = 86_400_000;
/** The tables the devices write; every device must hold exactly its feeds' rows of them. */
const TABLES = ['vessels', 'positions', 'people', 'assignments'] as const;
const edited = fc.constantFrom<Edited>('vessels', 'people');
const command: fc.Arbitrary<Command> = fc.oneof(
  // `which`: one of the two enrolled vessels (when the office enters their records), or a new one.
  fc.record({ kind: fc.constant('insert' as const), device: fc.nat(DEVICES - 1), which: fc.nat(2) }),
  fc.record({ kind: fc.constant('position' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('hire' as const), device: fc.nat(DEVICES - 1), pick: fc.nat(50), existing: fc.option(fc.nat(50)) }),
  fc.record({ kind: fc.constant('edit' as const), device: fc.nat(DEVICES - 1), table: edited, pick: fc.nat(50), value: fc.constantFrom('Aurora', 'Borealis', 'Calypso', 'Dorado') }),
  fc.record({ kind: fc.constantFrom('archive' as const, 'restore' as const), device: fc.nat(DEVICES - 1), table: edited, pick: fc.nat(50) }),
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
  /** As the server knows it, to ask for its tenants: an office's grow as it creates vessels. */
  row: Pick<DeviceRow, 'org_id' | 'vessel_id'>;
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
              return { db, token: enrolled.token, row: { org_id: org.id, vessel_id: vesselId ?? null } };
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
                // Only the office enters the records of the enrolled vessels; a laptop aboard creates rows of its own.
                localEdit(devices[step.device]!.db, step, homes[step.device] === undefined ? vessels : []);
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

function localEdit(db: LocalDatabase, step: Extract<Command, { kind: 'insert' | 'position' | 'hire' | 'edit' | 'archive' | 'restore' }>, enrolled: string[]): void {
  const sqlite = db.sqlite;
  const now = new Date().toISOString();
  const ids = (table: string): string[] => (sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  const pick = (table: string, n: number): string | undefined => {
    const rows = ids(table);
    return rows.length === 0 ? undefined : rows[n % rows.length];
  };
  write(sqlite, () => {
    if (step.kind === 'insert') {
      sqlite
        .prepare("INSERT OR IGNORE INTO vessels (id, name, kind, length_m, flag, use, cruising_areas, created_at, updated_at) VALUES (?, 'New', 'motor', 40, 'MLT', 'private', '[]', ?, ?)")
        .run(enrolled[step.which] ?? crypto.randomUUID(), now, now);
    } else if (step.kind === 'position') {
      const vessel = pick('vessels', step.pick);
      if (vessel === undefined) return;
      sqlite
        .prepare("INSERT INTO positions (id, vessel_id, department, title, headcount, employment_kind, created_at, updated_at) VALUES (?, ?, 'deck', 'Deckhand', 2, 'permanent', ?, ?)")
        .run(crypto.randomUUID(), vessel, now, now);
    } else if (step.kind === 'hire') {
      const position = pick('positions', step.pick);
      if (position === undefined) return;
      let person = step.existing === null ? undefined : pick('people', step.existing);
      if (person === undefined) {
        person = crypto.randomUUID();
        sqlite
          .prepare("INSERT INTO people (id, given_names, surname, date_of_birth, nationalities, languages, sort_key, created_at, updated_at) VALUES (?, 'Ana', 'Marin', '1990-01-01', '[\"HR\"]', '[]', 'marin ana', ?, ?)")
          .run(person, now, now);
      }
      sqlite.prepare('INSERT INTO assignments (id, person_id, position_id, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(crypto.randomUUID(), person, position, now.slice(0, 10), now, now);
    } else {
      const id = pick(step.table, step.pick);
      if (id === undefined) return;
      const column = step.table === 'vessels' ? 'name' : 'surname';
      if (step.kind === 'edit') sqlite.prepare(`UPDATE ${step.table} SET ${column} = ?, updated_at = ? WHERE id = ?`).run(`${step.value} ${now.slice(17, 23)}`, now, id);
      else sqlite.prepare(`UPDATE ${step.table} SET archived_at = ?, updated_at = ? WHERE id = ?`).run(step.kind === 'archive' ? now : null, now, id);
    }
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
      const page = await call('/v1/snapshot', { ...request, schemaVersion: SYNC_SCHEMA_VERSION, limit: 3 });
      const group = page.groups.find((g: SnapshotGroup) => g.rows.length > 1);
      if (group && once('pageFails')) {
        // A column this device does not know, on a row halfway through the page: nothing of the page may stay.
        group.columns.push('no_such_column');
        for (const row of group.rows) row[3].push('x');
      }
      return page;
    },
    async pull(cursors) {
      const answer = await call('/v1/pull', { schemaVersion: SYNC_SCHEMA_VERSION, cursors, limit: 7 });
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

const key = (table: string, id: string): string => `${table}/${id}`;

/** Every row of the written tables the server lets a set of feeds hold: those they own and those carried into them. */
async function rowsOfFeeds(store: Store, feeds: string[]): Promise<Set<string>> {
  const rows = await store.query<{ tbl: string; row_id: string }>(
    'SELECT tbl, row_id FROM sync_rows WHERE owner_feed = ANY($1) AND tbl = ANY($2) UNION SELECT tbl, row_id FROM sync_carries WHERE feed = ANY($1) AND tbl = ANY($2)',
    [feeds, [...TABLES]],
  );
  return new Set(rows.map((r) => key(r.tbl, r.row_id)));
}

const tenantsNow = async (store: Store, device: Device): Promise<string[]> => (await tenantsOf(store, device.row)).tenants;

async function expectIsolation(store: Store, devices: Device[]): Promise<void> {
  for (const device of devices) {
    const sqlite = device.db.sqlite;
    const visible = await rowsOfFeeds(store, await tenantsNow(store, device));
    const unsent = new Set((sqlite.prepare('SELECT DISTINCT tbl, row_id FROM sync_outbox').all() as { tbl: string; row_id: string }[]).map((r) => key(r.tbl, r.row_id)));
    for (const table of TABLES) {
      for (const { id } of sqlite.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]) {
        // A row is the device's own, not yet sent, or one its tenants own or carry.
        if (!visible.has(key(table, id))) expect(unsent.has(key(table, id)), `${table} ${id} outside the device's feeds`).toBe(true);
      }
    }
  }
}

async function expectConverged(store: Store, devices: Device[], acknowledged: Change[]): Promise<void> {
  // The store is shared by every run; this run's rows are those of the office's feeds, which are all of its organisation's.
  const ours = await rowsOfFeeds(store, (await Promise.all(devices.map((d) => tenantsNow(store, d)))).flat());
  const cells = (await store.query<{ tbl: string; row_id: string; col: string; value: unknown; hlc: string }>('SELECT tbl, row_id, col, value, hlc FROM sync_cells WHERE tbl = ANY($1)', [[...TABLES]])).filter((c) =>
    ours.has(key(c.tbl, c.row_id)),
  );
  // Each cell holds the value with the highest stamp acknowledged; nothing acknowledged is lost.
  const best = new Map<string, Change>();
  for (const change of acknowledged.filter((c) => (TABLES as readonly string[]).includes(c.table))) {
    const cell = `${key(change.table, change.rowId)}/${change.column}`;
    const held = best.get(cell);
    if (!held || change.hlc > held.hlc || (change.hlc === held.hlc && change.seq > held.seq)) best.set(cell, change);
  }
  expect(cells.length).toBe(best.size);
  for (const cell of cells) {
    const expected = best.get(`${key(cell.tbl, cell.row_id)}/${cell.col}`)!;
    expect({ hlc: cell.hlc, value: cell.value }).toEqual({ hlc: expected.hlc, value: expected.value });
  }
  for (const device of devices) {
    expect(device.db.sqlite.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    const visible = await rowsOfFeeds(store, await tenantsNow(store, device));
    const projection = new Map<string, Record<string, unknown>>();
    for (const cell of cells) {
      const row = key(cell.tbl, cell.row_id);
      if (visible.has(row)) projection.set(row, { ...projection.get(row), [cell.col]: cell.value });
    }
    const held = new Map<string, Record<string, unknown>>();
    for (const table of TABLES) for (const row of device.db.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) held.set(key(table, row.id as string), row);
    expect(new Set(held.keys())).toEqual(new Set(projection.keys()));
    for (const [row, values] of held) expect(values).toMatchObject(projection.get(row)!);
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
