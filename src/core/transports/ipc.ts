import { z } from 'zod';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, taskIdSchema, type Envelope, type IpcEvent } from '../../shared/api';
import type { Dispatch } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';

/** The part of Electron's ipcMain this transport uses; tests pass a fake, the app passes ipcMain itself. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcTransportOptions<E> {
  ipcMain: IpcMainLike<E>;
  dispatch: Dispatch;
  events: EventBus;
  /** Accepts only the app's own main frame (as VS Code's validated ipcMain does). */
  isTrustedSender(event: E): boolean;
  /** Delivers an event to every window of the app. */
  broadcast(channel: string, message: IpcEvent): void;
}

const requestSchema = z.object({
  method: z.string().min(1).max(200),
  input: z.unknown(),
  taskId: taskIdSchema.optional(),
});

/** Binds the dispatcher to one invoke channel and the event bus to one event channel. */
export function bindIpcTransport<E>(options: IpcTransportOptions<E>): () => void {
  const { ipcMain, dispatch, events, isTrustedSender, broadcast } = options;

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, raw): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC is accepted only from the app window' } };
    }
    const request = requestSchema.safeParse(raw);
    if (!request.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Malformed IPC request' } };
    }
    const { method, input, taskId } = request.data;
    return dispatch(method, input, taskId ? { taskId } : {});
  });

  const unsubscribe = events.subscribe((event, payload) => broadcast(IPC_EVENT_CHANNEL, { event, payload }));

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
