import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api';
import { flushFile, renameDurably } from '../files/durable';
import { describeBackup, freshBackupId, pruneBackups } from './backup-store';
import { temporaryIn } from './leftovers';

/** A backup holds the whole crew database: only this user may read it. */
const BACKUP_MODE = 0o600;

export function ensureBackupsDir(backupsDir: string): void {
  mkdirSync(backupsDir, { recursive: true, mode: 0o700 });
}

/**
 * Puts a finished file into the backups folder under a fresh id for `reason`: flushed to the disk, private, and
 * renamed into place only once whole, so a crash never leaves a half-written file under a backup's name.
 */
export function publishBackup(backupsDir: string, temporary: string, reason: string): BackupInfo {
  chmodSync(temporary, BACKUP_MODE);
  flushFile(temporary);
  const id = freshBackupId(backupsDir, reason);
  renameDurably(temporary, join(backupsDir, id));
  pruneBackups(backupsDir, reason);
  return describeBackup(backupsDir, id);
}

/**
 * Copies the live database with `VACUUM INTO`: a consistent snapshot even with WAL, written by SQLite itself.
 * The reason (e.g. `before-migration`, `manual`) is part of the name, so a person knows which one to restore.
 *
 * While a long write (an import) holds a transaction open on the connection, VACUUM cannot run on it, and the
 * backup must not contain the import's uncommitted rows anyway: it is then taken through a second, read-only
 * connection, which sees the last committed state (WAL readers never wait for the writer).
 */
export function backupDatabase(sqlite: Database.Database, backupsDir: string, reason: string): BackupInfo {
  ensureBackupsDir(backupsDir);
  const temporary = temporaryIn(backupsDir, reason);
  try {
    if (sqlite.inTransaction) {
      const snapshot = new Database(sqlite.name, { readonly: true, fileMustExist: true });
      try {
        snapshot.prepare('VACUUM INTO ?').run(temporary);
      } finally {
        snapshot.close();
      }
    } else {
      sqlite.prepare('VACUUM INTO ?').run(temporary);
    }
    return publishBackup(backupsDir, temporary, reason);
  } finally {
    rmSync(temporary, { force: true });
  }
}
