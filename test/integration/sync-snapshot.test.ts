import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LocalDatabase } from '../../src/core/db/database';
import { write } from '../../src/core/db/writes';
import { syncOnce } from '../../src/core/sync/run';
import { httpTransport, SyncFailure, type SyncTransport } from '../../src/core/sync/transport';
import { createEnrolmentCode, enrol, type DeviceRow } from '../../src/server/admin';
import { pull } from '../../src/server/exchange';
import type { Sql } from '../../src/server/store';
import { compactFeeds } from '../../src/server/compaction';
import type { SnapshotRequest } from '../../src/shared/sync/snapshot-protocol';
import { tempDir } from '../helpers/temp-core';
import { testServer, type TestServer } from '../helpers/sync-server';

/**
 * docs/sync.md#snapshots-and-compaction: a first sync from a snapshot, cut halfway and resumed; the snapshot path
 * keeps to the device's tenants; a device behind a compacted feed is sent to a snapshot and still converges, and
 * the conflict list still works after compaction.
 */
let server: TestServer;
const dir = tempDir('harmony-snapshot-');
const VESSEL_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const VESSEL_B = 'bbbbbbbb-0000-4000-8000-000000000002';

beforeAll(async () => {
  server = await testServer();
}, 60_000);
afterAll(async () => {
  await server.close();
  dir.remove();
});

interface Laptop {
  db: LocalDatabase;
  http: SyncTransport;
  tenants: string[];
  deviceId: string;
  sync(transport?: SyncTransport): Promise<unknown>;
}

let opened = 0;
async function laptop(vesselId?: string): Promise<Laptop> {
  const enrolled = await enrol(server.store, (await createEnrolmentCode(server.store, server.org.id, vesselId)).code, 'laptop');
  const db = openDatabase({ file: `${dir.path}/${(opened += 1)}.db` });
  const http = httpTransport(server.url, enrolled.token);
  return { db, http, tenants: enrolled.tenants, deviceId: enrolled.deviceId, sync: (transport = http) => syncOnce(() => db.sqlite, transport) };
}

function addPeople(db: LocalDatabase, count: number, tag: string): string[] {
  const now = new Date().toISOString();
  const ids: string[] = [];
  write(db.sqlite, () => {
    const insert = db.sqlite.prepare(
      "INSERT INTO people (id, given_names, surname, date_of_birth, nationalities, languages, email, sort_key, created_at, updated_at) VALUES (?, ?, ?, '1990-01-01', '[\"GBR\"]', '[\"English\"]', ?, ?, ?, ?)",
    );
    for (let i = 0; i < count; i += 1) {
      const id = crypto.randomUUID();
      insert.run(id, `Given${i}`, `${tag}${i}`, `${tag.toLowerCase()}${i}@example.org`, `${tag.toLowerCase()}${i} given${i}`, now, now);
      ids.push(id);
    }
  });
  return ids;
}

const setPhone = (db: LocalDatabase, id: string, phone: string) => write(db.sqlite, () => db.sqlite.prepare('UPDATE people SET phone = ? WHERE id = ?').run(phone, id));

/** The server's projection of a device's feeds: every row's cells. */
async function projection(feeds: string[]): Promise<Map<string, Record<string, unknown>>> {
  const cells = await server.store.query<{ row_id: string; col: string; value: unknown }>(
    "SELECT c.row_id, c.col, c.value FROM sync_cells c JOIN sync_rows r ON r.tbl = c.tbl AND r.row_id = c.row_id WHERE c.tbl = 'people' AND r.owner_feed = ANY($1)",
    [feeds],
  );
  const rows = new Map<string, Record<string, unknown>>();
  for (const cell of cells) rows.set(cell.row_id, { ...rows.get(cell.row_id), [cell.col]: cell.value });
  return rows;
}

async function expectEqualsProjection(device: Laptop): Promise<void> {
  const expected = await projection(device.tenants);
  const rows = device.db.sqlite.prepare('SELECT * FROM people').all() as Record<string, unknown>[];
  expect(new Set(rows.map((r) => r.id))).toEqual(new Set(expected.keys()));
  for (const row of rows) expect(row).toMatchObject(expected.get(row.id as string)!);
}

/** The HTTP transport, recording snapshot requests, with small pages, and cut once `cutAfter` pages have come. */
function watched(device: Laptop, requests: SnapshotRequest[], cutAfter = Infinity): SyncTransport {
  let pages = 0;
  return {
    ...device.http,
    async snapshot(request) {
      requests.push(request);
      if (pages >= cutAfter) throw new SyncFailure('UNREACHABLE', 'cut');
      pages += 1;
      return device.http.snapshot({ ...request, limit: 10 });
    },
  };
}

describe('initial sync from a snapshot', () => {
  it('resumes a snapshot cut halfway after the last page applied and ends equal to the projection', async () => {
    const source = await laptop();
    addPeople(source.db, 45, 'Snap');
    await source.sync();
    const fresh = await laptop();
    const requests: SnapshotRequest[] = [];
    await expect(fresh.sync(watched(fresh, requests, 2))).rejects.toThrow(/cut/);
    // Two pages of ten applied, whole, with their search terms; where the snapshot stands is kept.
    expect(fresh.db.sqlite.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 20 });
    expect(fresh.db.sqlite.prepare('SELECT count(DISTINCT person_id) AS n FROM person_search_terms').get()).toEqual({ n: 20 });
    const kept = fresh.db.sqlite.prepare('SELECT as_of AS asOf, after_table AS afterTable FROM sync_snapshots').all();
    expect(kept).toEqual([{ asOf: expect.any(Number), afterTable: 'people' }]);
    expect(fresh.db.sqlite.prepare('SELECT count(*) AS n FROM sync_cursors').get()).toEqual({ n: 0 });

    // Meanwhile the source edits a row; the resumed snapshot and the pull after it bring everything.
    const [first] = source.db.sqlite.prepare('SELECT id FROM people ORDER BY id LIMIT 1').all() as { id: string }[];
    setPhone(source.db, first!.id, '+44 20 7946 0000');
    await source.sync();
    const resumed: SnapshotRequest[] = [];
    await fresh.sync(watched(fresh, resumed));
    expect(resumed[0]).toMatchObject({ asOf: (kept[0] as { asOf: number }).asOf, after: { table: 'people' } });
    expect(resumed.length).toBe(3);
    expect(fresh.db.sqlite.prepare('SELECT count(*) AS n FROM sync_snapshots').get()).toEqual({ n: 0 });
    await expectEqualsProjection(fresh);
    expect(fresh.db.sqlite.prepare('SELECT phone FROM people WHERE id = ?').get(first!.id)).toEqual({ phone: '+44 20 7946 0000' });
    // Nothing received is sent back as this laptop's own change.
    expect(fresh.db.sqlite.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    source.db.close();
    fresh.db.close();
  });

  it('starts a cut snapshot again when the feed was compacted past it, and still ends equal to the projection', async () => {
    const vessel = 'eeeeeeee-0000-4000-8000-000000000005';
    const source = await laptop(vessel);
    const ids = addPeople(source.db, 25, 'Again');
    await source.sync();
    const fresh = await laptop(vessel);
    await expect(fresh.sync(watched(fresh, [], 1))).rejects.toThrow(/cut/);
    for (const phone of ['+9 1', '+9 2']) {
      setPhone(source.db, ids[0]!, phone);
      await source.sync();
    }
    await compactFeeds(server.store, `vessel:${vessel}`);
    const answers: boolean[] = [];
    const transport: SyncTransport = {
      ...fresh.http,
      snapshot: async (request) => {
        const page = await fresh.http.snapshot({ ...request, limit: 10 });
        answers.push(page.restarted);
        return page;
      },
    };
    await fresh.sync(transport);
    expect(answers[0]).toBe(true);
    await expectEqualsProjection(fresh);
    source.db.close();
    fresh.db.close();
  });

  it('gives a device only the rows of its own tenants, and refuses another tenant’s feed', async () => {
    const office = await laptop();
    addPeople(office.db, 3, 'Office');
    await office.sync();
    const onA = await laptop(VESSEL_A);
    addPeople(onA.db, 4, 'Alpha');
    await onA.sync();
    const onB = await laptop(VESSEL_B);
    addPeople(onB.db, 2, 'Bravo');
    await onB.sync();
    const freshA = await laptop(VESSEL_A);
    await freshA.sync();
    const surnames = (freshA.db.sqlite.prepare('SELECT surname FROM people ORDER BY surname').all() as { surname: string }[]).map((r) => r.surname);
    expect(surnames).toEqual(['Alpha0', 'Alpha1', 'Alpha2', 'Alpha3']);
    await expectEqualsProjection(freshA);
    await expect(freshA.http.snapshot({ feed: `vessel:${VESSEL_B}`, asOf: null, after: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(freshA.http.snapshot({ feed: `org:${server.org.id}`, asOf: null, after: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The office reads every feed of the organisation.
    const freshOffice = await laptop();
    await freshOffice.sync();
    await expectEqualsProjection(freshOffice);
    for (const d of [office, onA, onB, freshA, freshOffice]) d.db.close();
  });
});

describe('feed compaction', () => {
  it('sends a device behind the horizon to a snapshot, leaves one past it to its pull, and both converge', async () => {
    const vessel = 'cccccccc-0000-4000-8000-000000000003';
    const writer = await laptop(vessel);
    const [id] = addPeople(writer.db, 5, 'Compact');
    await writer.sync();
    const behind = await laptop(vessel);
    await behind.sync();
    for (const phone of ['+1 1', '+1 2', '+1 3']) {
      setPhone(writer.db, id!, phone);
      await writer.sync();
    }
    const past = await laptop(vessel);
    await past.sync();
    const [compacted] = await compactFeeds(server.store, `vessel:${vessel}`);
    // The insert's empty phone and the first two edits; the last stays.
    expect(compacted!.removed).toBe(3);
    const [left] = await server.store.query<{ n: number }>("SELECT count(*)::int AS n FROM feed_entries WHERE feed = $1 AND row_id = $2 AND col = 'phone'", [`vessel:${vessel}`, id]);
    expect(left!.n).toBe(1);

    const behindRequests: SnapshotRequest[] = [];
    await behind.sync(watched(behind, behindRequests));
    expect(behindRequests.length).toBeGreaterThan(0);
    await expectEqualsProjection(behind);
    const pastRequests: SnapshotRequest[] = [];
    setPhone(writer.db, id!, '+1 4');
    await writer.sync();
    await past.sync(watched(past, pastRequests));
    expect(pastRequests).toEqual([]);
    await expectEqualsProjection(past);
    for (const d of [writer, behind, past]) d.db.close();
  });

  it('sends a device to a snapshot when a compaction commits while its pull reads the feed', async () => {
    const vessel = 'dddddddd-0000-4000-8000-000000000004';
    const feed = `vessel:${vessel}`;
    const writer = await laptop(vessel);
    const [id] = addPeople(writer.db, 2, 'Racing');
    await writer.sync();
    const reader = await laptop(vessel);
    await reader.sync();
    const { seq: cursor } = reader.db.sqlite.prepare('SELECT seq FROM sync_cursors WHERE feed = ?').get(feed) as { seq: number };
    for (const phone of ['+1 1', '+1 2']) {
      setPhone(writer.db, id!, phone);
      await writer.sync();
    }
    const [device] = await server.store.query<DeviceRow>('SELECT * FROM devices WHERE id = $1', [reader.deviceId]);
    // The pull has found the feed's horizon behind the cursor; a compaction commits before it reads the entries.
    let compacted = false;
    const racing: Sql = {
      async query(text, params) {
        if (!compacted && text.includes('FROM feed_entries')) {
          compacted = true;
          expect((await compactFeeds(server.store, feed))[0]!.horizon).toBeGreaterThan(cursor);
        }
        return server.store.query(text, params);
      },
    };
    const answer = await pull(racing, device!, { [feed]: cursor });
    expect(compacted).toBe(true);
    expect(answer.snapshot).toContain(feed);
    expect(answer.feeds.map((f) => f.feed)).not.toContain(feed);
    await reader.sync();
    await expectEqualsProjection(reader);
    for (const d of [writer, reader]) d.db.close();
  });

  it('still lists a concurrent edit as a conflict on a device past the horizon and on one sent to a snapshot', async () => {
    const vessel = 'dddddddd-0000-4000-8000-000000000004';
    const [a, b, c] = [await laptop(vessel), await laptop(vessel), await laptop(vessel)];
    const [id] = addPeople(a.db, 1, 'Conflict');
    await a.sync();
    await b.sync();
    await c.sync();
    // b and c each change the phone without having seen the other's edit; a edits twice so compaction has work.
    setPhone(a.db, id!, '+1 0');
    await a.sync();
    setPhone(b.db, id!, '+2 2');
    setPhone(c.db, id!, '+3 3');
    await b.sync();
    await compactFeeds(server.store, `vessel:${vessel}`);
    const requests: SnapshotRequest[] = [];
    await c.sync(watched(c, requests));
    await b.sync();
    // c pushed last, so its value wins; b (past the horizon, by its pull) lists its lost value.
    expect(b.db.sqlite.prepare('SELECT phone FROM people WHERE id = ?').get(id)).toEqual({ phone: '+3 3' });
    expect(b.db.sqlite.prepare("SELECT lost_value AS lost, kept_value AS kept FROM sync_conflicts WHERE col = 'phone'").all()).toEqual([{ lost: '"+2 2"', kept: '"+3 3"' }]);
    for (const d of [a, b, c]) d.db.close();
  });
});
