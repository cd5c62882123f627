import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Records what src/main/index.ts asks of Electron, so the app's lifecycle can be checked without its binary. */
const electron = vi.hoisted(() => {
  const state = {
    lock: true,
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as Array<{
      options: Record<string, unknown>;
      focus: ReturnType<typeof vi.fn>;
      restore: ReturnType<typeof vi.fn>;
      loadURL: ReturnType<typeof vi.fn>;
      webContents: { send: ReturnType<typeof vi.fn>; id: number };
    }>,
    ipcChannels: [] as string[],
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    isPackaged: false,
    quit: vi.fn(),
  };
  class BrowserWindow {
    webContents = { send: vi.fn(), id: state.windows.length + 1 };
    focus = vi.fn();
    restore = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this as never);
    }
    static getAllWindows = () => state.windows;
    maximize = vi.fn();
    once = vi.fn();
    on = vi.fn();
    isMinimized = () => true;
    loadURL = vi.fn(async () => undefined);
  }
  return {
    state,
    module: {
      app: {
        get isPackaged() {
          return state.isPackaged;
        },
        requestSingleInstanceLock: () => state.lock,
        quit: state.quit,
        on: (name: string, handler: (...args: unknown[]) => void) => state.appHandlers.set(name, handler),
        whenReady: () => Promise.resolve(),
        getPath: () => '/tmp/harmony-userdata',
        getVersion: () => '9.9.9',
      },
      BrowserWindow,
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn(() => ({})) },
      ipcMain: {
        handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
          state.ipcChannels.push(channel);
          state.ipcHandlers.set(channel, listener);
        },
        removeHandler: vi.fn(),
      },
      screen: { getAllDisplays: () => [] },
      powerMonitor: { on: vi.fn() },
      dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
      shell: { openPath: vi.fn(), openExternal: vi.fn() },
      safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
        },
      },
    },
  };
});

const core = vi.hoisted(() => ({
  createCore: vi.fn(),
  close: vi.fn(async () => undefined),
  dispatch: vi.fn(async () => ({ ok: true, data: {} })),
}));

vi.mock('electron', () => electron.module);
vi.mock('../../../src/core/core', () => ({ createCore: core.createCore }));

async function loadMain(): Promise<void> {
  vi.resetModules();
  await import('../../../src/main/index');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  electron.state.lock = true;
  electron.state.isPackaged = false;
  electron.state.ipcHandlers.clear();
  delete process.env.ELECTRON_RENDERER_URL;
  electron.state.appHandlers.clear();
  electron.state.windows.length = 0;
  electron.state.ipcChannels.length = 0;
  electron.state.quit.mockClear();
  core.close.mockClear();
  core.dispatch.mockClear().mockImplementation(async () => ({ ok: true, data: {} }));
  core.createCore.mockReset().mockImplementation(() => ({
    dispatch: core.dispatch,
    events: { subscribe: vi.fn(() => () => undefined), emit: vi.fn() },
    state: { dataDir: '/tmp/harmony-userdata' },
    close: core.close,
  }));
});

describe('the Electron main process', () => {
  it('quits at once when another instance holds the lock (one writer per database)', async () => {
    electron.state.lock = false;
    await loadMain();
    expect(electron.state.quit).toHaveBeenCalled();
    expect(core.createCore).not.toHaveBeenCalled();
    expect(electron.state.windows).toHaveLength(0);
  });

  it('opens the core on userData with the OS keychain, binds IPC and creates one sandboxed window', async () => {
    await loadMain();
    expect(core.createCore).toHaveBeenCalledWith({
      dataDir: '/tmp/harmony-userdata',
      appVersion: '9.9.9',
      keyProtector: expect.objectContaining({ available: expect.any(Function), protect: expect.any(Function), unprotect: expect.any(Function) }),
    });
    expect(electron.state.ipcChannels).toEqual(['harmony:invoke']);
    expect(electron.state.windows).toHaveLength(1);
    expect(electron.state.windows[0]!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('focuses the existing window when a second instance starts', async () => {
    await loadMain();
    electron.state.appHandlers.get('second-instance')!();
    expect(electron.state.windows[0]!.restore).toHaveBeenCalled();
    expect(electron.state.windows[0]!.focus).toHaveBeenCalled();
  });

  it('closes the database before the process exits', async () => {
    await loadMain();
    const preventDefault = vi.fn();
    electron.state.appHandlers.get('will-quit')!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(electron.state.quit).toHaveBeenCalled();
    // The second will-quit (from app.quit above) goes through without closing twice.
    const again = vi.fn();
    electron.state.appHandlers.get('will-quit')!({ preventDefault: again });
    expect(again).not.toHaveBeenCalled();
    expect(core.close).toHaveBeenCalledTimes(1);
  });
});

describe('the menu', () => {
  /** The labels of the Go menu in the last template the main process built. */
  const lastGo = (): string[] | undefined => {
    const calls = electron.module.Menu.buildFromTemplate.mock.calls as unknown as Array<[Array<{ label?: string; submenu?: Array<{ label?: string }> }>]>;
    return calls.at(-1)![0].find((menu) => menu.label === 'Go')?.submenu?.map((item) => item.label ?? '');
  };

  it('lists no screen until someone signs in, then the screens of their role, and none again once locked', async () => {
    const me = { capabilities: ['fleet.read'] };
    let state: { user: typeof me | null; locked: boolean } = { user: null, locked: false };
    core.dispatch.mockImplementation((async (method: string) => ({ ok: true, data: method === 'auth.state' ? { needsOwner: false, ...state } : { token: 't' } })) as never);
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    await loadMain();
    expect(lastGo()).toBeUndefined();
    const trusted = { senderFrame: { url: 'http://localhost:5173/', parent: null }, sender: electron.state.windows[0]!.webContents };
    state = { user: me, locked: false };
    await electron.state.ipcHandlers.get('harmony:invoke')!(trusted, { method: 'auth.login', input: { username: 'u', password: 'p' } });
    await vi.waitFor(() => expect(lastGo()).toEqual(['Vessels', 'Crew', 'Settings']));
    state = { user: me, locked: true };
    await electron.state.ipcHandlers.get('harmony:invoke')!(trusted, { method: 'auth.lock', input: {} });
    await vi.waitFor(() => expect(lastGo()).toBeUndefined());
  });
});

describe('the page the window loads, and the page IPC trusts', () => {
  const packagedIndex = /^file:\/\/.*\/renderer\/index\.html$/;
  /** Calls the IPC bridge as a page at `url` would. */
  const invokeFrom = (url: string) =>
    electron.state.ipcHandlers.get('harmony:invoke')!(
      { senderFrame: { url, parent: null }, sender: electron.state.windows[0]!.webContents },
      { method: 'system.info', input: {} },
    );

  it('a packaged build loads its own renderer, whatever ELECTRON_RENDERER_URL says, and trusts only it', async () => {
    electron.state.isPackaged = true;
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';
    await loadMain();
    const loaded = electron.state.windows[0]!.loadURL.mock.calls[0]![0] as string;
    expect(loaded).toMatch(packagedIndex);
    expect(await invokeFrom('https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.dispatch).not.toHaveBeenCalled();
    await invokeFrom(`${loaded}#/crew`);
    expect(core.dispatch).toHaveBeenCalledWith('system.info', {}, { client: 'ipc' });
  });

  it('a development build loads the dev server named by ELECTRON_RENDERER_URL, on this computer only', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    await loadMain();
    expect(electron.state.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173/');

    electron.state.windows.length = 0;
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';
    await loadMain();
    expect(electron.state.windows[0]!.loadURL.mock.calls[0]![0]).toMatch(packagedIndex);
  });
});
