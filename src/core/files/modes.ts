import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Folders of the data folder: only this user may list or enter them. */
export const PRIVATE_FOLDER = 0o700;
/** Files of the data folder (database, its log and shared memory, keyring, scans, photos, backups, logs). */
export const PRIVATE_FILE = 0o600;

/**
 * Makes the data folder private to the user running the app: the folder and every folder in it 0700, every file
 * 0600, including what an earlier version left with the system's default (often readable by every local user).
 * New files are created with these modes where they are written; this sweep runs once as the core starts. Links
 * are not followed (nothing of ours is a link; a link planted there must not make us change another file). On
 * Windows, where modes mean little, chmod only sets or clears the read-only flag: this is harmless there.
 */
export function makeDataFolderPrivate(dataDir: string): void {
  const walk = (dir: string) => {
    setMode(dir, PRIVATE_FOLDER);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) setMode(path, PRIVATE_FILE);
    }
  };
  walk(dataDir);
}

function setMode(path: string, mode: number): void {
  try {
    if ((lstatSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
  } catch {
    // Gone in the meantime, or not ours (another user's file): nothing to make private here.
  }
}
