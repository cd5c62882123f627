import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../core/api/errors';

/**
 * Reads a file a person named. A folder, a device or a pipe is refused in plain words before reading (a pipe would
 * hang the command, a device like /dev/zero never end); a missing file or no permission is said plainly by the
 * command runner.
 */
export function readUserFile(named: string): Buffer {
  const path = resolve(named);
  const info = statSync(path);
  if (info.isDirectory()) throw new AppError('VALIDATION', `${named} is a folder, not a file.`);
  if (!info.isFile()) throw new AppError('VALIDATION', `${named} is not a plain file (it is a device or a pipe); save it as a file first.`);
  return readFileSync(path);
}
