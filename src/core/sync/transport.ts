import type { z } from 'zod';
import { auditCopyHeadSchema, type AuditCopyHead, type AuditCopyRequest } from '../../shared/sync/audit-copy';
import {
  enrolResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  syncErrorSchema,
  type EnrolResponse,
  type PullResponse,
  type PushRequest,
} from '../../shared/sync/protocol';
import { snapshotPageSchema, type SnapshotPage, type SnapshotRequest } from '../../shared/sync/snapshot-protocol';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/tables';

/**
 * How a device reaches its server. The real one speaks HTTP; tests put faults between the two. Every answer is
 * parsed with the protocol's schemas on arrival.
 */
export interface SyncTransport {
  enrol(serverUrl: string, body: { code: string; name: string }): Promise<EnrolResponse>;
  push(request: PushRequest): Promise<{ acknowledged: number; serverTime: number }>;
  pull(cursors: Record<string, number>): Promise<PullResponse>;
  /** The end of the copy of this device's audit log the server holds, and sending it more entries. */
  auditHead(): Promise<AuditCopyHead>;
  sendAudit(request: AuditCopyRequest): Promise<AuditCopyHead>;
  /** A page of a feed's snapshot (docs/sync.md#snapshots-and-compaction). */
  snapshot(request: SnapshotRequest): Promise<SnapshotPage>;
}

/** A refusal from the server (its code and words), or UNREACHABLE when no answer came. */
export class SyncFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly serverTime?: number,
    readonly expected?: number,
  ) {
    super(message);
  }
}

/**
 * Sends one request to the server (every transport of sync does it this way): a refusal becomes a SyncFailure with
 * its code and words, no answer within `timeoutMs` UNREACHABLE with the transport's own words.
 */
export async function send(url: string, init: RequestInit, options: { timeoutMs: number; unreachable: string }): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch {
    throw new SyncFailure('UNREACHABLE', options.unreachable);
  }
  if (!response.ok) {
    const refusal = syncErrorSchema.safeParse(await response.json().catch(() => null));
    if (refusal.success) throw new SyncFailure(refusal.data.error.code, refusal.data.error.message, refusal.data.error.serverTime, refusal.data.error.expected);
    throw new SyncFailure('UNREACHABLE', `The address answered, but not as a Harmony sync server (HTTP ${response.status}).`);
  }
  return response;
}

/** The answer's JSON body, parsed with its schema on arrival. */
export async function answer<S extends z.ZodType>(response: Response, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new SyncFailure('UNREACHABLE', 'The address answered, but not as a Harmony sync server.');
  return parsed.data;
}

const TIMEOUT_MS = 30_000;

/** Posts `body` (or, without one, GETs) and parses the answer. */
async function post<S extends z.ZodType>(url: string, token: string | null, body: unknown, schema: S): Promise<z.infer<S>> {
  const init: RequestInit = {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  const response = await send(url, init, { timeoutMs: TIMEOUT_MS, unreachable: 'The sync server cannot be reached; changes are kept here and sent when it can.' });
  return answer(response, schema);
}

export function httpTransport(serverUrl: string, token: string | null): SyncTransport {
  const base = serverUrl.replace(/\/+$/, '');
  return {
    enrol: (url, body) => post(`${url.replace(/\/+$/, '')}/v1/enrol`, null, body, enrolResponseSchema),
    push: (request) => post(`${base}/v1/push`, token, request, pushResponseSchema),
    pull: (cursors) => post(`${base}/v1/pull`, token, { schemaVersion: SYNC_SCHEMA_VERSION, cursors }, pullResponseSchema),
    auditHead: () => post(`${base}/v1/audit`, token, undefined, auditCopyHeadSchema),
    sendAudit: (request) => post(`${base}/v1/audit`, token, request, auditCopyHeadSchema),
    snapshot: (request) => post(`${base}/v1/snapshot`, token, { schemaVersion: SYNC_SCHEMA_VERSION, ...request }, snapshotPageSchema),
  };
}
