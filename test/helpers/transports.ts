import type { Core } from '../../src/core/core';
import { startHttpTransport } from '../../src/core/transports/http';
import { bindIpcTransport } from '../../src/core/transports/ipc';
import type { RawBridge } from '../../src/shared/api';
import { fakeIpcPair } from './fake-ipc';
import { httpBridge } from './http-bridge';

/**
 * A core reachable through both transports, as the renderer would reach it: the real HTTP server on
 * 127.0.0.1 and the IPC pair (accepting only a main frame, as the app does).
 */
export async function bothTransports(core: Core) {
  const http = await startHttpTransport({ dispatch: core.dispatch, events: core.events });
  const ipc = fakeIpcPair();
  const unbind = bindIpcTransport({ ipcMain: ipc.ipcMain, dispatch: core.dispatch, events: core.events, isTrustedSender: (e) => e.senderFrame?.parent === null, broadcast: ipc.broadcast });
  const bridges: Record<'http' | 'ipc', RawBridge> = { http: httpBridge(http.url), ipc: ipc.bridge };
  return {
    http,
    ipc,
    bridges,
    close: async () => {
      unbind();
      await http.close();
    },
  };
}
