import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Files that exist only while a backup or a restore is being written. They carry the writing process's id, so
 * what a crashed process left behind is recognised — and removed the next time the core opens — without
 * touching the files of a process still at work on the same data folder.
 */
export const temporaryIn = (dir: string, what: string): string => join(dir, `.${what}-${process.pid}-${Date.now()}.tmp`);

/** Where a restore puts the backup it is about to swap in: beside the database, so the final rename is atomic. */
export const incomingFor = (databaseFile: string): string => `${databaseFile}.${process.pid}.restoring`;

/** A database file with the files SQLite may keep beside it. */
export function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

const TEMPORARY = /^\.[a-z-]+-(\d+)-\d+\.tmp(-wal|-shm|-journal)?$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the files of `dir` whose name matches `pattern` (its first group a process id) left by a process that is gone. */
export function removeOrphans(dir: string, pattern: RegExp): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !isRunning(pid)) rmSync(join(dir, name), { force: true });
  }
}

export function removeLeftovers(databaseFile: string, backupsDir: string): void {
  const incoming = new RegExp(`^${basename(databaseFile).replaceAll('.', '\\.')}\\.(\\d+)\\.restoring(-wal|-shm|-journal)?$`);
  removeOrphans(dirname(databaseFile), incoming);
  removeOrphans(backupsDir, TEMPORARY);
}
