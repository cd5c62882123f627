import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Capability } from '../shared/auth/roles';
import { SCREENS, screenKey, screensFor } from '../shared/screens';

export interface MenuActions {
  /** Sends a command to the UI (the renderer owns dialogs and screens). */
  command(command: string, argument?: string): void;
  loadSampleFleet(): void;
  backupNow(): void;
  restoreFromFile(): void;
  openDataFolder(): void;
}

/**
 * The application menu: every item also reachable by its accelerator. Given the signed-in user's capabilities,
 * Go lists only the screens they may open (the window ignores a screen it does not show either way).
 */
export function buildMenu(actions: MenuActions, isDev: boolean, capabilities?: ReadonlySet<Capability>): Menu {
  const go = (capabilities ? screensFor(SCREENS, capabilities) : SCREENS).map(({ label, path }): MenuItemConstructorOptions => {
    const key = screenKey(path);
    return { label, ...(key ? { accelerator: `CmdOrCtrl+${key}` } : {}), click: () => actions.command('navigate', path) };
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import People from CSV…', accelerator: 'CmdOrCtrl+I', click: () => actions.command('import-people') },
        { label: 'Export People to CSV', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export-people') },
        { type: 'separator' },
        { label: 'Load Sample Fleet', click: () => actions.loadSampleFleet() },
        { label: 'Back Up Database Now', click: () => actions.backupNow() },
        { label: 'Restore from File…', click: () => actions.restoreFromFile() },
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => actions.command('lock') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: go,
    },
    {
      label: 'View',
      submenu: [
        ...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
