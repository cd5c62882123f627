import type Database from 'better-sqlite3';
import { ATTACHMENT_COLUMNS } from '../../shared/sync/attachments';
import type { Change } from '../../shared/sync/protocol';
import { authorField } from '../../shared/sync/provenance';
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
  user_id: string | null;
  username: string | null;
}

const toChange = (r: OutboxRow): Change => ({
  seq: r.seq,
  tx: r.tx,
  hlc: r.hlc,
  base: r.base,
  table: r.tbl,
  rowId: r.row_id,
  column: r.col,
  value: r.value as Change['value'],
  // The user name travels with the id: the accounts are this computer's own (docs/sync.md#who-made-a-change).
  ...authorField(r.user_id, r.username),
});

/**
 * The next batch to push: the oldest changes, ending at the end of a transaction so that the server applies a
 * local transaction whole. A transaction larger than the protocol's maximum (a bulk import) goes in several
 * batches, each ending at the end of a row, so that no row arrives anywhere with half its columns.
 */
export function nextBatch(sqlite: Database.Database, limit: number, maximum: number): Change[] {
  const read = statement(
    sqlite,
    'SELECT o.seq, o.tx, o.hlc, o.base, o.tbl, o.row_id, o.col, o.value, o.user_id, u.username FROM sync_outbox o LEFT JOIN users u ON u.id = o.user_id WHERE o.seq > ? ORDER BY o.seq LIMIT ?',
  );
  const rows = read.all(0, limit) as OutboxRow[];
  const last = rows.at(-1);
  if (!last || rows.length < limit) return rows.map(toChange);
  const first = rows[0]!;
  if (first.tx !== last.tx) {
    // Leave the last transaction, which may go on, for the next batch.
    return rows.slice(0, rows.findIndex((r) => r.tx === last.tx)).map(toChange);
  }
  // One transaction fills the batch: take more of it, up to the maximum, and end at a row's end.
  const more = read.all(last.seq, maximum - rows.length + 1) as OutboxRow[];
  const batch = [...rows];
  for (const row of more) {
    if (row.tx !== last.tx || batch.length === maximum) break;
    batch.push(row);
  }
  const following = more[batch.length - rows.length];
  const tail = batch.at(-1)!;
  if (following && following.tx === tail.tx && following.tbl === tail.tbl && following.row_id === tail.row_id) {
    const rowStart = batch.findLastIndex((r) => r.tbl !== tail.tbl || r.row_id !== tail.row_id) + 1;
    if (rowStart > 0) batch.length = rowStart;
  }
  return batch.map(toChange);
}

export const pendingCount = (sqlite: Database.Database): number => (statement(sqlite, 'SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;

/** Forgets the changes the server has taken. */
const namesAFile = ATTACHMENT_COLUMNS.map((c) => `(tbl = '${c.table}' AND col = '${c.column}')`).join(' OR ');

/**
 * Forgets the changes the server has taken. A file they name anew (a scan attached again, a photo put back) is
 * no longer taken as sent: the server may have swept it while no row named it, so the next upload asks again.
 */
export function acknowledge(sqlite: Database.Database, upTo: number): void {
  sqlite.transaction(() => {
    statement(sqlite, `DELETE FROM sync_attachments_sent WHERE hash IN (SELECT value FROM sync_outbox WHERE seq <= ? AND (${namesAFile}))`).run(upTo);
    statement(sqlite, 'DELETE FROM sync_outbox WHERE seq <= ?').run(upTo);
  })();
}

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

/** Numbers the unsent changes from `first` on, in their order, and the changes made from now on after them. */
export function renumberOutbox(sqlite: Database.Database, first: number): void {
  sqlite.transaction(() => {
    const { low } = sqlite.prepare('SELECT min(seq) AS low FROM sync_outbox').get() as { low: number | null };
    if (low === null) return;
    // Through negative numbers, so that no two rows hold the same number midway.
    sqlite.prepare('UPDATE sync_outbox SET seq = -seq').run();
    sqlite.prepare('UPDATE sync_outbox SET seq = -seq + ?').run(first - low);
    sqlite.prepare("UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM sync_outbox) WHERE name = 'sync_outbox'").run();
  })();
}
