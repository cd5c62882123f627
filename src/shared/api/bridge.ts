import type { Envelope } from './envelope';
import type { EventName, EventPayload, Input, Method, Output } from './contract';

/** Per-call options that are not part of a procedure's input. */
export interface CallOptions {
  /** Names the call as a task: progress events carry this id and `tasks.cancel` aborts it. */
  taskId?: string;
}

/**
 * What the renderer talks to, whatever carries it: the preload's IPC bridge or HTTP to 127.0.0.1.
 * The preload exposes exactly this, untyped at the boundary (`window.harmony`).
 */
export interface RawBridge {
  invoke(method: string, input: unknown, options?: CallOptions): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export interface TypedBridge {
  invoke<M extends Method>(method: M, input: Input<M>, options?: CallOptions): Promise<Envelope<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Channel names shared by main and preload. */
export const IPC_INVOKE_CHANNEL = 'harmony:invoke';
export const IPC_EVENT_CHANNEL = 'harmony:event';

export interface IpcRequest {
  method: string;
  input: unknown;
  taskId?: string;
}
export interface IpcEvent {
  event: string;
  payload: unknown;
}
