import { compactFeeds } from './compaction';
import { sweepFiles, type SweepReport } from './file-sweep';
import type { Store } from './store';

/**
 * Housekeeping on a schedule (docs/sync.md#the-server): every feed compacted, then the sweep of files. Several
 * servers may share one PostgreSQL, so the time of the last round is kept in the database (`server_meta`) and a
 * round runs under an advisory lock: whichever server's timer fires first after the interval runs it, the others
 * skip. A server restarted more often than the interval still runs it, since the time is not its own.
 */

const LOCK_KEY = 7418202;
const LAST_ROUND = 'housekeeping_at';
const HOUR_MS = 3_600_000;

export interface HousekeepingRound {
  compactedFeeds: number;
  entriesRemoved: number;
  sweep: SweepReport;
}

export type TickOutcome = { ran: true; round: HousekeepingRound } | { ran: false; reason: 'busy' | 'not due' | 'stopped' };

/** The calls of the server's pino logger this uses. */
export interface HousekeepingLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface HousekeepingOptions {
  /** Hours between rounds; above 0. */
  hours: number;
  log: HousekeepingLog;
  now?: () => number;
}

export interface Housekeeping {
  /** Runs a round if one is due and no one else is running one (what the timer calls). */
  tick(): Promise<TickOutcome>;
  /** Clears the timer and stops a running round between two of its transactions, then waits for it. */
  stop(): Promise<void>;
}

export function scheduleHousekeeping(store: Store, options: HousekeepingOptions): Housekeeping {
  if (!(options.hours > 0)) throw new Error(`Housekeeping runs every so many hours, above 0; not ${options.hours}.`);
  const now = options.now ?? Date.now;
  const intervalMs = options.hours * HOUR_MS;
  const stopping = new AbortController();
  const running = new Set<Promise<unknown>>();

  async function round(): Promise<TickOutcome> {
    const at = now();
    const [last] = await store.query<{ value: string }>('SELECT value FROM server_meta WHERE key = $1', [LAST_ROUND]);
    const record = (ms: number) =>
      store.query('INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [LAST_ROUND, new Date(ms).toISOString()]);
    // A new database counts from its first server's start: the first round comes one interval later.
    if (!last) await record(at);
    if (!last || at - Date.parse(last.value) < intervalMs) return { ran: false, reason: 'not due' };
    options.log.info({}, 'housekeeping started');
    const compacted = await compactFeeds(store, undefined, stopping.signal);
    const sweep = await sweepFiles(store, { now: at, signal: stopping.signal });
    const result: HousekeepingRound = {
      compactedFeeds: compacted.length,
      entriesRemoved: compacted.reduce((sum, f) => sum + f.removed, 0),
      sweep,
    };
    const fields = {
      feeds: result.compactedFeeds,
      entriesRemoved: result.entriesRemoved,
      filesRemoved: sweep.removed.length,
      bytesFreed: sweep.removed.reduce((sum, f) => sum + f.bytes, 0),
      filesWaiting: sweep.waiting,
    };
    if (stopping.signal.aborted) {
      // Not recorded as done: the next round, on whichever server, does the rest.
      options.log.info(fields, 'housekeeping stopped early: the server is shutting down');
    } else {
      await record(at);
      options.log.info(fields, 'housekeeping done');
    }
    return { ran: true, round: result };
  }

  const tick = async (): Promise<TickOutcome> => {
    if (stopping.signal.aborted) return { ran: false, reason: 'stopped' };
    const attempt = store.tryLocked(LOCK_KEY, round).then((held) => held?.value ?? { ran: false as const, reason: 'busy' as const });
    running.add(attempt);
    try {
      return await attempt;
    } finally {
      running.delete(attempt);
    }
  };

  // Checked hourly (or more often for a shorter interval); the round itself runs once an interval.
  const timer = setInterval(() => {
    tick().catch((error: unknown) => options.log.error({ err: error }, 'housekeeping failed'));
  }, Math.min(intervalMs, HOUR_MS));
  timer.unref();

  return {
    tick,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await Promise.allSettled(running);
    },
  };
}
