import { closeSync, constants, copyFileSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes that survive a crash or a power cut: the bytes are flushed to the disk before a file takes its final
 * name, and the rename itself is flushed with its folder. Without this a power cut can leave a file under its
 * final name with nothing (or garbage) in it.
 */
export function flushFile(path: string): void {
  // Windows flushes only a file opened for writing.
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function flushFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return; // Windows cannot open a folder; NTFS journals the rename itself.
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the rename is then as durable as they make it.
  } finally {
    closeSync(fd);
  }
}

/** Renames over `to` (atomically on one file system) and flushes the folder so the new name is on disk. */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  flushFolder(dirname(to));
}

/** Copies and flushes; `exclusive` refuses (EEXIST) to replace a file that is there. */
export function copyDurably(from: string, to: string, options: { exclusive?: boolean } = {}): void {
  copyFileSync(from, to, options.exclusive ? constants.COPYFILE_EXCL : 0);
  flushFile(to);
}
