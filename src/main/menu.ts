import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Sends a command to the UI (the renderer owns dialogs and screens). */
  command(command: string, argument?: string): void;
  loadSampleFleet(): void;
  backupNow(): void;
  restoreFromFile(): void;
  openDataFolder(): void;
}

/** The application menu: every item also reachable by its accelerator. */
export function buildMenu(actions: MenuActions, isDev: boolean): Menu {
  const go = (label: string, route: string, key: string): MenuItemConstructorOptions => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    click: () => actions.command('navigate', route),
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
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [go('Vessels', '/vessels', '1'), go('Crew', '/crew', '2'), go('Settings', '/settings', ',')],
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
