import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions } from 'electron';
import type { Core } from '../core/core';
import { toAppError } from '../core/api/errors';
import { importBackupFile } from '../core/core';
import { logUnexpectedError } from '../core/error-log';

const pickFile = (window: BrowserWindow | null, options: OpenDialogOptions) =>
  window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
const ask = (window: BrowserWindow | null, options: MessageBoxOptions) =>
  window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);

/**
 * File → Restore from File…: the person picks a database in a native dialog — here, in the main process, never in
 * the renderer, which only ever names backups by id. The file is checked and copied into the backups folder, then
 * restored through the API by its id like any other backup.
 */
export async function restoreFromFile(core: Core, window: BrowserWindow | null, session: { session?: string } = {}): Promise<void> {
  const picked = await pickFile(window, {
    title: 'Restore a backup',
    properties: ['openFile'],
    filters: [
      { name: 'Harmony Crew backups', extensions: ['db'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const file = picked.filePaths[0];
  if (picked.canceled || file === undefined) return;
  const confirmed = await ask(window, {
    type: 'warning',
    buttons: ['Restore', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Replace the current database with this backup?',
    detail: `${file}\n\nThe current database is kept as a backup first.`,
  });
  if (confirmed.response !== 0) return;

  let id: string;
  try {
    id = importBackupFile(core.state.backupsDir, file).id;
  } catch (error) {
    const failure = toAppError(error);
    if (failure.code === 'INTERNAL') logUnexpectedError(core.state.dataDir, 'restore from file', error);
    dialog.showErrorBox('This file cannot be restored', failure.message);
    return;
  }
  const result = await core.dispatch('backups.restore', { id }, session);
  if (!result.ok) {
    dialog.showErrorBox('The backup was not restored', result.error.message);
    return;
  }
  void ask(window, { message: 'Backup restored', detail: 'The database as it was before is kept as a backup (Settings → Backups).' });
}
