import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, powerMonitor, safeStorage, screen, shell } from 'electron';
import { createCore, type Core } from '../core/core';
import { bindIpcTransport, type IpcBinding } from '../core/transports/ipc';
import { safeStorageProtector } from './key-protector';
import type { AuthState } from '../shared/api';
import type { Capability } from '../shared/auth/roles';
import { buildMenu, type MenuActions } from './menu';
import { rendererEntry } from './renderer-entry';
import { restoreFromFile } from './restore-from-file';
import { installSecurityGuards, isTrustedIpcSender } from './security';
import { secureWebPreferences } from './window-options';
import { loadWindowState, saveWindowState } from './window-state';

const { entryUrl, devServerUrl } = rendererEntry({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  packagedIndex: join(import.meta.dirname, '../renderer/index.html'),
});
const isDev = devServerUrl !== undefined;

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
let ipc: IpcBinding | null = null;

function createMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Harmony Crew',
    backgroundColor: '#0f1b2d',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  if (state.maximized) window.maximize();
  // The session is the window's (docs/security.md#sessions-on-each-transport): closing the window ends it.
  const contentsId = window.webContents.id;
  window.on('closed', () => void ipc?.windowClosed(contentsId));
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(stateFile, { ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(entryUrl);
  return window;
}

function sendCommand(command: string, argument?: string): void {
  core?.events.emit('ui.command', argument === undefined ? { command } : { command, argument });
}

async function start(): Promise<void> {
  installSecurityGuards(entryUrl, devServerUrl ? { devServerUrl } : {});
  const theCore = createCore({ dataDir: app.getPath('userData'), appVersion: app.getVersion(), keyProtector: safeStorageProtector(safeStorage) });
  core = theCore;
  ipc = bindIpcTransport({
    ipcMain,
    windowOf: (event) => event.sender.id,
    // Signing in, out, locking and unlocking change who the menu is for.
    dispatch: async (method, input, options) => {
      const envelope = await theCore.dispatch(method, input, options);
      if (method.startsWith('auth.')) void refreshMenu();
      return envelope;
    },
    events: theCore.events,
    isTrustedSender: (event) =>
      isTrustedIpcSender(event, entryUrl) && mainWindow !== null && event.sender === mainWindow.webContents,
    broadcast: (channel, message) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, message);
    },
  });
  // Asleep or behind the system's lock screen, the computer may be in other hands: every session locks.
  powerMonitor.on('suspend', () => {
    theCore.lockAllSessions();
    void refreshMenu();
  });
  powerMonitor.on('lock-screen', () => {
    theCore.lockAllSessions();
    void refreshMenu();
  });
  /** The shell's own calls (menu items) are made with the main window's session, as the person there made them. */
  const windowSession = (): { session?: string } => {
    const session = mainWindow ? ipc?.sessionOf(mainWindow.webContents.id) : undefined;
    return session ? { session } : {};
  };
  const actions: MenuActions = {
    command: sendCommand,
    loadSampleFleet: () => sendCommand('load-sample-fleet'),
    backupNow: () => {
      void theCore.dispatch('backups.create', {}, windowSession()).then((result) => {
        if (result.ok) void dialog.showMessageBox({ message: 'Backup saved', detail: join(theCore.state.backupsDir, (result.data as { id: string }).id) });
        else dialog.showErrorBox('Backup failed', result.error.message);
      });
    },
    restoreFromFile: () => void restoreFromFile(theCore, mainWindow, windowSession()),
    openDataFolder: () => void shell.openPath(theCore.state.dataDir),
  };
  /** The menu of the main window's user: nothing of the app while no one is signed in or the window is locked. */
  async function refreshMenu(): Promise<void> {
    const state = await theCore.dispatch('auth.state', {}, windowSession());
    const user = state.ok ? (state.data as AuthState) : null;
    const capabilities = user?.user && !user.locked ? new Set<Capability>(user.user.capabilities) : null;
    Menu.setApplicationMenu(buildMenu(actions, isDev, capabilities));
  }
  Menu.setApplicationMenu(buildMenu(actions, isDev, null));
  mainWindow = createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (one writer per database).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) mainWindow = createMainWindow();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    // The database must be closed (WAL checkpointed, workers terminated) before the process exits.
    event.preventDefault();
    closing = true;
    void core.close().finally(() => {
      core = null;
      app.quit();
    });
  });
  void app.whenReady().then(start);
}
