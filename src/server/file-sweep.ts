import { cellsNamingFiles, fileColumns } from './attachments';
import type { Store } from './store';

/**
 * The sweep of files (docs/sync.md#attachments). A file is kept in a feed while a current cell of a row owned by that
 * feed (or carried into it) names its hash: devices of that feed, vessels the row is carried into, and organisations
 * it is shared with all fetch it from that copy. A complete file no such row names is marked, and removed by a later
 * sweep once it has stayed unnamed for the grace period — so a row changed back, or a device that sends its row a
 * few days late, finds the file still there. An upload that has received no chunk for days is removed too; its
 * device starts it again from 0. Each removal is one statement (its chunks go with it), so a sweep stopped halfway
 * leaves no half-removed file.
 */

const DAY_MS = 86_400_000;
export const SWEEP_GRACE_DAYS = 7;
export const UNFINISHED_UPLOAD_DAYS = 7;

/** Whether a current cell names attachment `a`'s hash in a row its feed owns or has carried into it. */
const NAMED = `EXISTS (
  SELECT 1 FROM sync_cells c JOIN sync_rows r ON r.tbl = c.tbl AND r.row_id = c.row_id
  WHERE c.col IN (${fileColumns}) AND (${cellsNamingFiles}) AND (c.value #>> '{}') = a.hash
    AND (r.owner_feed = a.feed OR EXISTS (SELECT 1 FROM sync_carries k WHERE k.tbl = c.tbl AND k.row_id = c.row_id AND k.feed = a.feed)))`;

export interface SweptFile {
  feed: string;
  hash: string;
  /** `unnamed`: a complete file no row has named for the grace period; `unfinished`: an upload left untouched. */
  reason: 'unnamed' | 'unfinished';
  /** The bytes freed: the file's size, or what was received of the upload. */
  bytes: number;
  /** Since when no row names the file, or when the upload last received a chunk (ISO). */
  since: string;
}

export interface SweepReport {
  dryRun: boolean;
  removed: SweptFile[];
  /** Complete files no row names now, kept until they have stayed unnamed for the grace period. */
  waiting: number;
  /** True when the sweep was stopped (the server shutting down) before it went through every file. */
  stoppedEarly: boolean;
}

export interface SweepOptions {
  /** The sweep's clock, in milliseconds; tests move it. */
  now?: number;
  /** Lists what would be removed, and changes nothing (not even the marks of unnamed files). */
  dryRun?: boolean;
  graceDays?: number;
  unfinishedDays?: number;
  signal?: AbortSignal;
}

type Candidate = { feed: string; hash: string; bytes: number; since: Date | string };

export async function sweepFiles(store: Store, options: SweepOptions = {}): Promise<SweepReport> {
  const now = options.now ?? Date.now();
  const dryRun = options.dryRun ?? false;
  const graceCutoff = new Date(now - (options.graceDays ?? SWEEP_GRACE_DAYS) * DAY_MS).toISOString();
  const touchCutoff = new Date(now - (options.unfinishedDays ?? UNFINISHED_UPLOAD_DAYS) * DAY_MS).toISOString();
  if (!dryRun) {
    await store.query(`UPDATE attachments a SET unnamed_since = NULL WHERE unnamed_since IS NOT NULL AND ${NAMED}`);
    await store.query(`UPDATE attachments a SET unnamed_since = $1::timestamptz WHERE complete AND unnamed_since IS NULL AND NOT ${NAMED}`, [new Date(now).toISOString()]);
  }
  const unnamed = await store.query<Candidate>(
    `SELECT feed, hash, size::float8 AS bytes, unnamed_since AS since FROM attachments a
     WHERE complete AND unnamed_since < $1::timestamptz AND NOT ${NAMED} ORDER BY feed, hash`,
    [graceCutoff],
  );
  const unfinished = await store.query<Candidate>(
    `SELECT feed, hash, received::float8 AS bytes, touched_at AS since FROM attachments a
     WHERE NOT complete AND touched_at < $1::timestamptz ORDER BY feed, hash`,
    [touchCutoff],
  );
  const removed: SweptFile[] = [];
  let stoppedEarly = false;
  const candidates = [...unnamed.map((c) => ({ ...c, reason: 'unnamed' as const })), ...unfinished.map((c) => ({ ...c, reason: 'unfinished' as const }))];
  for (const candidate of candidates) {
    if (options.signal?.aborted) {
      stoppedEarly = true;
      break;
    }
    // The conditions are checked again as the file goes: a row may have named it, or a chunk arrived, meanwhile.
    const gone = dryRun
      ? [candidate]
      : candidate.reason === 'unnamed'
        ? await store.query(`DELETE FROM attachments a WHERE feed = $1 AND hash = $2 AND complete AND unnamed_since < $3::timestamptz AND NOT ${NAMED} RETURNING hash`, [candidate.feed, candidate.hash, graceCutoff])
        : await store.query('DELETE FROM attachments a WHERE feed = $1 AND hash = $2 AND NOT complete AND touched_at < $3::timestamptz RETURNING hash', [candidate.feed, candidate.hash, touchCutoff]);
    if (gone.length > 0) removed.push({ feed: candidate.feed, hash: candidate.hash, reason: candidate.reason, bytes: candidate.bytes, since: new Date(candidate.since).toISOString() });
  }
  const [waiting] = await store.query<{ n: number }>(
    `SELECT count(*)::float8 AS n FROM attachments a WHERE complete AND (unnamed_since IS NULL OR unnamed_since >= $1::timestamptz) AND NOT ${NAMED}`,
    [graceCutoff],
  );
  return { dryRun, removed, waiting: waiting!.n, stoppedEarly };
}
