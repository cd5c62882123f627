import type Database from 'better-sqlite3';
import type { SnapshotPage, SnapshotRow } from '../../shared/sync/snapshot-protocol';
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
    const held = heldRows(sqlite, page.rows);
    const fresh = page.rows.filter((row) => !held.has(keyOf(row)));
    const known = page.rows.filter((row) => held.has(keyOf(row)));
    let applied = applyEntries(sqlite, known.flatMap(entriesOf));
    applied += insertRows(sqlite, fresh);
    let newest: string | null = null;
    for (const row of fresh) for (const [hlc] of stampsOf(row)) if (newest === null || hlc > newest) newest = hlc;
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

const keyOf = (row: { table: string; rowId: string }): string => `${row.table}\u0000${row.rowId}`;

/** Each cell's [column, hlc, base]. */
function* stampsOf(row: SnapshotRow): Generator<[string, string | null, string]> {
  for (const column of Object.keys(row.values)) {
    const own = row.stamps?.[column];
    yield own ? [own[0], own[1], column] : [row.hlc, row.base, column];
  }
}

function entriesOf(row: SnapshotRow): AppliedEntry[] {
  return [...stampsOf(row)].map(([hlc, base, column]) => ({ table: row.table, rowId: row.rowId, column, value: row.values[column] ?? null, hlc, base }));
}

const CHUNK = 200;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The rows of the page this device already holds: cells of them, or the row itself. */
function heldRows(sqlite: Database.Database, rows: SnapshotRow[]): Set<string> {
  const held = new Set<string>();
  const byTable = new Map<string, string[]>();
  for (const row of rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row.rowId]);
  for (const [table, ids] of byTable) {
    for (const part of chunks(ids, CHUNK)) {
      const marks = part.map(() => '?').join(', ');
      const cells = statement(sqlite, `SELECT DISTINCT row_id AS id FROM sync_cells WHERE tbl = ? AND row_id IN (${marks})`).all(table, ...part) as { id: string }[];
      // Table names come from the protocol's list of synced tables, checked on arrival.
      const present = statement(sqlite, `SELECT CAST(id AS TEXT) AS id FROM "${table}" WHERE id IN (${marks})`).all(...part) as { id: string }[];
      for (const { id } of [...cells, ...present]) held.add(keyOf({ table, rowId: id }));
    }
  }
  return held;
}

/** Inserts rows this device has never held, grouped by their columns, with their cells' stamps. */
function insertRows(sqlite: Database.Database, rows: SnapshotRow[]): number {
  const groups = new Map<string, { table: string; columns: string[]; rows: SnapshotRow[] }>();
  for (const row of rows) {
    const columns = Object.keys(row.values);
    if (!columns.includes('id')) columns.unshift('id');
    const key = `${row.table}\u0000${columns.join(',')}`;
    const group = groups.get(key) ?? { table: row.table, columns, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  for (const { table, columns, rows: members } of groups.values()) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (const part of chunks(members, CHUNK)) {
      const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`;
      statement(sqlite, sql).run(...part.flatMap((row) => columns.map((c) => (c === 'id' && !('id' in row.values) ? row.rowId : (row.values[c] ?? null)))));
    }
    if (table === 'people') for (const row of members) rewriteSearchTerms(sqlite, row.rowId);
  }
  const cells: unknown[] = [];
  let count = 0;
  for (const row of rows) {
    for (const [hlc, , column] of stampsOf(row)) {
      cells.push(row.table, row.rowId, column, hlc);
      count += 1;
    }
  }
  const CELL_CHUNK = 1000;
  for (let i = 0; i < cells.length; i += CELL_CHUNK * 4) {
    const part = cells.slice(i, i + CELL_CHUNK * 4);
    statement(sqlite, `INSERT INTO sync_cells (tbl, row_id, col, hlc) VALUES ${Array.from({ length: part.length / 4 }, () => '(?, ?, ?, ?)').join(', ')}`).run(...part);
  }
  return count;
}
