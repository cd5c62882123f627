import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { AppError } from '../api/errors';
import { withChangeContext, withChangeContextAsync } from './change-capture';

/**
 * Every write to a domain table goes through `write` (short, synchronous) or `longWrite` (an import that yields
 * between batches so progress can be shown and a cancel heard). Each opens the change context of its
 * transaction: the change-capture triggers stamp every changed column of a synced table with the transaction's
 * clock and record it in the outbox, and refuse a write made outside (change-capture.ts, docs/sync.md).
 *
 * A long write keeps a transaction open across event-loop turns on the one writing connection. Everyone else is
 * kept out of it: reads go to a read-only connection, which sees the last commit and never the import's
 * uncommitted rows (`readsOutsideLongWrite`), and other writes are refused with DB_LOCKED until it finishes —
 * except the long write's own service calls, recognised by their async context.
 */
const longWrites = new WeakMap<Database.Database, { label: string; token: symbol }>();
const insideLongWrite = new AsyncLocalStorage<symbol>();
/** Read-only connections and the writing connection they stand in for. */
const writerOf = new WeakMap<Database.Database, Database.Database>();

/** Registers `reader` as a read-only stand-in for `writer`: a write attempted through it is a write to `writer`. */
export function pairReader(reader: Database.Database, writer: Database.Database): void {
  writerOf.set(reader, writer);
}

const writerFor = (sqlite: Database.Database): Database.Database => writerOf.get(sqlite) ?? sqlite;

/** True when a long write holds `writer` open and the caller is not part of it: its reads belong on a reader. */
export function readsOutsideLongWrite(writer: Database.Database): boolean {
  const busy = longWrites.get(writer);
  return busy !== undefined && insideLongWrite.getStore() !== busy.token;
}

export function assertNoLongWrite(sqlite: Database.Database): void {
  const busy = longWrites.get(writerFor(sqlite));
  if (busy !== undefined && insideLongWrite.getStore() !== busy.token) {
    throw new AppError('DB_LOCKED', `${busy.label} is in progress; try again when it has finished.`);
  }
}

export function write<T>(sqlite: Database.Database, fn: () => T): T {
  assertNoLongWrite(sqlite);
  const writer = writerFor(sqlite);
  return writer.transaction(() => withChangeContext(writer, 'local', fn)).immediate();
}

/**
 * Runs `fn` in one transaction that may await between batches: all of it is committed, or (on error or cancel)
 * none of it.
 */
export async function longWrite<T>(sqlite: Database.Database, label: string, fn: () => Promise<T>): Promise<T> {
  assertNoLongWrite(sqlite);
  const writer = writerFor(sqlite);
  const token = Symbol(label);
  longWrites.set(writer, { label, token });
  try {
    writer.exec('BEGIN IMMEDIATE');
  } catch (error) {
    longWrites.delete(writer);
    throw error;
  }
  try {
    const result = await insideLongWrite.run(token, () => withChangeContextAsync(writer, fn));
    writer.exec('COMMIT');
    return result;
  } catch (error) {
    if (writer.open && writer.inTransaction) writer.exec('ROLLBACK');
    throw error;
  } finally {
    longWrites.delete(writer);
  }
}
