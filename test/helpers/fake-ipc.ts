import { IPC_EVENT_CHANNEL, type IpcEvent, type RawBridge } from '../../src/shared/api';
import type { IpcMainLike } from '../../src/core/transports/ipc';

export interface FakeSenderEvent {
  senderFrame: { url: string; parent: null | object } | null;
}

/**
 * An ipcMain/ipcRenderer pair in one process: `invoke` goes through the handler the transport registered,
 * with the structured-clone round trip Electron applies to both directions.
 */
export function fakeIpcPair(frame: FakeSenderEvent['senderFrame'] = { url: 'app://index.html', parent: null }) {
  const handlers = new Map<string, (event: FakeSenderEvent, ...args: unknown[]) => unknown>();
  const rendererListeners = new Set<(message: IpcEvent) => void>();
  const ipcMain: IpcMainLike<FakeSenderEvent> = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const broadcast = (channel: string, message: IpcEvent) => {
    if (channel === IPC_EVENT_CHANNEL) for (const l of rendererListeners) l(structuredClone(message));
  };
  const bridge: RawBridge = {
    async invoke(method, input, options) {
      const handler = handlers.get('harmony:invoke');
      if (!handler) throw new Error('No handler registered for harmony:invoke');
      const request = structuredClone({ method, input, ...(options?.taskId ? { taskId: options.taskId } : {}) });
      return structuredClone(await handler({ senderFrame: frame }, request)) as never;
    },
    on(event, listener) {
      const wrapped = (message: IpcEvent) => {
        if (message.event === event) listener(message.payload);
      };
      rendererListeners.add(wrapped);
      return () => rendererListeners.delete(wrapped);
    },
  };
  return { ipcMain, broadcast, bridge, handlers };
}
