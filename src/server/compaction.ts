import { feedsReceivingShares } from './snapshot';
import type { Store } from './store';

/**
 * Feed compaction (docs/sync.md#snapshots-and-compaction). A feed keeps every winning value of every cell; once a
 * later entry of the same cell follows, the earlier one matters only to a device that has not read that far. Such
 * a device is sent to a snapshot instead: the feed's horizon becomes the last number removed, and a pull whose
 * cursor is behind it is answered with "snapshot first" for that feed. A device at or past the horizon reads only entries
 * after it, which compaction never removes, so its pulls — with the `base` of every entry the conflict list
 * compares — are exactly what they were.
 */

export interface CompactedFeed {
  feed: string;
  removed: number;
  horizon: number;
}

/**
 * Compacts one feed, or every feed, each in its own transaction (a push to that feed waits for it). When `signal`
 * is aborted (the server is shutting down) it stops before the next feed and answers those it did.
 */
export async function compactFeeds(store: Store, only?: string, signal?: AbortSignal): Promise<CompactedFeed[]> {
  const feeds = only ? [only] : (await store.query<{ feed: string }>('SELECT feed FROM feeds ORDER BY feed')).map((r) => r.feed);
  const receiving = await feedsReceivingShares(store, feeds);
  const results: CompactedFeed[] = [];
  for (const feed of feeds) {
    if (signal?.aborted) break;
    if (receiving.has(feed)) {
      const [row] = await store.query<{ horizon: number }>('SELECT horizon::float8 AS horizon FROM feeds WHERE feed = $1', [feed]);
      results.push({ feed, removed: 0, horizon: row?.horizon ?? 0 });
      continue;
    }
    results.push(
      await store.transaction(async (tx) => {
        const [row] = await tx.query<{ horizon: number }>('SELECT horizon::float8 AS horizon FROM feeds WHERE feed = $1 FOR UPDATE', [feed]);
        if (!row) return { feed, removed: 0, horizon: 0 };
        const [gone] = await tx.query<{ n: number; last: number | null }>(
          `WITH latest AS (
             SELECT tbl, row_id, col, max(seq) AS keep FROM feed_entries WHERE feed = $1 GROUP BY tbl, row_id, col HAVING count(*) > 1
           ), gone AS (
             DELETE FROM feed_entries e USING latest k
             WHERE e.feed = $1 AND e.tbl = k.tbl AND e.row_id = k.row_id AND e.col = k.col AND e.seq < k.keep RETURNING e.seq
           )
           SELECT count(*)::float8 AS n, max(seq)::float8 AS last FROM gone`,
          [feed],
        );
        const horizon = Math.max(row.horizon, gone!.last ?? 0);
        await tx.query('UPDATE feeds SET horizon = $2 WHERE feed = $1', [feed, horizon]);
        return { feed, removed: gone!.n, horizon };
      }),
    );
  }
  return results;
}
