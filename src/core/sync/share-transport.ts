import type { z } from 'zod';
import { syncErrorSchema } from '../../shared/sync/protocol';
import { directoryResponseSchema, shareResponseSchema, sharesResponseSchema, type Share } from '../../shared/sync/shares';
import { SyncFailure } from './transport';

/**
 * How a device reaches the server's share routes (docs/sync.md#sharing). Unlike push and pull, sharing cannot
 * wait for the next sync: it answers now or fails with UNREACHABLE. Every answer is parsed on arrival.
 */
export interface ShareTransport {
  directory(): Promise<{ id: string; name: string }[]>;
  list(): Promise<Share[]>;
  create(personId: string, to: string): Promise<Share>;
  revoke(id: string): Promise<Share>;
}

const TIMEOUT_MS = 15_000;

async function call<S extends z.ZodType>(url: string, token: string, method: 'GET' | 'POST', body: unknown, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new SyncFailure('UNREACHABLE', 'The sync server cannot be reached.');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refusal = syncErrorSchema.safeParse(json);
    if (refusal.success) throw new SyncFailure(refusal.data.error.code, refusal.data.error.message);
    throw new SyncFailure('UNREACHABLE', `The address answered, but not as a Harmony sync server (HTTP ${response.status}).`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncFailure('UNREACHABLE', 'The address answered, but not as a Harmony sync server.');
  return parsed.data;
}

export function httpShareTransport(serverUrl: string, token: string): ShareTransport {
  const base = serverUrl.replace(/\/+$/, '');
  return {
    directory: async () => (await call(`${base}/v1/orgs`, token, 'GET', undefined, directoryResponseSchema)).orgs,
    list: async () => (await call(`${base}/v1/shares`, token, 'GET', undefined, sharesResponseSchema)).shares,
    create: async (personId, to) => (await call(`${base}/v1/shares`, token, 'POST', { personId, to }, shareResponseSchema)).share,
    revoke: async (id) => (await call(`${base}/v1/shares/${encodeURIComponent(id)}/revoke`, token, 'POST', {}, shareResponseSchema)).share,
  };
}
