import type Database from 'better-sqlite3';
import type { FeedEntry, FeedPage } from '../../shared/sync/protocol';
import { SHARE_ENTRY_TABLE } from '../../shared/sync/shares';
import { REVIEWED_COLUMNS, type SyncedTable } from '../../shared/sync/tables';
import { abandonAuditHead, confirmAuditHead, prepareAuditHead } from '../db/audit-capture';
import { receiveClock, withChangeContext } from '../db/change-capture';
import type { CellAuthor } from '../db/schema';
import { statement } from '../db/statements';
import { rewriteSearchTerms } from '../people/records';
import { applyShareEntry } from './shared-in';

/**
 * Applies one page of a feed and moves its cursor, in one SQLite transaction (docs/sync.md#push-and-pull): a
 * crash between the two would otherwise apply the page twice or skip it. Each cell takes the value with the
 * higher clock stamp; a value of someone's profile or certificate that a concurrent edit replaces goes to the
 * conflict list.
 *
 * Foreign keys are not checked while a page is applied: a row may arrive before the row it points to (another
 * feed, a later page), and rows are never deleted, so nothing is left pointing at a row that went away.
 */
export function applyPage(sqlite: Database.Database, page: FeedPage): number {
  return inApplyTransaction(sqlite, () => {
    const count = applyEntries(sqlite, page.entries);
    statement(sqlite, 'INSERT INTO sync_cursors (feed, seq) VALUES (?, ?) ON CONFLICT (feed) DO UPDATE SET seq = max(seq, excluded.seq)').run(page.feed, page.cursor);
    return count;
  });
}

/** Runs `fn` as one SQLite transaction of received changes: foreign keys off, no outbox, the audit head after it. */
export function inApplyTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  sqlite.pragma('foreign_keys = OFF');
  try {
    // The audit log records the page's changes too (as another device's): its head file follows the commit, as in
    // the write path (src/core/db/writes.ts).
    let result: T;
    try {
      result = sqlite.transaction(() => {
        const value = withChangeContext(sqlite, 'apply', fn);
        prepareAuditHead(sqlite);
        return value;
      })();
    } catch (error) {
      abandonAuditHead(sqlite);
      throw error;
    }
    confirmAuditHead(sqlite);
    return result;
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** Who wrote a received value: the user and device the server sent with it (docs/sync.md#who-made-a-change). */
const authorOf = (entry: AppliedEntry): CellAuthor => ({ userId: entry.user?.id ?? null, userName: entry.user?.name ?? null, device: entry.device ?? null });

export type AppliedEntry = Pick<FeedEntry, 'table' | 'rowId' | 'column' | 'value' | 'hlc' | 'base' | 'user' | 'device'>;

interface Winner {
  column: string;
  value: unknown;
}

/** Applies received cell values (a page's entries, or a snapshot's rows this device already holds). */
export function applyEntries(sqlite: Database.Database, entries: readonly AppliedEntry[]): number {
  const cellHlc = statement(sqlite, 'SELECT hlc, user_id AS userId, user_name AS userName, device FROM sync_cells WHERE tbl = ? AND row_id = ? AND col = ?');
  const setCell = statement(
    sqlite,
    `INSERT INTO sync_cells (tbl, row_id, col, hlc, user_id, user_name, device) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc, user_id = excluded.user_id, user_name = excluded.user_name, device = excluded.device`,
  );
  const logConflict = statement(
    sqlite,
    'INSERT INTO sync_conflicts (at, tbl, row_id, col, kept_value, kept_hlc, lost_value, lost_hlc, kept_by, lost_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const rows = new Map<string, { table: string; rowId: string; winners: Winner[] }>();
  let newest: string | null = null;
  let applied = 0;
  // A row this device has never held (an initial sync) has no cells to compare with: one look per row, not per cell.
  const unknownRows = new Map<string, boolean>();
  const knowsRow = statement(sqlite, 'SELECT 1 FROM sync_cells WHERE tbl = ? AND row_id = ? LIMIT 1');
  const writeRows = () => {
    for (const row of rows.values()) writeRow(sqlite, row.table, row.rowId, row.winners);
    rows.clear();
  };
  for (const entry of entries) {
    if (entry.table === SHARE_ENTRY_TABLE) {
      // A share begins or ends here in the feed's order: what came before it is written first, and rows it
      // removes are unknown again afterwards.
      writeRows();
      applyShareEntry(sqlite, entry);
      unknownRows.clear();
      applied += 1;
      continue;
    }
    const rowKey = `${entry.table}\u0000${entry.rowId}`;
    let unknown = unknownRows.get(rowKey);
    if (unknown === undefined) unknownRows.set(rowKey, (unknown = knowsRow.get(entry.table, entry.rowId) === undefined));
    const cell = unknown ? undefined : (cellHlc.get(entry.table, entry.rowId, entry.column) as ({ hlc: string } & CellAuthor) | undefined);
    const held = cell?.hlc;
    const author = authorOf(entry);
    if (held !== undefined && entry.hlc <= held) continue;
    if (cell !== undefined && entry.base !== cell.hlc && REVIEWED_COLUMNS[entry.table as SyncedTable]?.includes(entry.column)) {
      const current = currentValue(sqlite, entry.table, entry.rowId, entry.column);
      if (current !== undefined && current !== entry.value) {
        const lostBy: CellAuthor = { userId: cell.userId, userName: cell.userName, device: cell.device };
        logConflict.run(new Date().toISOString(), entry.table, entry.rowId, entry.column, JSON.stringify(entry.value), entry.hlc, JSON.stringify(current), cell.hlc, JSON.stringify(author), JSON.stringify(lostBy));
      }
    }
    setCell.run(entry.table, entry.rowId, entry.column, entry.hlc, author.userId, author.userName, author.device);
    const key = `${entry.table}\u0000${entry.rowId}`;
    const row = rows.get(key) ?? { table: entry.table, rowId: entry.rowId, winners: [] };
    row.winners = [...row.winners.filter((w) => w.column !== entry.column), { column: entry.column, value: entry.value }];
    rows.set(key, row);
    if (newest === null || entry.hlc > newest) newest = entry.hlc;
    applied += 1;
  }
  writeRows();
  if (newest !== null) receiveClock(sqlite, newest);
  return applied;
}

function currentValue(sqlite: Database.Database, table: string, rowId: string, column: string): unknown {
  const row = statement(sqlite, `SELECT "${column}" AS value FROM "${table}" WHERE id = ?`).get(rowId) as { value: unknown } | undefined;
  return row?.value;
}

/** Table and column names come from the protocol's list of synced tables, checked on arrival. */
function writeRow(sqlite: Database.Database, table: string, rowId: string, winners: Winner[]): void {
  const exists = statement(sqlite, `SELECT 1 FROM "${table}" WHERE id = ?`).get(rowId) !== undefined;
  if (exists) {
    const update = winners.filter((w) => w.column !== 'id');
    if (update.length > 0) {
      statement(sqlite, `UPDATE "${table}" SET ${update.map((w) => `"${w.column}" = ?`).join(', ')} WHERE id = ?`).run(...update.map((w) => w.value), rowId);
    }
  } else {
    const columns = winners.some((w) => w.column === 'id') ? winners : [{ column: 'id', value: rowId }, ...winners];
    statement(sqlite, `INSERT INTO "${table}" (${columns.map((w) => `"${w.column}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((w) => w.value));
  }
  if (table === 'people') rewriteSearchTerms(sqlite, rowId);
}
