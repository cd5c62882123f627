import type Database from 'better-sqlite3';
import { MAX_PUSH_CHANGES } from '../../shared/sync/protocol';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/tables';
import { auditTailOf } from '../db/audit-capture';
import { correctClock } from '../db/change-capture';
import { statement } from '../db/statements';
import { assertNoLongWrite } from '../db/writes';
import { applyPage } from './apply';
import { sendAuditCopy } from './audit-copy';
import { acknowledge, nextBatch, renumberOutbox, restampOutbox } from './outbox';
import { takeSnapshot } from './snapshot';
import { SyncFailure, type SyncTransport } from './transport';

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
}

export interface SyncOutcome {
  pushed: number;
  pulled: number;
}

export interface SyncRunOptions {
  /** Changes per push (a transaction is never split, so a batch may be longer). */
  batch?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** Feeds whose pages were applied, for the caller to tell the screens. */
  onApplied?: (tables: Set<string>) => void;
}

/** Below this, a difference between the clocks is the network's delay, not a wrong clock. */
const CLOCK_TOLERANCE_MS = 1000;

/** Measures the server's clock against this computer's: stamps follow the server's time from then on. */
function noteServerTime(sqlite: Database.Database, serverTime: number): void {
  const offset = serverTime - Date.now();
  correctClock(sqlite, Math.abs(offset) < CLOCK_TOLERANCE_MS ? 0 : offset, false);
}

/** The feeds this device reads, as the server last said: an office's grow when it creates a vessel. */
function noteTenants(sqlite: Database.Database, tenants: string[]): void {
  const json = JSON.stringify(tenants);
  statement(sqlite, 'UPDATE sync_node SET tenants = ? WHERE id = 1 AND tenants IS NOT ?').run(json, json);
}

/**
 * One sync: push every unsent change in batches, then pull every feed page by page. Each step is idempotent: a
 * cut connection, a crash or a repeated answer only means the step is done again (docs/sync.md#push-and-pull).
 * `sqlite` is asked for afresh at each step: a restore may swap the database between two awaits.
 */
export async function syncOnce(sqlite: () => Database.Database, transport: SyncTransport, options: SyncRunOptions = {}): Promise<SyncOutcome> {
  let pushed = 0;
  let restamped = false;
  for (;;) {
    assertNoLongWrite(sqlite());
    const changes = nextBatch(sqlite(), options.batch ?? 1000, MAX_PUSH_CHANGES);
    if (changes.length === 0) break;
    let acknowledged: number;
    try {
      const auditHead = auditTailOf(sqlite());
      const answer = await transport.push({ schemaVersion: SYNC_SCHEMA_VERSION, changes, ...(auditHead ? { auditHead } : {}) });
      acknowledged = answer.acknowledged;
      noteServerTime(sqlite(), answer.serverTime);
    } catch (error) {
      if (error instanceof SyncFailure && error.code === 'CLOCK_AHEAD' && error.serverTime !== undefined && !restamped) {
        assertNoLongWrite(sqlite());
        restampOutbox(sqlite(), error.serverTime);
        restamped = true;
        continue;
      }
      if (error instanceof SyncFailure && error.code === 'SEQUENCE_REUSED' && error.expected !== undefined) {
        assertNoLongWrite(sqlite());
        renumberOutbox(sqlite(), error.expected);
        continue;
      }
      // The server already holds what came before `expected` (its acknowledgement was lost): forget it here.
      if (error instanceof SyncFailure && error.code === 'SEQUENCE_GAP' && error.expected !== undefined && error.expected > changes[0]!.seq) {
        acknowledge(sqlite(), error.expected - 1);
        continue;
      }
      throw error;
    }
    assertNoLongWrite(sqlite());
    if (acknowledged > changes.at(-1)!.seq) {
      // The server has taken numbers beyond these: this database was restored from a backup older than changes
      // it had sent. These changes were taken as repeats, so they are numbered after the server's and sent again.
      renumberOutbox(sqlite(), acknowledged + 1);
      continue;
    }
    acknowledge(sqlite(), acknowledged);
    pushed += changes.filter((c) => c.seq <= acknowledged).length;
    options.onProgress?.({ phase: 'push', done: pushed });
  }

  let pulled = 0;
  for (;;) {
    const cursors = Object.fromEntries((statement(sqlite(), 'SELECT feed, seq FROM sync_cursors').all() as { feed: string; seq: number }[]).map((c) => [c.feed, c.seq]));
    const answer = await transport.pull(Object.fromEntries(Object.entries(cursors)));
    noteServerTime(sqlite(), answer.serverTime);
    noteTenants(sqlite(), answer.tenants);
    const tables = new Set<string>();
    for (const page of answer.feeds) {
      // A page already applied (a repeated answer) is passed over; the cursor never moves back.
      if (page.cursor <= (cursors[page.feed] ?? 0)) continue;
      assertNoLongWrite(sqlite());
      pulled += applyPage(sqlite(), page);
      for (const entry of page.entries) tables.add(entry.table);
      options.onProgress?.({ phase: 'pull', done: pulled });
    }
    // A feed never read, or read only up to behind its compaction horizon, comes whole from a snapshot first.
    for (const feed of answer.snapshot ?? []) {
      const before = pulled;
      await takeSnapshot(sqlite, transport, feed, (applied, pageTables) => {
        pulled = before + applied;
        for (const table of pageTables) tables.add(table);
        options.onProgress?.({ phase: 'pull', done: pulled });
      });
    }
    if (tables.size > 0) options.onApplied?.(tables);
    if (!answer.feeds.some((page) => page.more) && (answer.snapshot ?? []).length === 0) break;
  }
  await sendAuditCopy(sqlite, transport);
  return { pushed, pulled };
}
