import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_ID_PATTERN } from '../../shared/api/system';
import { yieldToEventLoop, type TaskHandle } from '../api/tasks';
import type { CoreState } from '../core-state';
import { isSealedFile, sealFile, type DataKeyPair } from '../crypt/sealed-format';
import { backupContents } from '../db/backup-store';
import { backupDatabase } from '../db/backups';
import { removeOrphans, temporaryIn } from '../db/leftovers';
import { flushFile, renameDurably } from '../files/durable';

/** What the blob store and this migration write before a rename: `<hash>.<pid>.<ms>.tmp`. */
const BLOB_TEMPORARY = /^[0-9a-f]{64}\.(\d+)\.\d+\.tmp$/;
const BLOB_NAME = /^[0-9a-f]{64}$/;

export const ENCRYPTION_TASK = { method: 'files.encrypt', id: 'encrypt-files-at-rest' } as const;

interface PlainFile {
  path: string;
  /** A backup carries its counts of people and vessels in its sealed header. */
  backup: boolean;
}

/** Scans and photos, then backups (and a damaged database's log kept beside one), that are not sealed yet. */
export function plainFilesOf(state: CoreState): PlainFile[] {
  const plain: PlainFile[] = [];
  const filesRoot = join(state.dataDir, 'files');
  for (const folder of existsSync(filesRoot) ? readdirSync(filesRoot) : []) {
    const dir = join(filesRoot, folder);
    removeOrphans(dir, BLOB_TEMPORARY);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // Not a folder.
    }
    for (const name of names) if (BLOB_NAME.test(name) && !isSealedFile(join(dir, name))) plain.push({ path: join(dir, name), backup: false });
  }
  for (const name of existsSync(state.backupsDir) ? readdirSync(state.backupsDir) : []) {
    const isBackup = BACKUP_ID_PATTERN.test(name);
    if (!isBackup && !(name.endsWith('-wal') && BACKUP_ID_PATTERN.test(name.slice(0, -4)))) continue;
    const path = join(state.backupsDir, name);
    if (!isSealedFile(path)) plain.push({ path, backup: isBackup });
  }
  return plain;
}

/**
 * Seals one file where it is: into a temporary file beside it, flushed, then renamed over it — one atomic step.
 * A kill at any moment leaves the file either as it was or sealed whole, and a temporary that the next run
 * removes; a file already sealed is never sealed twice (its header says so).
 */
function sealInPlace(file: PlainFile, recipient: DataKeyPair, temporary: string): void {
  try {
    const metadata = file.backup ? Buffer.from(JSON.stringify({ contents: backupContents(file.path) })) : Buffer.alloc(0);
    sealFile(file.path, temporary, recipient, metadata);
    flushFile(temporary);
    renameDurably(temporary, file.path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * The migration of a data folder from before encryption at rest: once the keyring exists (the owner was created),
 * every scan, photo and backup stored plain is sealed, after a backup of the database is taken (itself sealed).
 * It runs as a task (progress under `encrypt-files-at-rest`), lets other calls in between files, and continues
 * where it stopped if the app was closed or killed. Returns how many files it sealed.
 */
export async function sealPlainFiles(state: CoreState, task: TaskHandle): Promise<number> {
  // Started by an unlock: the sign-in or account change that unlocked finishes first.
  await yieldToEventLoop();
  const recipient = state.keyring.recipient();
  if (!recipient || !state.keyring.mayHavePlainFiles()) return 0;
  const plain = plainFilesOf(state);
  if (plain.length > 0) {
    if (state.database) backupDatabase(state.database.sqlite, state.backupsDir, 'before-encryption', state.keyring);
    for (const [done, file] of plain.entries()) {
      task.progress(done, plain.length, 'Encrypting the stored scans, photos and backups');
      task.throwIfCancelled();
      const temporary = file.backup || file.path.endsWith('-wal') ? temporaryIn(state.backupsDir, 'sealing') : `${file.path}.${process.pid}.${Date.now()}.tmp`;
      // Gone since the scan (a backup pruned, a restore): nothing left to seal.
      if (existsSync(file.path) && !isSealedFile(file.path)) sealInPlace(file, recipient, temporary);
      await yieldToEventLoop();
    }
    task.progress(plain.length, plain.length, 'Encrypting the stored scans, photos and backups');
  }
  state.keyring.markAllFilesSealed();
  return plain.length;
}
