import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { AppError } from '../api/errors';
import { currentCaller, runAs, type Caller } from '../auth/caller';
import { abandonAuditHead, appendAuditEntry, confirmAuditHead, prepareAuditHead, type AuditNote } from './audit-capture';
import { withChangeContext, withChangeContextAsync } from './change-capture';

/**
 * Every write to a domain table goes through `write` (short, synchronous) or `longWrite` (an import that yields
 * between batches so progress can be shown and a cancel heard). Each opens the change context of its
 * transaction: the change-capture triggers stamp every changed column of a synced table with the transaction's
 * clock and record it in the outbox, and refuse a write made outside (change-capture.ts, docs/sync.md). The audit
 * triggers append an entry per changed row in the same transaction (audit-capture.ts); the outermost transaction
 * writes the audit log's head file before its COMMIT and confirms it after (docs/security.md#audit-log).
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
  const outermost = !writer.inTransaction;
  let result: T;
  try {
    result = writer
      .transaction(() => {
        const value = withChangeContext(writer, 'local', fn);
        if (outermost) prepareAuditHead(writer);
        return value;
      })
      .immediate();
  } catch (error) {
    if (outermost) abandonAuditHead(writer);
    throw error;
  }
  if (outermost) confirmAuditHead(writer);
  return result;
}

/** Views of health data or results asked for while a long write holds the database, appended when it ends. */
const waitingViews = new WeakMap<Database.Database, Array<{ caller: Caller | null; entry: AuditNote }>>();

/**
 * Appends an audit entry no row change makes: someone viewed a medical certificate or a person's results
 * (docs/security.md#audit-log). While an import holds the database the entry waits for it to end rather than
 * joining (and perhaps being rolled back with) the import's transaction.
 */
export function recordAuditEntry(sqlite: Database.Database, entry: AuditNote): void {
  const writer = writerFor(sqlite);
  if (readsOutsideLongWrite(writer)) {
    const queue = waitingViews.get(writer) ?? [];
    queue.push({ caller: currentCaller(), entry });
    waitingViews.set(writer, queue);
    return;
  }
  write(writer, () => appendAuditEntry(writer, entry));
}

function appendWaitingEntries(writer: Database.Database): void {
  const queue = waitingViews.get(writer);
  if (!queue || !writer.open) return;
  // Kept queued if this fails (a full disk): the next long write's end tries again.
  write(writer, () => {
    for (const { caller, entry } of queue) {
      if (caller) runAs(caller, () => appendAuditEntry(writer, entry));
      else appendAuditEntry(writer, entry);
    }
  });
  waitingViews.delete(writer);
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
    prepareAuditHead(writer);
    writer.exec('COMMIT');
    confirmAuditHead(writer);
    return result;
  } catch (error) {
    if (writer.open && writer.inTransaction) writer.exec('ROLLBACK');
    abandonAuditHead(writer);
    throw error;
  } finally {
    longWrites.delete(writer);
    try {
      appendWaitingEntries(writer);
    } catch {
      // The import's own outcome stands; the waiting entries stay queued.
    }
  }
}
