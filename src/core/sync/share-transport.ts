import type { z } from 'zod';
import { directoryResponseSchema, shareResponseSchema, sharesResponseSchema, type Share } from '../../shared/sync/shares';
import { answer, send } from './transport';

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
  const init: RequestInit = {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  return answer(await send(url, init, { timeoutMs: TIMEOUT_MS, unreachable: 'The sync server cannot be reached.' }), schema);
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
