import type { LocalDatabase } from '../../src/core/db/database';
import type { Store } from '../../src/server/store';

/**
 * Puts `count` people rows straight into a server's store as a push would have left them — cells, owners and one
 * feed entry per cell — so that the initial-sync figure does not wait minutes for a first push to build them. The
 * columns and values come from a row written on a real device (`template`'s outbox), with names made unique.
 */
export async function seedPeople(store: Store, feed: string, template: LocalDatabase, count: number): Promise<void> {
  const cells = template.sqlite.prepare("SELECT col, value, hlc, tx FROM sync_outbox WHERE tbl = 'people' ORDER BY seq").all() as { col: string; value: unknown; hlc: string; tx: string }[];
  if (cells.length === 0) throw new Error('The template device has no people row in its outbox.');
  const { hlc, tx } = cells[0]!;
  const id = `'00000000-0000-4000-8000-' || lpad(i::text, 12, '0')`;
  const valueOf = (col: string, value: unknown): string => {
    if (col === 'id') return `to_jsonb(${id})`;
    if (col === 'given_names') return `to_jsonb('Given' || i)`;
    if (col === 'surname') return `to_jsonb('Person' || i)`;
    if (col === 'email') return `to_jsonb('person' || i || '@example.org')`;
    if (col === 'sort_key') return `to_jsonb('person' || i || ' given' || i)`;
    return value === null ? 'NULL' : `'${JSON.stringify(value).replaceAll("'", "''")}'::jsonb`;
  };
  const width = cells.length;
  // One statement per table, row by row, as a push leaves them: a row's cells lie together.
  const lateral = cells.map((cell, k) => `(${k + 1}, '${cell.col}', ${valueOf(cell.col, cell.value)})`).join(', ');
  await store.transaction(async (q) => {
    await q.query(`INSERT INTO sync_rows (tbl, row_id, owner_feed) SELECT 'people', ${id}, $1 FROM generate_series(1, $2) i`, [feed, count]);
    await q.query(
      `INSERT INTO sync_cells (tbl, row_id, col, value, hlc) SELECT 'people', ${id}, v.col, v.value, $1
       FROM generate_series(1, $2) i CROSS JOIN LATERAL (VALUES ${lateral}) AS v (k, col, value) ORDER BY i, v.col`,
      [hlc, count],
    );
    await q.query(
      `INSERT INTO feed_entries (feed, seq, tx, device_id, tbl, row_id, col, value, hlc, base)
       SELECT $1, (i - 1) * ${width} + v.k, $2, 'seed', 'people', ${id}, v.col, v.value, $3, NULL
       FROM generate_series(1, $4) i CROSS JOIN LATERAL (VALUES ${lateral}) AS v (k, col, value) ORDER BY i, v.k`,
      [feed, tx, hlc, count],
    );
    await q.query('INSERT INTO feeds (feed, last_seq) VALUES ($1, $2) ON CONFLICT (feed) DO UPDATE SET last_seq = feeds.last_seq + excluded.last_seq', [feed, count * width]);
  });
}
