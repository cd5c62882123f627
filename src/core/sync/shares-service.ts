import { eq } from 'drizzle-orm';
import type { CandidateShare, ShareOrg, SharedIn } from '../../shared/api';
import type { Share } from '../../shared/sync/shares';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { syncNode } from '../db/schema';
import { statement } from '../db/statements';
import { recordAuditEntry } from '../db/writes';
import { pendingCount } from './outbox';
import { syncNow } from './service';
import { httpShareTransport, type ShareTransport } from './share-transport';
import { sharedInCandidates } from './shared-in';
import { SyncFailure } from './transport';

/**
 * Sharing candidates, on the device (docs/sync.md#sharing). Sharing and revoking are acts on the server, so they
 * need it reachable and say so in words when it is not; each is recorded in this computer's audit log. What
 * others shared with this organisation is read from the local database and works offline.
 */
export interface ShareServiceOptions {
  transport?: (serverUrl: string, token: string) => ShareTransport;
}

function transportOf(ctx: ServiceContext, options: ShareServiceOptions): ShareTransport {
  const node = ctx.db().select().from(syncNode).where(eq(syncNode.id, 1)).get();
  if (!node || node.token === null || node.serverUrl === null) {
    throw new AppError('CONFLICT', 'Sharing goes through the sync server: enrol this computer in Settings → Sync first.');
  }
  return (options.transport ?? httpShareTransport)(node.serverUrl, node.token);
}

/** The server's refusal or silence, as the code and sentence the screens show. */
async function onServer<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof SyncFailure)) throw error;
    if (error.code === 'UNREACHABLE') {
      throw new AppError('CONFLICT', 'Sharing needs the sync server, which cannot be reached now. Try again when this computer is online.');
    }
    const code = error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' || error.code === 'VALIDATION' ? error.code : 'CONFLICT';
    throw new AppError(code, error.message);
  }
}

const nameOf = (ctx: ServiceContext, personId: string): string | null =>
  (statement(ctx.sqlite(), "SELECT given_names || ' ' || surname AS name FROM people WHERE id = ?").get(personId) as { name: string } | undefined)?.name ?? null;

const withName = (ctx: ServiceContext, share: Share): CandidateShare => ({ ...share, personName: nameOf(ctx, share.personId) });

export async function shareDirectory(ctx: ServiceContext, options: ShareServiceOptions): Promise<ShareOrg[]> {
  const transport = transportOf(ctx, options);
  return onServer(() => transport.directory());
}

export async function listShares(ctx: ServiceContext, input: { personId?: string; includeRevoked: boolean }, options: ShareServiceOptions): Promise<CandidateShare[]> {
  const transport = transportOf(ctx, options);
  const shares = await onServer(() => transport.list());
  return shares.filter((s) => (input.personId === undefined || s.personId === input.personId) && (input.includeRevoked || s.revokedAt === null)).map((s) => withName(ctx, s));
}

export async function createShare(ctx: ServiceContext, input: { personId: string; toOrgId: string }, options: ShareServiceOptions): Promise<CandidateShare> {
  const name = nameOf(ctx, input.personId);
  if (name === null) throw notFound('person', input.personId);
  if (statement(ctx.sqlite(), 'SELECT 1 FROM sync_shares_in WHERE person_id = ?').get(input.personId)) {
    throw new AppError('FORBIDDEN', `${name} was shared with your organisation by another one; only they may share this candidate.`);
  }
  const transport = transportOf(ctx, options);
  // The server shares what it holds: a candidate entered here since the last sync is sent first.
  if (pendingCount(ctx.sqlite()) > 0) {
    const status = await syncNow(ctx, {});
    if (status.lastError?.code === 'UNREACHABLE') await onServer(() => Promise.reject(new SyncFailure('UNREACHABLE', status.lastError!.message)));
  }
  const share = await onServer(() => transport.create(input.personId, input.toOrgId));
  recordAuditEntry(ctx.sqlite(), { action: 'shared', tbl: 'people', rowId: input.personId, personId: input.personId, note: `Shared candidate ${name} with ${share.to.name}` });
  ctx.events.emit('data.changed', { scopes: ['shares.'] });
  return withName(ctx, share);
}

export async function revokeShare(ctx: ServiceContext, id: string, options: ShareServiceOptions): Promise<CandidateShare> {
  const transport = transportOf(ctx, options);
  const share = await onServer(() => transport.revoke(id));
  const name = nameOf(ctx, share.personId) ?? 'a candidate';
  recordAuditEntry(ctx.sqlite(), { action: 'share_revoked', tbl: 'people', rowId: share.personId, personId: share.personId, note: `Revoked the share of ${name} with ${share.to.name}` });
  ctx.events.emit('data.changed', { scopes: ['shares.'] });
  return withName(ctx, share);
}

export const receivedShares = (ctx: ServiceContext): SharedIn[] => sharedInCandidates(ctx.sqlite());
