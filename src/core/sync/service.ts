import { hostname } from 'node:os';
import { eq } from 'drizzle-orm';
import type { SyncConflict, SyncPhase, SyncStatus } from '../../shared/api';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { syncConflicts, syncNode } from '../db/schema';
import { write } from '../db/writes';
import { rewriteSearchTerms, sortKeyOf } from '../people/records';
import { conflictAuthors } from './conflict-authors';
import { httpAttachmentTransport, type AttachmentTransport } from './attachment-transport';
import { attachmentsWaiting, syncAttachments } from './attachments';
import { conflictLabel } from './conflict-label';
import { pendingCount } from './outbox';
import { syncOnce } from './run';
import { httpTransport, type SyncTransport } from './transport';
import { recordSyncAction } from './sync-audit';
import { describeSyncFailure, needsPerson } from './words';

/**
 * A device's side of sync (docs/sync.md#on-a-device): enrolment, *Sync now*, the interval with backoff after a
 * failure, and the conflict list. Nothing in the app waits for it: a sync runs beside everything else, and a
 * failure is kept in words for Settings to show.
 */
interface Runner {
  running: Promise<void> | null;
  progress: { phase: SyncPhase; done: number } | null;
  timer: NodeJS.Timeout | null;
  failures: number;
  /** Why a file could not be sent or fetched at the last sync (the rows' sync succeeded). */
  attachmentProblem: string | null;
}

const runners = new WeakMap<ServiceContext, Runner>();
const FIRST_SYNC_MS = 5_000;
const BACKOFF_BASE_MS = 15_000;

export interface SyncServiceOptions {
  transport?: (serverUrl: string, token: string | null) => SyncTransport;
  attachmentTransport?: (serverUrl: string, token: string) => AttachmentTransport;
}

function runnerOf(ctx: ServiceContext): Runner {
  let runner = runners.get(ctx);
  if (!runner) {
    runner = { running: null, progress: null, timer: null, failures: 0, attachmentProblem: null };
    runners.set(ctx, runner);
    const owned = runner;
    ctx.onClose(() => {
      if (owned.timer) clearTimeout(owned.timer);
      owned.timer = null;
    });
  }
  return runner;
}

const node = (ctx: ServiceContext) => ctx.db().select().from(syncNode).where(eq(syncNode.id, 1)).get()!;

export function syncStatus(ctx: ServiceContext): SyncStatus {
  const row = node(ctx);
  const runner = runnerOf(ctx);
  const open = ctx.sqlite().prepare('SELECT count(*) AS n FROM sync_conflicts WHERE reversed_at IS NULL').get() as { n: number };
  const files = row.token === null ? null : attachmentsWaiting(ctx.sqlite(), ctx.state.files, row.serverId);
  return {
    enrolled: row.token !== null,
    serverUrl: row.serverUrl,
    deviceId: row.deviceId,
    homeFeed: row.homeFeed,
    tenants: row.tenants ?? [],
    intervalMinutes: row.intervalMinutes,
    lastSyncAt: row.lastSyncAt,
    pending: pendingCount(ctx.sqlite()),
    running: runner.running !== null,
    progress: runner.progress,
    lastError: row.lastError,
    clockOffsetMs: row.clockOffsetMs,
    openConflicts: open.n,
    attachments: { toUpload: files?.toUpload.length ?? 0, toDownload: files?.toDownload.length ?? 0, problem: runner.attachmentProblem },
  };
}

export async function enrolDevice(ctx: ServiceContext, input: { serverUrl: string; code: string; name?: string }, options: SyncServiceOptions): Promise<SyncStatus> {
  const transport = (options.transport ?? httpTransport)(input.serverUrl, null);
  let enrolled;
  try {
    enrolled = await transport.enrol(input.serverUrl, { code: input.code, name: input.name ?? hostname() });
  } catch (error) {
    const failure = describeSyncFailure(error);
    throw new AppError(failure.code === 'CODE_INVALID' ? 'VALIDATION' : 'CONFLICT', failure.message);
  }
  const previous = node(ctx);
  write(ctx.sqlite(), () => {
    ctx
      .db()
      .update(syncNode)
      .set({ serverUrl: input.serverUrl, serverId: enrolled.serverId, deviceId: enrolled.deviceId, token: enrolled.token, homeFeed: enrolled.homeFeed, tenants: enrolled.tenants, lastError: null })
      .where(eq(syncNode.id, 1))
      .run();
    // A new enrolment starts every feed from its beginning.
    ctx.sqlite().prepare('DELETE FROM sync_cursors').run();
    recordSyncAction(ctx, 'sync_enrolled', `Enrolled with ${input.serverUrl} as device ${enrolled.deviceId} (${enrolled.homeFeed})${previous.serverUrl ? `; it synced with ${previous.serverUrl} before` : ''}`);
  });
  schedule(ctx, options, FIRST_SYNC_MS);
  return syncStatus(ctx);
}

/** Runs a sync now (or joins the one running) and answers with the status after it. */
export async function syncNow(ctx: ServiceContext, options: SyncServiceOptions): Promise<SyncStatus> {
  const runner = runnerOf(ctx);
  runner.running ??= runSync(ctx, options).finally(() => {
    runner.running = null;
    runner.progress = null;
  });
  await runner.running;
  return syncStatus(ctx);
}

async function runSync(ctx: ServiceContext, options: SyncServiceOptions): Promise<void> {
  const runner = runnerOf(ctx);
  const row = node(ctx);
  if (row.token === null || row.serverUrl === null) throw new AppError('CONFLICT', 'This computer is not enrolled with a sync server yet.');
  const transport = (options.transport ?? httpTransport)(row.serverUrl, row.token);
  let failure: { code: string; message: string } | null = null;
  try {
    await syncOnce(() => ctx.sqlite(), transport, {
      onProgress: (progress) => (runner.progress = progress),
      onApplied: () => ctx.events.emit('data.changed', { scopes: [''] }),
    });
    const files = await syncAttachments({
      sqlite: () => ctx.sqlite(),
      files: () => ctx.state.files,
      serverId: row.serverId ?? '',
      transport: (options.attachmentTransport ?? httpAttachmentTransport)(row.serverUrl, row.token),
      onProgress: (progress) => (runner.progress = progress),
      onDownloaded: () => ctx.events.emit('data.changed', { scopes: [''] }),
    });
    runner.attachmentProblem = files.problem;
  } catch (error) {
    failure = describeSyncFailure(error);
  }
  runner.failures = failure ? runner.failures + 1 : 0;
  const stamp = new Date().toISOString();
  write(ctx.sqlite(), () =>
    ctx
      .db()
      .update(syncNode)
      .set(failure ? { lastError: failure } : { lastError: null, lastSyncAt: stamp })
      .where(eq(syncNode.id, 1))
      .run(),
  );
  ctx.events.emit('data.changed', { scopes: ['sync.'] });
  if (failure && needsPerson(failure.code)) return;
  const interval = row.intervalMinutes * 60_000;
  schedule(ctx, options, failure ? Math.min(interval, BACKOFF_BASE_MS * 2 ** (runner.failures - 1)) : interval);
}

/** The next automatic sync, `delayMs` from now (replacing any planned one). */
export function schedule(ctx: ServiceContext, options: SyncServiceOptions, delayMs: number): void {
  const runner = runnerOf(ctx);
  if (runner.timer) clearTimeout(runner.timer);
  runner.timer = setTimeout(() => {
    runner.timer = null;
    if (ctx.state.database === null) return;
    void syncNow(ctx, options).catch(() => undefined);
  }, delayMs);
  runner.timer.unref();
}

export function setSyncInterval(ctx: ServiceContext, minutes: number, options: SyncServiceOptions): SyncStatus {
  const before = node(ctx).intervalMinutes;
  write(ctx.sqlite(), () => {
    ctx.db().update(syncNode).set({ intervalMinutes: minutes }).where(eq(syncNode.id, 1)).run();
    if (before !== minutes) recordSyncAction(ctx, 'sync_interval_changed', `Sync every ${minutes} minutes (was every ${before})`);
  });
  if (node(ctx).token !== null) schedule(ctx, options, minutes * 60_000);
  return syncStatus(ctx);
}

/** Starts the automatic sync of an enrolled computer when its core opens. */
export function startAutomaticSync(ctx: ServiceContext, options: SyncServiceOptions): void {
  if (ctx.state.database === null) return;
  const row = node(ctx);
  if (row.token !== null && !(row.lastError && needsPerson(row.lastError.code))) schedule(ctx, options, FIRST_SYNC_MS);
}

type ConflictRow = typeof syncConflicts.$inferSelect;
const toConflict = (ctx: ServiceContext, row: ConflictRow): SyncConflict => ({
  id: row.id,
  at: row.at,
  table: row.tbl,
  rowId: row.rowId,
  column: row.col,
  label: conflictLabel(ctx.sqlite(), row.tbl, row.rowId, row.col),
  keptValue: row.keptValue,
  lostValue: row.lostValue,
  ...conflictAuthors(ctx.sqlite(), row.keptBy ?? null, row.lostBy ?? null),
  reversedAt: row.reversedAt,
});

export function listConflicts(ctx: ServiceContext, includeReversed: boolean): SyncConflict[] {
  const rows = ctx.db().select().from(syncConflicts).orderBy(syncConflicts.id).all();
  return rows.filter((r) => includeReversed || r.reversedAt === null).reverse().map((r) => toConflict(ctx, r));
}

/**
 * Puts the replaced value back as a new local edit: it gets a new stamp, so it wins here and, once pushed,
 * everywhere — the reversal is itself synced.
 */
export function reverseConflict(ctx: ServiceContext, id: number): SyncConflict {
  const row = ctx.db().select().from(syncConflicts).where(eq(syncConflicts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `Conflict ${id} does not exist`);
  if (row.reversedAt !== null) throw new AppError('CONFLICT', 'This change was already put back.');
  write(ctx.sqlite(), () => {
    const sqlite = ctx.sqlite();
    sqlite.prepare(`UPDATE "${row.tbl}" SET "${row.col}" = ?, updated_at = ? WHERE id = ?`).run(row.lostValue as never, new Date().toISOString(), row.rowId);
    if (row.tbl === 'people') {
      const names = sqlite.prepare('SELECT given_names AS givenNames, surname FROM people WHERE id = ?').get(row.rowId) as { givenNames: string; surname: string };
      sqlite.prepare('UPDATE people SET sort_key = ? WHERE id = ?').run(sortKeyOf(names), row.rowId);
      rewriteSearchTerms(sqlite, row.rowId);
    }
    ctx.db().update(syncConflicts).set({ reversedAt: new Date().toISOString() }).where(eq(syncConflicts.id, id)).run();
    const personId = row.tbl === 'people' ? row.rowId : ((sqlite.prepare('SELECT person_id AS personId FROM documents WHERE id = ?').get(row.rowId) as { personId: string } | undefined)?.personId ?? null);
    const label = conflictLabel(sqlite, row.tbl, row.rowId, row.col);
    recordSyncAction(ctx, 'sync_put_back', `${label}: put back ${JSON.stringify(row.lostValue)} over ${JSON.stringify(row.keptValue)}`, { tbl: row.tbl, rowId: row.rowId, personId });
  });
  ctx.events.emit('data.changed', { scopes: [''] });
  return toConflict(ctx, ctx.db().select().from(syncConflicts).where(eq(syncConflicts.id, id)).get()!);
}
