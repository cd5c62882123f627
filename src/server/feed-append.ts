import type { ChangeAuthor } from '../shared/sync/provenance';
import type { Sql } from './store';

/** One entry to append to a feed: a cell's value with its stamp, and who made it when a user did. */
export interface NewEntry {
  tx: string;
  hlc: string;
  base: string | null;
  table: string;
  rowId: string;
  column: string;
  value: unknown;
  user?: ChangeAuthor;
}

/**
 * Appends entries to one feed with its next sequence numbers, taken under the feed's row lock: feed order is
 * commit order, so a reader's cursor never skips an entry committed late (docs/sync.md#push-and-pull).
 */
export async function appendEntries(tx: Sql, feed: string, deviceId: string, entries: NewEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const [row] = await tx.query<{ last_seq: number }>(
    'INSERT INTO feeds (feed, last_seq) VALUES ($1, $2) ON CONFLICT (feed) DO UPDATE SET last_seq = feeds.last_seq + excluded.last_seq RETURNING last_seq::float8 AS last_seq',
    [feed, entries.length],
  );
  const first = row!.last_seq - entries.length + 1;
  await tx.query(
    `INSERT INTO feed_entries (feed, seq, tx, device_id, tbl, row_id, col, value, hlc, base, user_id, user_name)
     SELECT $2, x.seq, x.tx, $3, x.tbl, x.row_id, x.col, x.value, x.hlc, x.base, x.user_id, x.user_name
     FROM jsonb_to_recordset($1::jsonb) AS x (seq bigint, tx text, tbl text, row_id text, col text, value jsonb, hlc text, base text, user_id text, user_name text)`,
    [
      JSON.stringify(
        entries.map((e, i) => ({ seq: first + i, tx: e.tx, tbl: e.table, row_id: e.rowId, col: e.column, value: e.value, hlc: e.hlc, base: e.base, user_id: e.user?.id ?? null, user_name: e.user?.name ?? null })),
      ),
      feed,
      deviceId,
    ],
  );
}

/**
 * Appends each feed's entries, locking the feeds in one order (by name) in every transaction, so two pushes never
 * wait for each other in a circle.
 */
export async function appendToFeeds(tx: Sql, deviceId: string, byFeed: Map<string, NewEntry[]>): Promise<void> {
  for (const feed of [...byFeed.keys()].sort()) await appendEntries(tx, feed, deviceId, byFeed.get(feed)!);
}

/** Adds entries to a feed's list in a map of lists. */
export function addTo<T>(byFeed: Map<string, T[]>, feed: string, entries: T[]): void {
  if (entries.length === 0) return;
  const list = byFeed.get(feed);
  if (list) list.push(...entries);
  else byFeed.set(feed, [...entries]);
}
