import { DEFAULT_SNAPSHOT_ROWS, type SnapshotPage, type SnapshotRequest, type SnapshotRow } from '../shared/sync/snapshot-protocol';
import { tenantsOf, type DeviceRow } from './admin';
import { SyncError } from './errors';
import type { Sql } from './store';

/**
 * A first sync from a snapshot of the server's projection (docs/sync.md#snapshots-and-compaction). A feed's
 * history holds every winning value of every cell; a device that has read none of it (or too little, behind the
 * feed's compaction horizon) needs only the latest: the rows of the feed from `sync_rows`, whole, with their cells
 * from `sync_cells`, paged by (table, row id).
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
  return tenants.filter((feed) => {
    const state = states.get(feed);
    const cursor = cursors[feed] ?? 0;
    return state !== undefined && ((cursor === 0 && state.last_seq > 0) || cursor < state.horizon);
  });
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
     FROM sync_rows r WHERE r.owner_feed = $1 AND (r.tbl, r.row_id) > ($2, $3) ORDER BY r.tbl, r.row_id LIMIT $4`,
    [request.feed, after?.table ?? '', after?.rowId ?? '', limit],
  );
  const last = page.at(-1);
  return {
    feed: request.feed,
    asOf,
    restarted,
    rows: page.filter((r) => r.cells !== null).map(toSnapshotRow),
    next: last && page.length === limit ? { table: last.tbl, rowId: last.row_id } : null,
    serverTime,
  };
}

/** The row's stamp is the one most of its cells carry; the others are listed with theirs. */
function toSnapshotRow(row: PageRow): SnapshotRow {
  const cells = JSON.parse(row.cells!) as CellTuple[];
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const key = `${cell[2]} ${cell[3] ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let common = cells[0]!;
  let best = 0;
  for (const cell of cells) {
    const n = counts.get(`${cell[2]} ${cell[3] ?? ''}`)!;
    if (n > best) [common, best] = [cell, n];
  }
  const values: Record<string, string | number | null> = {};
  const stamps: Record<string, [string, string | null]> = {};
  let differing = false;
  for (const cell of cells) {
    values[cell[0]] = cell[1];
    if (cell[2] !== common[2] || cell[3] !== common[3]) {
      stamps[cell[0]] = [cell[2], cell[3]];
      differing = true;
    }
  }
  return { table: row.tbl, rowId: row.row_id, hlc: common[2], base: common[3], values, ...(differing ? { stamps } : {}) };
}
