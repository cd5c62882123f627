import { DEFAULT_SNAPSHOT_ROWS, type SnapshotGroup, type SnapshotPage, type SnapshotRequest } from '../shared/sync/snapshot-protocol';
import { tenantsOf, type DeviceRow } from './admin';
import { SyncError } from './errors';
import type { Sql } from './store';

/**
 * A first sync from a snapshot of the server's projection (docs/sync.md#snapshots-and-compaction). A feed's
 * history holds every winning value of every cell; a device that has read none of it (or too little, behind the
 * feed's compaction horizon) needs only the latest: the rows of the feed — those it owns (`sync_rows`) and those
 * carried into it (`sync_carries`) — whole, with their cells from `sync_cells`, paged by (table, row id).
 *
 * Consistency without a long transaction: the feed's `last_seq` is read before the first page (`asOf`), and the
 * device continues its incremental pull from there. Anything committed after that number is in the feed after it
 * too, so a page that already shows it only means the pull re-delivers a value the device holds, which it passes
 * over by its stamp. Rows are inserted whole by one push, so a page never holds half a row.
 */

interface FeedState {
  last_seq: number;
  horizon: number;
}

async function feedStates(store: Sql, feeds: string[]): Promise<Map<string, FeedState>> {
  const rows = await store.query<FeedState & { feed: string }>('SELECT feed, last_seq::float8 AS last_seq, horizon::float8 AS horizon FROM feeds WHERE feed = ANY($1)', [feeds]);
  return new Map(rows.map((r) => [r.feed, r]));
}

/**
 * The feeds a device must read from a snapshot before pulling them: those it has never read (cursor 0) that hold
 * anything, and those whose cursor is behind the compaction horizon (entries it has not read may be gone).
 */
export async function feedsNeedingSnapshot(store: Sql, tenants: string[], cursors: Record<string, number>): Promise<string[]> {
  const states = await feedStates(store, tenants);
  const receiving = await feedsReceivingShares(store, tenants);
  return tenants.filter((feed) => {
    const state = states.get(feed);
    const cursor = cursors[feed] ?? 0;
    return state !== undefined && !receiving.has(feed) && ((cursor === 0 && state.last_seq > 0) || cursor < state.horizon);
  });
}

/**
 * The feeds of organisations that have ever been shared a candidate (docs/sync.md#sharing). Their shared rows
 * belong to another feed and their grants and revokes are entries, not rows, so a snapshot of the rows the feed
 * owns would miss them: such a feed is read from its history, and compaction leaves it whole.
 */
export async function feedsReceivingShares(store: Sql, feeds: string[]): Promise<Set<string>> {
  const rows = await store.query<{ feed: string }>("SELECT DISTINCT 'org:' || to_org AS feed FROM shares WHERE 'org:' || to_org = ANY($1)", [feeds]);
  return new Set(rows.map((r) => r.feed));
}

interface CellTuple {
  0: string;
  1: string | number | null;
  2: string;
  3: string | null;
}

/** One row of the page with its cells as one JSON text: the database builds it, so the server only parses it. */
interface PageRow {
  tbl: string;
  row_id: string;
  cells: string | null;
}

export async function snapshotPage(store: Sql, device: DeviceRow, request: SnapshotRequest, serverTime: number): Promise<SnapshotPage> {
  const { tenants } = await tenantsOf(store, device);
  if (!tenants.includes(request.feed)) throw new SyncError('FORBIDDEN', `This device may not read ${request.feed}.`);
  const state = (await feedStates(store, [request.feed])).get(request.feed) ?? { last_seq: 0, horizon: 0 };
  // A snapshot begun before the feed was compacted past it would end on a number whose following entries may be
  // gone: it starts again.
  const restarted = request.asOf !== null && request.asOf < state.horizon;
  const asOf = request.asOf === null || restarted ? state.last_seq : request.asOf;
  const after = restarted ? null : request.after;
  const limit = request.limit ?? DEFAULT_SNAPSHOT_ROWS;
  const page = await store.query<PageRow>(
    `SELECT r.tbl, r.row_id,
       (SELECT json_agg(json_build_array(c.col, c.value, c.hlc, c.base))::text FROM sync_cells c WHERE c.tbl = r.tbl AND c.row_id = r.row_id) AS cells
     FROM (
       (SELECT tbl, row_id FROM sync_rows WHERE owner_feed = $1 AND (tbl, row_id) > ($2, $3) ORDER BY tbl, row_id LIMIT $4)
       UNION ALL
       (SELECT tbl, row_id FROM sync_carries WHERE feed = $1 AND (tbl, row_id) > ($2, $3) ORDER BY tbl, row_id LIMIT $4)
       ORDER BY tbl, row_id LIMIT $4
     ) r ORDER BY r.tbl, r.row_id`,
    [request.feed, after?.table ?? '', after?.rowId ?? '', limit],
  );
  const last = page.at(-1);
  return {
    feed: request.feed,
    asOf,
    restarted,
    groups: toGroups(page),
    next: last && page.length === limit ? { table: last.tbl, rowId: last.row_id } : null,
    serverTime,
  };
}

/** Consecutive rows of one table with the same columns form a group (nearly always: one per table and page). */
function toGroups(page: PageRow[]): SnapshotGroup[] {
  const groups: (SnapshotGroup & { key: string })[] = [];
  for (const row of page) {
    if (row.cells === null) continue;
    const cells = (JSON.parse(row.cells) as CellTuple[]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const columns = cells.map((c) => c[0]);
    const key = `${row.tbl}\u0000${columns.join(',')}`;
    let current = groups.at(-1);
    if (current?.key !== key) {
      current = { key, table: row.tbl, columns, rows: [] };
      groups.push(current);
    }
    const [hlc, base] = commonStamp(cells);
    let stamps: Record<string, [string, string | null]> | null = null;
    for (const cell of cells) if (cell[2] !== hlc || cell[3] !== base) (stamps ??= {})[cell[0]] = [cell[2], cell[3]];
    current.rows.push([row.row_id, hlc, base, cells.map((c) => c[1]), stamps]);
  }
  return groups.map(({ table, columns, rows }) => ({ table, columns, rows }));
}

/** The stamp (with its base) most of a row's cells carry. */
function commonStamp(cells: CellTuple[]): [string, string | null] {
  const counts = new Map<string, number>();
  let best: CellTuple = cells[0]!;
  let most = 0;
  for (const cell of cells) {
    const key = `${cell[2]} ${cell[3] ?? ''}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > most) [best, most] = [cell, n];
  }
  return [best[2], best[3]];
}
