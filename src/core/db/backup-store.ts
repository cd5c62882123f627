import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
// The contract's system module only: this file also serves the light restore path (no need for every schema).
import { BACKUP_ID_PATTERN, type BackupInfo } from '../../shared/api/system';
import { AppError } from '../api/errors';
import { readSealedMetadata } from '../crypt/sealed-format';

/**
 * The backups folder: backups are named, never pathed. A backup's id is its file name there; this module turns an
 * id into a path (refusing anything that is not an id of a file in that folder), names new backups, lists them
 * with what they hold, and prunes automatic ones.
 */

/** Backups taken automatically, pruned to the newest few per reason; others (manual, imported) are kept. */
const PRUNED_REASONS = new Set(['before-migration', 'before-restore', 'before-encryption', 'damaged']);
const KEEP_PER_REASON = 10;
/** However many empty backups come after them, the newest backups that hold people or vessels are never pruned. */
const KEEP_WITH_DATA = 3;

const STAMP = /^harmony-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{1,3})-(.+)\.db$/;

export function backupIdFor(date: Date, reason: string): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const day = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 19).replaceAll(':', '');
  return `harmony-${day}-${time}-${iso.slice(20, 23)}-${reason}.db`;
}

/** A name not yet taken in the folder: two backups in the same millisecond get consecutive stamps. */
export function freshBackupId(backupsDir: string, reason: string, now = new Date()): string {
  let time = now.getTime();
  while (existsSync(join(backupsDir, backupIdFor(new Date(time), reason)))) time += 1;
  return backupIdFor(new Date(time), reason);
}

/** The path of a backup id inside the folder. Throws VALIDATION for anything that is not an id. */
export function backupPath(backupsDir: string, id: string): string {
  const folder = resolve(backupsDir);
  const path = resolve(folder, id);
  if (!BACKUP_ID_PATTERN.test(id) || dirname(path) !== folder) {
    throw new AppError('VALIDATION', 'Not a backup id: choose a backup from the list of backups');
  }
  return path;
}

/** The path of an existing backup: a plain file (not a link, not a folder) in the backups folder. */
export function existingBackup(backupsDir: string, id: string): string {
  const path = backupPath(backupsDir, id);
  let isFile = false;
  try {
    isFile = lstatSync(path).isFile();
  } catch {
    // Missing: reported below.
  }
  if (!isFile) throw new AppError('NOT_FOUND', `There is no backup ${id}. The list of backups shows the ones there are.`);
  return path;
}

function createdAtOf(id: string): string {
  const [, year, month, day, hour, minute, second, millis] = STAMP.exec(id)!;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis!.padStart(3, '0')}Z`;
}

/** How many people and vessels a backup holds, or null when it cannot be read as a Harmony database. */
export function backupContents(file: string): BackupInfo['contents'] {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('trusted_schema = OFF');
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { people: count('people'), vessels: count('vessels') };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** What a sealed backup says of itself in its readable header (db/backups.ts), checked as it is read. */
const sealedBackupMetadata = z.object({
  contents: z.object({ people: z.number().int().nonnegative(), vessels: z.number().int().nonnegative() }).nullable(),
});

/** The counts of a backup: from the header of a sealed one (no key needed), from the database of a plain one. */
function contentsOf(file: string): BackupInfo['contents'] {
  let metadata: Buffer | null;
  try {
    metadata = readSealedMetadata(file);
  } catch {
    return null; // A sealed file with a damaged header.
  }
  if (metadata === null) return backupContents(file);
  try {
    return sealedBackupMetadata.parse(JSON.parse(metadata.toString('utf8'))).contents;
  } catch {
    return null;
  }
}

export const holdsData = (backup: BackupInfo): boolean => backup.contents !== null && backup.contents.people + backup.contents.vessels > 0;

export function describeBackup(backupsDir: string, id: string): BackupInfo {
  const file = join(backupsDir, id);
  const reason = STAMP.exec(id)?.[8] ?? 'unknown';
  return { id, createdAt: createdAtOf(id), bytes: lstatSync(file).size, reason, contents: contentsOf(file) };
}

/** Every backup in the folder, newest first. */
export function listBackups(backupsDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_ID_PATTERN.test(name) && lstatSync(join(backupsDir, name)).isFile())
    .map((id) => describeBackup(backupsDir, id))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/**
 * Keeps the newest backups of an automatic reason, and never deletes one of the newest backups that hold data:
 * a run of restores of an empty database must not prune away the last copies of the crew.
 */
export function pruneBackups(backupsDir: string, reason: string): void {
  if (!PRUNED_REASONS.has(reason)) return;
  const backups = listBackups(backupsDir);
  const kept = new Set(backups.filter(holdsData).slice(0, KEEP_WITH_DATA).map((b) => b.id));
  for (const old of backups.filter((b) => b.reason === reason).slice(KEEP_PER_REASON)) {
    if (kept.has(old.id)) continue;
    const path = join(backupsDir, old.id);
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
  }
}
