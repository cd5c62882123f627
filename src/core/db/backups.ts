import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api';
import { AppError } from '../api/errors';
import type { Keyring } from '../crypt/keyring';
import { sealedFileProblem } from '../crypt/file-cipher';
import { isSealedFile, openFile, sealFile } from '../crypt/sealed-format';
import { copyDurably, flushFile, renameDurably } from '../files/durable';
import { backupContents, describeBackup, freshBackupId, pruneBackups } from './backup-store';
import { temporaryIn } from './leftovers';

/** A backup holds the whole crew database: only this user may read it. */
const BACKUP_MODE = 0o600;

export function ensureBackupsDir(backupsDir: string): void {
  mkdirSync(backupsDir, { recursive: true, mode: 0o700 });
}

/**
 * Puts a finished file into the backups folder under a fresh id for `reason`: sealed with the data key once the
 * data folder has one (its counts of people and vessels in the readable header, so the list of backups needs no
 * key), flushed to the disk, private, and renamed into place only once whole, so a crash never leaves a
 * half-written file under a backup's name.
 */
export function publishBackup(backupsDir: string, temporary: string, reason: string, keyring: Keyring | null = null): BackupInfo {
  const recipient = keyring?.recipient() ?? null;
  let finished = temporary;
  if (recipient) {
    finished = temporaryIn(backupsDir, 'sealed');
    sealFile(temporary, finished, recipient, Buffer.from(JSON.stringify({ contents: backupContents(temporary) })));
  }
  try {
    chmodSync(finished, BACKUP_MODE);
    flushFile(finished);
    const id = freshBackupId(backupsDir, reason);
    renameDurably(finished, join(backupsDir, id));
    pruneBackups(backupsDir, reason);
    return describeBackup(backupsDir, id);
  } finally {
    if (finished !== temporary) rmSync(finished, { force: true });
  }
}

/**
 * Copies the live database with `VACUUM INTO`: a consistent snapshot even with WAL, written by SQLite itself.
 * The reason (e.g. `before-migration`, `manual`) is part of the name, so a person knows which one to restore.
 *
 * While a long write (an import) holds a transaction open on the connection, VACUUM cannot run on it, and the
 * backup must not contain the import's uncommitted rows anyway: it is then taken through a second, read-only
 * connection, which sees the last committed state (WAL readers never wait for the writer).
 */
export function backupDatabase(sqlite: Database.Database, backupsDir: string, reason: string, keyring: Keyring | null = null): BackupInfo {
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
    return publishBackup(backupsDir, temporary, reason, keyring);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Copies a backup (or a file a person picked) to `target` as a plain database: opened with the data key when it
 * is sealed — which needs the keyring unlocked, and fails in words for another data folder's backup or an altered
 * one — copied as it is when it is not (a backup from before encryption, a database from elsewhere).
 */
export function copyOutOfBackup(source: string, target: string, keyring: Keyring | null, what: string): void {
  if (!isSealedFile(source)) {
    copyFileSync(source, target);
    return;
  }
  if (!keyring) throw new AppError('FORBIDDEN', `${what} is encrypted and this data folder has no key to open it.`);
  try {
    openFile(source, target, keyring.openingKeys());
  } catch (error) {
    throw sealedFileProblem(error, what);
  }
}

/** Keeps a file beside a backup (a damaged database's write-ahead log): sealed, as the backup is, once there is a key. */
export function keepBesideBackup(source: string, target: string, keyring: Keyring | null): void {
  const recipient = keyring?.recipient() ?? null;
  if (!recipient) {
    copyDurably(source, target);
    return;
  }
  const temporary = temporaryIn(dirname(target), 'sealed');
  try {
    sealFile(source, temporary, recipient);
    flushFile(temporary);
    renameDurably(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}
