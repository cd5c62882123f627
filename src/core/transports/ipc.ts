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
  /** Which window a call comes from (Electron's webContents id); its session is that window's. One window if absent. */
  windowOf?(event: E): number;
}

/** The binding: call it to unbind. The main process reaches a window's session through it. */
export interface IpcBinding {
  (): void;
  /** The session token of a window, for the shell's own calls on its behalf (a menu's backup). */
  sessionOf(window: number): string | undefined;
  /** A window closed: its session ends. */
  windowClosed(window: number): Promise<void>;
}

const GRANTS = new Set(['auth.login', 'auth.createOwner']);

const requestSchema = z.object({
  method: z.string().min(1).max(200),
  input: z.unknown(),
  taskId: taskIdSchema.optional(),
});

/**
 * Binds the dispatcher to one invoke channel and the event bus to one event channel. The session is the window's:
 * the token a sign-in answers is kept here, per window, and the renderer gets `token: null`
 * (docs/security.md#sessions-on-each-transport).
 */
export function bindIpcTransport<E>(options: IpcTransportOptions<E>): IpcBinding {
  const { ipcMain, dispatch, events, isTrustedSender, broadcast } = options;
  const windowOf = options.windowOf ?? (() => 0);
  const sessions = new Map<number, string>();

  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, raw): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC is accepted only from the app window' } };
    }
    const request = requestSchema.safeParse(raw);
    if (!request.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Malformed IPC request' } };
    }
    const { method, input, taskId } = request.data;
    const window = windowOf(event);
    const session = sessions.get(window);
    const envelope = await dispatch(method, input, { ...(taskId ? { taskId } : {}), ...(session ? { session } : {}), client: 'ipc' });
    if (GRANTS.has(method) && envelope.ok) {
      const grant = envelope.data as { token: string | null };
      // A sign-in replaces the window's session: the one it had is ended, not left open behind it.
      if (session) await dispatch('auth.logout', {}, { session });
      if (grant.token) sessions.set(window, grant.token);
      grant.token = null;
    }
    if (method === 'auth.logout') sessions.delete(window);
    return envelope;
  });

  const unsubscribe = events.subscribe((event, payload) => broadcast(IPC_EVENT_CHANNEL, { event, payload }));

  return Object.assign(
    () => {
      unsubscribe();
      ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    },
    {
      sessionOf: (window: number) => sessions.get(window),
      windowClosed: async (window: number) => {
        const session = sessions.get(window);
        sessions.delete(window);
        if (session) await dispatch('auth.logout', {}, { session });
      },
    },
  );
}
