import { envelopeSchema, type Envelope, type RawBridge } from '../../../shared/api';

/** The HTTP bridge also reopens its event stream when the session changes (the stream belongs to a session). */
export interface HttpBridge extends RawBridge {
  reconnectEvents(): void;
}

/**
 * The browser preview's transport: `POST /api/:method` and server-sent events on `/api/events`, both on the
 * origin that served the page. One EventSource is shared by all listeners. The stream needs a session: opened
 * while signed out it is refused and stays closed, so signing in (or in as someone else) opens it again.
 */
export function createHttpBridge(base = ''): HttpBridge {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function listen(on: EventSource, event: string): void {
    on.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  }

  function open(): EventSource {
    const next = new EventSource(`${base}/api/events`);
    for (const event of listeners.keys()) listen(next, event);
    return next;
  }

  function ensureSource(event: string): void {
    source ??= open();
    if (!listeners.has(event)) {
      listeners.set(event, new Set());
      listen(source, event);
    }
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
    reconnectEvents() {
      if (listeners.size === 0) return;
      source?.close();
      source = open();
    },
  };
}
