import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api';

const PREFIX = 'harmony-';
/** Automatic backups kept per reason; a backup made by hand is never pruned. */
const KEEP_AUTOMATIC = 10;

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Copies the live database with `VACUUM INTO`: a consistent snapshot even with WAL, written by SQLite itself.
 * The reason (e.g. `before-migration`, `manual`) is part of the name, so a person knows which one to restore.
 *
 * While a long write (an import) holds a transaction open on the connection, VACUUM cannot run on it, and the
 * backup must not contain the import's uncommitted rows anyway: it is then taken through a second, read-only
 * connection, which sees the last committed state (WAL readers never wait for the writer).
 */
export function backupDatabase(sqlite: Database.Database, backupsDir: string, reason: string, file?: string): BackupInfo {
  mkdirSync(backupsDir, { recursive: true });
  const now = new Date();
  const target = file ?? join(backupsDir, `${PREFIX}${stamp(now)}-${now.getMilliseconds()}-${reason}.db`);
  if (sqlite.inTransaction) {
    const snapshot = new Database(sqlite.name, { readonly: true, fileMustExist: true });
    try {
      snapshot.prepare('VACUUM INTO ?').run(target);
    } finally {
      snapshot.close();
    }
  } else {
    sqlite.prepare('VACUUM INTO ?').run(target);
  }
  if (!file) pruneBackups(backupsDir, reason);
  return { file: target, createdAt: now.toISOString(), bytes: statSync(target).size, reason };
}

export function listBackups(backupsDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('.db'))
    .map((name) => {
      const file = join(backupsDir, name);
      const stat = statSync(file);
      const reason = /^harmony-\d{8}-\d{6}-\d+-(.+)\.db$/.exec(name)?.[1] ?? 'unknown';
      return { file, createdAt: stat.mtime.toISOString(), bytes: stat.size, reason };
    })
    .sort((a, b) => basename(b.file).localeCompare(basename(a.file)));
}

function pruneBackups(backupsDir: string, reason: string): void {
  if (reason === 'manual') return;
  const same = listBackups(backupsDir).filter((b) => b.reason === reason);
  for (const old of same.slice(KEEP_AUTOMATIC)) rmSync(old.file, { force: true });
}
