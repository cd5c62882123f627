import { formatHlc } from '../shared/sync/hlc';
import type { Change } from '../shared/sync/protocol';
import { isVesselFeed, PERSON_LINKS } from '../shared/sync/routes';
import { isSharedFileTable } from '../shared/sync/shares';
import { addTo, type NewEntry } from './feed-append';
import { fileRowsOf } from './person-file';
import { rowKey, type RowRef } from './routing';
import type { Sql } from './store';

/**
 * People carried into vessel feeds (docs/sync.md#tenants). A person belongs to no one vessel: their row stays in
 * the feed it was created in. When a row linking them to a vessel (an assignment, an application) is in that
 * vessel's feed, their file — the `people` row and the rows of the file tables naming them — is carried into it:
 * its current cells are appended there once, and from then on every winning change of those rows is copied there
 * too, as a share copies a candidate to another organisation. A device may write the rows carried into its
 * feeds, as its own. Carrying never ends: a vessel keeps the files of the people who served or applied aboard.
 */

/** Of `rows` (owned by feeds outside `tenants`), the keys of those carried into one of `tenants`. */
export async function carriedInto(tx: Sql, rows: RowRef[], tenants: string[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const carried = await tx.query<RowRef>(
    `SELECT DISTINCT k.tbl, k.row_id FROM sync_carries k JOIN jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text) ON k.tbl = x.tbl AND k.row_id = x.row_id
     WHERE k.feed = ANY($2)`,
    [JSON.stringify(rows), tenants],
  );
  return new Set(carried.map((r) => rowKey(r.tbl, r.row_id)));
}

interface Carry {
  feed: string;
  tbl: string;
  row_id: string;
}

/**
 * Records carries not yet recorded and answers those that are new. Only rows of the vessel's own organisation are
 * carried, never into their own feed: a candidate another organisation shared stays read-only at its office.
 */
async function addCarries(tx: Sql, carries: Carry[]): Promise<Carry[]> {
  if (carries.length === 0) return [];
  return tx.query<Carry>(
    `INSERT INTO sync_carries (feed, tbl, row_id)
     SELECT x.feed, x.tbl, x.row_id FROM jsonb_to_recordset($1::jsonb) AS x (feed text, vessel_id text, tbl text, row_id text)
       JOIN vessels tv ON tv.id = x.vessel_id
       JOIN sync_rows r ON r.tbl = x.tbl AND r.row_id = x.row_id AND r.owner_feed <> x.feed
       LEFT JOIN vessels ov ON r.owner_feed LIKE 'vessel:%' AND ov.id = substr(r.owner_feed, 8)
     WHERE r.owner_feed IN ('org:' || tv.org_id, 'fleet:' || tv.org_id) OR ov.org_id = tv.org_id
     ORDER BY x.feed, x.tbl, x.row_id
     ON CONFLICT DO NOTHING RETURNING feed, tbl, row_id`,
    [JSON.stringify(carries.map((c) => ({ ...c, vessel_id: c.feed.slice('vessel:'.length) })))],
  );
}

/** The vessel feeds each person is seen in: the feed of their `people` row when it is a vessel's, and those they are carried into. */
async function feedsOfPeople(tx: Sql, personIds: string[]): Promise<Map<string, string[]>> {
  const rows = await tx.query<{ person_id: string; feed: string }>(
    `SELECT row_id AS person_id, owner_feed AS feed FROM sync_rows WHERE tbl = 'people' AND row_id = ANY($1)
     UNION SELECT row_id, feed FROM sync_carries WHERE tbl = 'people' AND row_id = ANY($1)`,
    [personIds],
  );
  const feeds = new Map<string, string[]>();
  for (const r of rows) if (isVesselFeed(r.feed)) addTo(feeds, r.person_id, [r.feed]);
  return feeds;
}

/**
 * Starts the carries a push calls for, before its cells are stored: a link row in a vessel's feed carries its
 * person's file there, and a new row of someone's file joins every vessel feed they are seen in. Answers, by
 * feed, the current cells of the rows newly carried, to append ahead of the push's own entries.
 */
export async function startCarries(tx: Sql, winners: Change[], owners: Map<string, string>, nowMs: number): Promise<Map<string, NewEntry[]>> {
  const links = winners.filter(
    (c) => typeof c.value === 'string' && PERSON_LINKS.some((l) => l.table === c.table && l.column === c.column) && isVesselFeed(owners.get(rowKey(c.table, c.rowId)) ?? ''),
  );
  const carries: Carry[] = [];
  if (links.length > 0) {
    const personFeeds = new Map<string, Set<string>>();
    for (const link of links) {
      const person = link.value as string;
      personFeeds.set(person, (personFeeds.get(person) ?? new Set()).add(owners.get(rowKey(link.table, link.rowId))!));
    }
    for (const row of await fileRowsOf(tx, [...personFeeds.keys()])) {
      for (const feed of personFeeds.get(row.person_id)!) carries.push({ feed, tbl: row.tbl, row_id: row.row_id });
    }
  }
  const started = await addCarries(tx, carries);
  const joining = winners.filter((c) => c.column === 'person_id' && isSharedFileTable(c.table) && typeof c.value === 'string');
  if (joining.length > 0) {
    const seenIn = await feedsOfPeople(tx, [...new Set(joining.map((c) => c.value as string))]);
    const joins = joining.flatMap((c) => (seenIn.get(c.value as string) ?? []).map((feed) => ({ feed, tbl: c.table, row_id: c.rowId })));
    started.push(...(await addCarries(tx, joins)));
  }
  return currentCells(tx, started, nowMs);
}

/** The cells the server holds of newly carried rows, as entries of the feeds they are carried into. */
async function currentCells(tx: Sql, started: Carry[], nowMs: number): Promise<Map<string, NewEntry[]>> {
  const byFeed = new Map<string, NewEntry[]>();
  if (started.length === 0) return byFeed;
  const cells = await tx.query<{ feed: string; tbl: string; row_id: string; col: string; value: unknown; hlc: string; base: string | null }>(
    `SELECT x.feed, c.tbl, c.row_id, c.col, c.value, c.hlc, c.base
     FROM jsonb_to_recordset($1::jsonb) AS x (feed text, tbl text, row_id text) JOIN sync_cells c ON c.tbl = x.tbl AND c.row_id = x.row_id
     ORDER BY x.feed, c.tbl, c.row_id, c.col`,
    [JSON.stringify(started)],
  );
  // One transaction per feed for what was carried, with a stamp of the server's own, so a reader takes it whole.
  const stamp = formatHlc({ wallMs: nowMs, counter: 0, node: crypto.randomUUID() });
  for (const c of cells) addTo(byFeed, c.feed, [{ tx: stamp, hlc: c.hlc, base: c.base, table: c.tbl, rowId: c.row_id, column: c.col, value: c.value }]);
  return byFeed;
}

/** The copies of a push's winning changes for the feeds their rows are carried into, by feed. */
export async function carriedCopies(tx: Sql, winners: Change[]): Promise<Map<string, Change[]>> {
  const copies = new Map<string, Change[]>();
  if (winners.length === 0) return copies;
  const rows = [...new Map(winners.map((c) => [rowKey(c.table, c.rowId), { tbl: c.table, row_id: c.rowId }])).values()];
  const targets = await tx.query<Carry>(
    `SELECT k.feed, k.tbl, k.row_id FROM sync_carries k JOIN jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text) ON k.tbl = x.tbl AND k.row_id = x.row_id`,
    [JSON.stringify(rows)],
  );
  if (targets.length === 0) return copies;
  const feedsOf = new Map<string, string[]>();
  for (const t of targets) addTo(feedsOf, rowKey(t.tbl, t.row_id), [t.feed]);
  for (const change of winners) for (const feed of feedsOf.get(rowKey(change.table, change.rowId)) ?? []) addTo(copies, feed, [change]);
  return copies;
}
