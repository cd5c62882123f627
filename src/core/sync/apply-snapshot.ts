import type Database from 'better-sqlite3';
import type { SnapshotGroup, SnapshotPage } from '../../shared/sync/snapshot-protocol';
import { receiveClock } from '../db/change-capture';
import { statement } from '../db/statements';
import { rewriteSearchTerms } from '../people/records';
import { applyEntries, inApplyTransaction, type AppliedEntry } from './apply';

/**
 * Applies one page of a feed's snapshot (docs/sync.md#snapshots-and-compaction) and moves the snapshot's keyset
 * cursor in the same SQLite transaction, so that a cut snapshot resumes after the last page applied. The last
 * page also sets the feed's cursor to the number the snapshot was taken at; the incremental pull goes on from there.
 *
 * Rows this device has never held (all of them on a first sync) have nothing to compare with: they are inserted
 * with multi-row INSERTs, and their cells' stamps likewise. Rows it holds (a device sent to a snapshot after a
 * compaction) take the same path as a feed entry, cell by cell, with the conflict list.
 */
export function applySnapshotPage(sqlite: Database.Database, page: SnapshotPage): number {
  return inApplyTransaction(sqlite, () => {
    let applied = 0;
    let newest: string | null = null;
    for (const group of page.groups) {
      const held = heldRows(sqlite, group.table, group.rows.map((row) => row[0]));
      const known = group.rows.filter((row) => held.has(row[0]));
      const fresh = known.length === 0 ? group.rows : group.rows.filter((row) => !held.has(row[0]));
      applied += applyEntries(sqlite, known.flatMap((row) => entriesOf(group, row)));
      applied += insertRows(sqlite, { ...group, rows: fresh });
      for (const row of fresh) {
        if (newest === null || row[1] > newest) newest = row[1];
        for (const [hlc] of Object.values(row[4] ?? {})) if (hlc > newest) newest = hlc;
      }
    }
    if (newest !== null) receiveClock(sqlite, newest);
    if (page.next) {
      statement(sqlite, 'INSERT INTO sync_snapshots (feed, as_of, after_table, after_row_id) VALUES (?, ?, ?, ?) ON CONFLICT (feed) DO UPDATE SET as_of = excluded.as_of, after_table = excluded.after_table, after_row_id = excluded.after_row_id').run(
        page.feed,
        page.asOf,
        page.next.table,
        page.next.rowId,
      );
    } else {
      statement(sqlite, 'DELETE FROM sync_snapshots WHERE feed = ?').run(page.feed);
      statement(sqlite, 'INSERT INTO sync_cursors (feed, seq) VALUES (?, ?) ON CONFLICT (feed) DO UPDATE SET seq = max(seq, excluded.seq)').run(page.feed, page.asOf);
    }
    return applied;
  });
}

/** Where a snapshot of a feed stands on this device: null when none is under way. */
export function snapshotInProgress(sqlite: Database.Database, feed: string): { asOf: number; after: { table: string; rowId: string } | null } | null {
  const row = statement(sqlite, 'SELECT as_of AS asOf, after_table AS afterTable, after_row_id AS afterRowId FROM sync_snapshots WHERE feed = ?').get(feed) as
    | { asOf: number; afterTable: string | null; afterRowId: string | null }
    | undefined;
  if (!row) return null;
  return { asOf: row.asOf, after: row.afterTable !== null && row.afterRowId !== null ? { table: row.afterTable, rowId: row.afterRowId } : null };
}

type GroupRow = SnapshotGroup['rows'][number];

/** The stamp and base of the cell in column `index` of a row. */
function stampOf(group: SnapshotGroup, row: GroupRow, index: number): [string, string | null] {
  return row[4]?.[group.columns[index]!] ?? [row[1], row[2]];
}

function entriesOf(group: SnapshotGroup, row: GroupRow): AppliedEntry[] {
  return group.columns.map((column, i) => {
    const [hlc, base] = stampOf(group, row, i);
    return { table: group.table, rowId: row[0], column, value: row[3][i] ?? null, hlc, base };
  });
}

const CHUNK = 200;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The rows of a table this device already holds: cells of them, or the row itself. */
function heldRows(sqlite: Database.Database, table: string, ids: string[]): Set<string> {
  const held = new Set<string>();
  for (const part of chunks(ids, CHUNK)) {
    const marks = part.map(() => '?').join(', ');
    const cells = statement(sqlite, `SELECT DISTINCT row_id AS id FROM sync_cells WHERE tbl = ? AND row_id IN (${marks})`).all(table, ...part) as { id: string }[];
    // Table names come from the protocol's list of synced tables, checked on arrival.
    const present = statement(sqlite, `SELECT CAST(id AS TEXT) AS id FROM "${table}" WHERE id IN (${marks})`).all(...part) as { id: string }[];
    for (const { id } of [...cells, ...present]) held.add(id);
  }
  return held;
}

/** Inserts rows this device has never held, with their cells' stamps, and people's search terms. */
function insertRows(sqlite: Database.Database, group: SnapshotGroup): number {
  if (group.rows.length === 0) return 0;
  const hasId = group.columns.includes('id');
  const columns = hasId ? group.columns : ['id', ...group.columns];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (const part of chunks(group.rows, CHUNK)) {
    const sql = `INSERT INTO "${group.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`;
    statement(sqlite, sql).run(...part.flatMap((row) => (hasId ? row[3] : [row[0], ...row[3]])));
  }
  if (group.table === 'people') for (const row of group.rows) rewriteSearchTerms(sqlite, row[0]);
  const CELLS_PER_STATEMENT = 1000;
  const cells: unknown[] = [];
  const flush = () => {
    statement(sqlite, `INSERT INTO sync_cells (tbl, row_id, col, hlc) VALUES ${Array.from({ length: cells.length / 4 }, () => '(?, ?, ?, ?)').join(', ')}`).run(...cells);
    cells.length = 0;
  };
  for (const row of group.rows) {
    for (let i = 0; i < group.columns.length; i += 1) {
      cells.push(group.table, row[0], group.columns[i], row[4]?.[group.columns[i]!]?.[0] ?? row[1]);
      if (cells.length === CELLS_PER_STATEMENT * 4) flush();
    }
  }
  if (cells.length > 0) flush();
  return group.rows.length * group.columns.length;
}
