import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { AppError } from '../api/errors';

/**
 * Every write to a domain table goes through `write` (short, synchronous) or `longWrite` (an import that yields
 * between batches so progress can be shown and a cancel heard). This is the one place where sync's change log
 * will hook in.
 *
 * A long write keeps a transaction open across event-loop turns on the one connection, so any other write in
 * that time would silently join it (and be rolled back with it on cancel). Other writes are therefore refused
 * with DB_LOCKED until it finishes — except the long write's own service calls, recognised by their async context.
 */
const longWrites = new WeakMap<Database.Database, { label: string; token: symbol }>();
const insideLongWrite = new AsyncLocalStorage<symbol>();

export function assertNoLongWrite(sqlite: Database.Database): void {
  const busy = longWrites.get(sqlite);
  if (busy !== undefined && insideLongWrite.getStore() !== busy.token) {
    throw new AppError('DB_LOCKED', `${busy.label} is in progress; try again when it has finished.`);
  }
}

export function write<T>(sqlite: Database.Database, fn: () => T): T {
  assertNoLongWrite(sqlite);
  return sqlite.transaction(fn).immediate();
}

/** Lets the event loop run (progress events go out, a cancel request comes in) inside a long write. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs `fn` in one transaction that may await between batches: all of it is committed, or (on error or cancel)
 * none of it.
 */
export async function longWrite<T>(sqlite: Database.Database, label: string, fn: () => Promise<T>): Promise<T> {
  assertNoLongWrite(sqlite);
  const token = Symbol(label);
  longWrites.set(sqlite, { label, token });
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await insideLongWrite.run(token, fn);
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (sqlite.open && sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  } finally {
    longWrites.delete(sqlite);
  }
}
