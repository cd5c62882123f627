import type Database from 'better-sqlite3';
import type { Change } from '../../shared/sync/protocol';
import { correctClock, receiveClock, tickClock } from '../db/change-capture';
import { statement } from '../db/statements';

/** The device's unsent changes (docs/sync.md#push-and-pull). */

interface OutboxRow {
  seq: number;
  tx: string;
  hlc: string;
  base: string | null;
  tbl: string;
  row_id: string;
  col: string;
  value: unknown;
}

const toChange = (r: OutboxRow): Change => ({ seq: r.seq, tx: r.tx, hlc: r.hlc, base: r.base, table: r.tbl, rowId: r.row_id, column: r.col, value: r.value as Change['value'] });

/**
 * The next batch to push: the oldest changes, ending at the end of a transaction so that the server applies a
 * local transaction whole (a transaction larger than the limit goes alone, up to the protocol's maximum).
 */
export function nextBatch(sqlite: Database.Database, limit: number, maximum: number): Change[] {
  const rows = statement(sqlite, 'SELECT seq, tx, hlc, base, tbl, row_id, col, value FROM sync_outbox ORDER BY seq LIMIT ?').all(limit) as OutboxRow[];
  const last = rows.at(-1);
  if (last && rows.length === limit) {
    const rest = statement(sqlite, 'SELECT seq, tx, hlc, base, tbl, row_id, col, value FROM sync_outbox WHERE seq > ? AND tx = ? ORDER BY seq LIMIT ?').all(last.seq, last.tx, maximum - rows.length) as OutboxRow[];
    rows.push(...rest);
  }
  if (rows.length === limit && rows[0]!.tx !== last!.tx) {
    // Leave the last transaction for the next batch unless it is the only one.
    const cut = rows.findIndex((r) => r.tx === last!.tx);
    return rows.slice(0, cut).map(toChange);
  }
  return rows.map(toChange);
}

export const pendingCount = (sqlite: Database.Database): number => (statement(sqlite, 'SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;

/** Forgets the changes the server has taken. */
export const acknowledge = (sqlite: Database.Database, upTo: number): void => void statement(sqlite, 'DELETE FROM sync_outbox WHERE seq <= ?').run(upTo);

/**
 * After the server refused changes stamped ahead of its clock: take its time as the clock's, and give every
 * unsent transaction a new stamp (in order), on its cells too, so that they are sent again as if made now.
 */
export function restampOutbox(sqlite: Database.Database, serverTime: number): void {
  sqlite.transaction(() => {
    correctClock(sqlite, serverTime - Date.now(), true);
    const unsent = sqlite.prepare('SELECT DISTINCT tx FROM sync_outbox ORDER BY seq').all() as { tx: string }[];
    const seen = sqlite.prepare('SELECT max(hlc) AS hlc FROM sync_cells WHERE hlc < ? AND hlc NOT IN (SELECT hlc FROM sync_outbox)').get(String(serverTime + 1).padStart(15, '0')) as { hlc: string | null };
    if (seen.hlc) receiveClock(sqlite, seen.hlc);
    for (const { tx } of unsent) {
      const stamp = tickClock(sqlite);
      sqlite.prepare('UPDATE sync_cells SET hlc = ? WHERE hlc = ?').run(stamp, tx);
      sqlite.prepare('UPDATE sync_outbox SET tx = ?, hlc = ? WHERE tx = ?').run(stamp, stamp, tx);
    }
  })();
}
