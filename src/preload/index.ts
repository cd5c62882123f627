import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type IpcEvent, type RawBridge } from '../shared/api/bridge';

/** Exactly one bridge: `invoke` and `on`. The raw ipcRenderer never reaches the page. */
const bridge: RawBridge = {
  invoke: (method, input, options) =>
    ipcRenderer.invoke(IPC_INVOKE_CHANNEL, { method, input, ...(options?.taskId ? { taskId: options.taskId } : {}) }),
  on: (event, listener) => {
    const handler = (_event: IpcRendererEvent, message: IpcEvent) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('harmony', bridge);
