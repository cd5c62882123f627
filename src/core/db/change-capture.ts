import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, type Table } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { nextHlc, receiveHlc } from '../../shared/sync/hlc';
import { isSyncedTable } from '../../shared/sync/tables';
import { currentUser } from '../auth/caller';
import { newId } from './ids';
import * as schema from './schema';
import { statement } from './statements';

/**
 * Change capture for sync (docs/sync.md#the-one-write-path). Every synced table gets TEMP triggers on the
 * writing connection that record each changed column, with the transaction's clock stamp, in `sync_outbox` and
 * `sync_cells` — in the same transaction as the write, whatever built the SQL (drizzle or a prepared statement).
 * They are TEMP so that they are made from the current schema at every start (a new column is captured without
 * anyone writing a trigger) and never fire inside migrations, which run before them.
 *
 * The write path (`write`/`longWrite` in writes.ts) opens a change context for its transaction; a trigger that
 * fires outside one aborts the statement, so a write that goes around the write path fails in every test that
 * makes it. Rows of synced tables are archived, never deleted: a DELETE aborts as well.
 */

export interface SyncedTableShape {
  name: string;
  columns: string[];
  /** SQL for the row's id as text. */
  rowIdSql: (alias: 'NEW' | 'OLD') => string;
}

/** The synced tables of the local schema, with their columns in SQL names, read from the drizzle definitions. */
export function syncedTablesOfSchema(): SyncedTableShape[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .filter((table) => isSyncedTable(getTableName(table)))
    .map((table: Table) => ({
      name: getTableName(table),
      columns: Object.values(getTableColumns(table)).map((column) => column.name),
      rowIdSql: (alias) => `CAST(${alias}."id" AS TEXT)`,
    }));
}

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function changedColumns(table: SyncedTableShape, onlyChanged: boolean): string {
  return table.columns
    .map((column) => `SELECT ${quote(column)} AS col, NEW."${column}" AS value${onlyChanged ? ` WHERE OLD."${column}" IS NOT NEW."${column}"` : ''}`)
    .join(' UNION ALL ');
}

/**
 * `authors`: whether the outbox and cells have their user columns (a database opened with an older set of
 * migrations, only in tests, has not).
 */
function triggersOf(table: SyncedTableShape, authors: boolean): string[] {
  const t = quote(table.name);
  const rowId = table.rowIdSql('NEW');
  const outside = `SELECT RAISE(ABORT, ${quote(`${table.name} written outside the write path (src/core/db/writes.ts)`)}) WHERE (SELECT tx FROM temp.sync_context WHERE id = 1) IS NULL;`;
  const capture = (onlyChanged: boolean) => `
    INSERT INTO main.sync_outbox (tx, hlc, base, tbl, row_id, col, value${authors ? ', user_id' : ''})
      SELECT c.tx, c.hlc, (SELECT s.hlc FROM main.sync_cells s WHERE s.tbl = ${t} AND s.row_id = ${rowId} AND s.col = v.col), ${t}, ${rowId}, v.col, v.value${authors ? ', c.user_id' : ''}
      FROM temp.sync_context c, (${changedColumns(table, onlyChanged)}) v WHERE c.id = 1;
    INSERT INTO main.sync_cells (tbl, row_id, col, hlc${authors ? ', user_id, user_name, device' : ''})
      SELECT ${t}, ${rowId}, v.col, c.hlc${authors ? ', c.user_id, NULL, NULL' : ''} FROM temp.sync_context c, (${changedColumns(table, onlyChanged)}) v WHERE c.id = 1
      ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc${authors ? ', user_id = excluded.user_id, user_name = NULL, device = NULL' : ''};`;
  const notApplying = `(SELECT mode FROM temp.sync_context WHERE id = 1) IS NOT 'apply'`;
  return [
    `CREATE TEMP TRIGGER "sync_insert_${table.name}" AFTER INSERT ON main."${table.name}" WHEN ${notApplying} BEGIN ${outside} ${capture(false)} END`,
    `CREATE TEMP TRIGGER "sync_update_${table.name}" AFTER UPDATE ON main."${table.name}" WHEN ${notApplying} BEGIN ${outside} ${capture(true)} END`,
    // Only a page from the server removes rows: those of a share that was revoked (docs/sync.md#sharing).
    `CREATE TEMP TRIGGER "sync_delete_${table.name}" BEFORE DELETE ON main."${table.name}" WHEN ${notApplying} BEGIN SELECT RAISE(ABORT, ${quote(`rows of ${table.name} are archived, never deleted (docs/sync.md#the-one-write-path)`)}); END`,
  ];
}

const CLOSE_CONTEXT = 'UPDATE temp.sync_context SET tx = NULL, hlc = NULL, mode = NULL, user_id = NULL WHERE id = 1';
const OPEN_CONTEXT = 'UPDATE temp.sync_context SET tx = ?, hlc = ?, mode = ?, user_id = ? WHERE id = 1';

interface Clock {
  node: string;
  last: string | null;
  offsetMs: number;
}

const clocks = new WeakMap<Database.Database, Clock>();

/**
 * Installs the capture on the writing connection (after migrations). Idempotent. A database opened with an older
 * set of migrations (only tests do that) has no sync tables and gets no capture.
 */
export function installChangeCapture(sqlite: Database.Database): void {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_node'").get()) return;
  // user_id: the signed-in user whose call opened the context, recorded with every change (docs/sync.md#who-made-a-change).
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS sync_context (id INTEGER PRIMARY KEY CHECK (id = 1), tx TEXT, hlc TEXT, mode TEXT, user_id TEXT);
    INSERT OR IGNORE INTO temp.sync_context (id) VALUES (1);`);
  sqlite.prepare('INSERT OR IGNORE INTO sync_node (id, node_id) VALUES (1, ?)').run(newId().replaceAll('-', ''));
  const node = sqlite.prepare('SELECT node_id AS node, last_hlc AS last, clock_offset_ms AS offsetMs FROM sync_node WHERE id = 1').get() as Clock;
  clocks.set(sqlite, node);
  const existing = sqlite.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'").all() as { name: string }[];
  for (const { name } of existing) sqlite.exec(`DROP TRIGGER temp."${name}"`);
  // A table missing from a damaged database is its health check's to report, not a reason to refuse to open.
  const present = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  const authors = (sqlite.prepare("SELECT 1 FROM pragma_table_info('sync_outbox') WHERE name = 'user_id'").get() ?? null) !== null;
  for (const table of syncedTablesOfSchema().filter((t) => present.has(t.name))) for (const sql of triggersOf(table, authors)) sqlite.exec(sql);
}

export const hasChangeCapture = (sqlite: Database.Database): boolean => clocks.has(sqlite);

function clockOf(sqlite: Database.Database): Clock {
  const clock = clocks.get(sqlite);
  if (!clock) throw new Error('Change capture is not installed on this connection');
  return clock;
}

export const nodeIdOf = (sqlite: Database.Database): string => clockOf(sqlite).node;

/** This computer's clock corrected by the offset to the server last measured. */
export const correctedNow = (sqlite: Database.Database): number => Date.now() + clockOf(sqlite).offsetMs;

function remember(sqlite: Database.Database, stamp: string): string {
  clockOf(sqlite).last = stamp;
  statement(sqlite, 'UPDATE main.sync_node SET last_hlc = ? WHERE id = 1').run(stamp);
  return stamp;
}

/** A new stamp for a local transaction. */
export const tickClock = (sqlite: Database.Database): string => {
  const clock = clockOf(sqlite);
  return remember(sqlite, nextHlc(clock.last, correctedNow(sqlite), clock.node));
};

/** Moves the clock past a stamp received from elsewhere, so that the next local edit is newer than it. */
export function receiveClock(sqlite: Database.Database, remote: string): void {
  const clock = clockOf(sqlite);
  remember(sqlite, receiveHlc(clock.last, remote, correctedNow(sqlite), clock.node));
}

/**
 * Sets the offset to the server's clock and, when the local clock ran ahead, lets the clock start again from
 * the corrected time: the stamps it gave are all in the unsent outbox, which the caller re-stamps.
 */
export function correctClock(sqlite: Database.Database, offsetMs: number, restart: boolean): void {
  const clock = clockOf(sqlite);
  clock.offsetMs = offsetMs;
  sqlite.prepare('UPDATE main.sync_node SET clock_offset_ms = ? WHERE id = 1').run(offsetMs);
  if (restart) clock.last = null;
}

/**
 * Runs `fn` inside a change context: `mode` 'local' records changes with a fresh stamp, 'apply' writes
 * changes received from the server without recording them again. A context already open (a write inside a long
 * write) is joined. Must be called inside a transaction.
 */
export function withChangeContext<T>(sqlite: Database.Database, mode: 'local' | 'apply', fn: () => T): T {
  if (!clocks.has(sqlite)) return fn();
  const open = statement(sqlite, 'SELECT tx FROM temp.sync_context WHERE id = 1').get() as { tx: string | null };
  if (open.tx !== null) return fn();
  const stamp = tickClock(sqlite);
  statement(sqlite, OPEN_CONTEXT).run(stamp, stamp, mode, mode === 'local' ? (currentUser()?.userId ?? null) : null);
  try {
    return fn();
  } finally {
    if (sqlite.inTransaction) statement(sqlite, CLOSE_CONTEXT).run();
  }
}

/** The async form, for a long write that yields between batches. */
export async function withChangeContextAsync<T>(sqlite: Database.Database, fn: () => Promise<T>): Promise<T> {
  if (!clocks.has(sqlite)) return fn();
  const stamp = tickClock(sqlite);
  statement(sqlite, OPEN_CONTEXT).run(stamp, stamp, 'local', currentUser()?.userId ?? null);
  try {
    return await fn();
  } finally {
    if (sqlite.open && sqlite.inTransaction) statement(sqlite, CLOSE_CONTEXT).run();
  }
}

/**
 * The clock stamp of the write in progress (a fleet setting records it as when it was set); outside a change
 * context or without change capture (an older database, only in tests), the time as text.
 */
export function writeStamp(sqlite: Database.Database): string {
  if (!clocks.has(sqlite)) return new Date().toISOString();
  const open = statement(sqlite, 'SELECT hlc FROM temp.sync_context WHERE id = 1').get() as { hlc: string | null };
  return open.hlc ?? new Date().toISOString();
}
