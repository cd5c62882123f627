import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Method } from '../shared/api/contract';
import { PERMISSIONS } from '../shared/auth/permissions';
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
 * The application menu: every item also reachable by its accelerator. It follows the window's signed-in user:
 * Go lists the screens they may open and File the acts their role may call, read from the same permission table
 * the core enforces (the core refuses the rest anyway). `capabilities` is null while no one is signed in or the
 * window is locked. Restoring from a file stays: it is the way back when the database cannot be opened, and the
 * core asks for a password that opens the keyring.
 */
export function buildMenu(actions: MenuActions, isDev: boolean, capabilities: ReadonlySet<Capability> | null): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions, isDev, capabilities));
}

const may = (capabilities: ReadonlySet<Capability> | null, method: Method): boolean => {
  const need = PERMISSIONS[method];
  return need === 'public' || (capabilities !== null && (need === 'signed-in' || capabilities.has(need)));
};

export function menuTemplate(actions: MenuActions, isDev: boolean, capabilities: ReadonlySet<Capability> | null): MenuItemConstructorOptions[] {
  const go = (capabilities ? screensFor(SCREENS, capabilities) : []).map(({ label, path }): MenuItemConstructorOptions => {
    const key = screenKey(path);
    return { label, ...(key ? { accelerator: `CmdOrCtrl+${key}` } : {}), click: () => actions.command('navigate', path) };
  });
  const when = (method: Method, item: MenuItemConstructorOptions): MenuItemConstructorOptions[] => (may(capabilities, method) ? [item] : []);
  const people = [
    ...when('people.import', { label: 'Import People from CSV…', accelerator: 'CmdOrCtrl+I', click: () => actions.command('import-people') }),
    ...when('people.exportCsv', { label: 'Export People to CSV', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export-people') }),
  ];
  const installation = [
    ...when('demo.load', { label: 'Load Sample Fleet', click: () => actions.loadSampleFleet() }),
    ...when('backups.create', { label: 'Back Up Database Now', click: () => actions.backupNow() }),
    { label: 'Restore from File…', click: () => actions.restoreFromFile() },
    { label: 'Open Data Folder', click: () => actions.openDataFolder() },
  ];
  const lock = capabilities === null ? [] : [{ label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => actions.command('lock') }, { type: 'separator' as const }];
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [...people, ...(people.length > 0 ? [{ type: 'separator' as const }] : []), ...installation, { type: 'separator' }, ...lock, { role: 'quit' }],
    },
    { role: 'editMenu' },
    ...(go.length > 0 ? [{ label: 'Go', submenu: go }] : []),
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
  return template;
}
