import type { Envelope, RawBridge } from '../../src/shared/api';

/** A Node-side client of the HTTP transport, as the renderer's fetch bridge would call it. */
export function httpBridge(baseUrl: string): RawBridge {
  return {
    async invoke(method, input, options) {
      const response = await fetch(new URL(`api/${method}`, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options?.taskId ? { 'x-harmony-task': options.taskId } : {}) },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Envelope<unknown>;
    },
    on() {
      throw new Error('Use an EventSource-like reader for HTTP events in tests');
    },
  };
}
