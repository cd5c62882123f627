import { envelopeSchema, type Envelope, type RawBridge } from '../../../shared/api';

/**
 * The browser preview's transport: `POST /api/:method` and server-sent events on `/api/events`, both on the
 * origin that served the page. One EventSource is shared by all listeners.
 */
export function createHttpBridge(base = ''): RawBridge {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function ensureSource(event: string): EventSource {
    source ??= new EventSource(`${base}/api/events`);
    if (!listeners.has(event)) {
      listeners.set(event, new Set());
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
    return source;
  }

  return {
    async invoke(method, input, options) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(options?.taskId ? { 'x-harmony-task': options.taskId } : {}) },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'DB_UNAVAILABLE', message: 'The Harmony Crew server is not reachable. Is `harmony serve` still running?' } };
      }
      const parsed = envelopeSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) {
        return { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from the server (HTTP ${response.status})` } };
      }
      return parsed.data as Envelope<unknown>;
    },
    on(event, listener) {
      ensureSource(event);
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
}
