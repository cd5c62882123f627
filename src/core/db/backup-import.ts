import { rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api';
import { AppError, toAppError } from '../api/errors';
import type { Keyring } from '../crypt/keyring';
import { copyOutOfBackup, ensureBackupsDir, publishBackup } from './backups';
import { checkHarmonyDatabase } from './database-check';
import { removeWithSidecars, temporaryIn } from './leftovers';

/**
 * Takes a database file a person picked (in the desktop app's dialog, or named to `harmony restore`) into the
 * backups folder, where it can be restored by its id like any other backup. The file is copied first and the
 * copy checked; a file that is not a Harmony Crew database of a known schema version is refused and nothing is
 * kept. SQLite rewrites the accepted copy (`VACUUM INTO`), so the backup is one compact file whatever journal mode
 * the original was in. A backup sealed by this data folder (copied away and brought back) is opened with its key;
 * what is kept is sealed again.
 */
export function importBackupFile(backupsDir: string, source: string, keyring: Keyring | null = null): BackupInfo {
  if (!statSync(source).isFile()) throw new AppError('VALIDATION', `${source} is not a file that can be restored.`);
  ensureBackupsDir(backupsDir);
  const copy = temporaryIn(backupsDir, 'import');
  const rewritten = temporaryIn(backupsDir, 'imported');
  try {
    copyOutOfBackup(source, copy, keyring, source);
    try {
      checkHarmonyDatabase(copy);
    } catch (error) {
      const refused = toAppError(error);
      if (refused.code === 'INTERNAL') throw error;
      throw new AppError(refused.code, `${source} cannot be restored: ${refused.message}.`, refused.details);
    }
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    try {
      db.prepare('VACUUM INTO ?').run(rewritten);
    } finally {
      db.close();
    }
    return publishBackup(backupsDir, rewritten, 'imported', keyring);
  } finally {
    removeWithSidecars(copy);
    rmSync(rewritten, { force: true });
  }
}
