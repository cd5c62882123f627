import type {
  ApiError,
  CallOptions,
  EventName,
  EventPayload,
  Input,
  Method,
  Output,
  RawBridge,
} from '../../../shared/api';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser preview. */
    harmony?: RawBridge;
  }
}

/** An API call that came back with an error envelope: code, message and details survive for the UI. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly details: unknown;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }

  /** Field-level messages of a VALIDATION error, keyed by path. */
  fieldIssues(): Record<string, string> {
    const issues = (this.details as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues ?? [];
    return Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
  }
}

/** The bridge if the preload gave us one (desktop app), HTTP to our own origin otherwise (browser preview). */
const httpBridge = window.harmony ? null : createHttpBridge();
const bridge: RawBridge = window.harmony ?? httpBridge!;

/**
 * After a sign-in or an unlock: the preview's event stream belongs to a session, so it is opened again with the
 * new one. The desktop app's events go to the window whoever is signed in.
 */
export function reconnectEvents(): void {
  httpBridge?.reconnectEvents();
}

export const transportName: 'ipc' | 'http' = window.harmony ? 'ipc' : 'http';

export async function call<M extends Method>(method: M, input: Input<M>, options?: CallOptions): Promise<Output<M>> {
  const envelope = await bridge.invoke(method, input, options);
  if (envelope.ok) return envelope.data as Output<M>;
  throw new ApiCallError(envelope.error);
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge.on(event, listener as (payload: unknown) => void);
}

let taskCounter = 0;
export function newTaskId(prefix: string): string {
  taskCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${taskCounter}`;
}
