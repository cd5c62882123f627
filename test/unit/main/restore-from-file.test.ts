import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { personInput } from '../../helpers/fleet';
import { tempCore, tempDir } from '../../helpers/temp-core';
import { plainCopyOfBackup } from '../../helpers/keys';

/** The native dialogs of the main process: the test picks the file and answers the questions. */
const dialog = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0 })),
  showErrorBox: vi.fn(),
}));
vi.mock('electron', () => ({ dialog }));

const { restoreFromFile } = await import('../../../src/main/restore-from-file');

let core: ReturnType<typeof tempCore>;
let scratch: ReturnType<typeof tempDir>;
beforeEach(async () => {
  core = tempCore();
  scratch = tempDir();
  await core.call('people.create', personInput());
  dialog.showOpenDialog.mockReset();
  dialog.showMessageBox.mockClear();
  dialog.showErrorBox.mockClear();
});
afterEach(async () => {
  await core.dispose();
  scratch.remove();
});

const people = async () => (await core.call('people.list', {})).total;
const pick = (file: string | null) => dialog.showOpenDialog.mockResolvedValue(file === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [file] });

describe('File → Restore from File…', () => {
  it('checks the picked file, copies it into the backups folder and restores it by id', async () => {
    const other = tempCore();
    const backup = await other.call('backups.create', {});
    const picked = plainCopyOfBackup(other, backup.id, join(scratch.path, 'from-the-office.db'));
    await other.dispose();

    pick(picked);
    await restoreFromFile(core, null);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(await people()).toBe(0);
    const reasons = (await core.call('backups.list', {})).map((b) => b.reason).sort();
    expect(reasons).toEqual(['before-restore', 'imported']);
  });

  it('refuses a file that is not a Harmony database, saying why, and changes nothing', async () => {
    const picked = join(scratch.path, 'notes.db');
    writeFileSync(picked, 'not a database at all, just some text that is long enough');
    pick(picked);
    await restoreFromFile(core, null);
    expect(dialog.showErrorBox).toHaveBeenCalledWith('This file cannot be restored', expect.stringContaining('not an SQLite database'));
    expect(await people()).toBe(1);
    expect(readdirSync(join(core.dataDir, 'backups'))).toEqual([]);
  });

  it('does nothing when the dialog is cancelled or the restore is not confirmed', async () => {
    pick(null);
    await restoreFromFile(core, null);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    pick('/etc/passwd');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    await restoreFromFile(core, null);
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(await people()).toBe(1);
  });
});
