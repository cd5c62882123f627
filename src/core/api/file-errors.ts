import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ErrorCode } from '../../shared/api';

interface FileError {
  code: ErrorCode;
  message: string;
}

/**
 * A file-system error a person can act on (a missing folder, a file already there, no permission, a full disk),
 * in plain words naming the file. Null for anything else: that is a bug and goes to the log.
 */
export function describeFileError(error: unknown): FileError | null {
  const { code, path, dest } = (error ?? {}) as { code?: unknown; path?: unknown; dest?: unknown };
  if (typeof code !== 'string') return null;
  const file = typeof dest === 'string' && code === 'EEXIST' ? dest : typeof path === 'string' ? path : 'the file';
  switch (code) {
    case 'ENOENT': {
      const folder = dirname(file);
      if (file !== 'the file' && !existsSync(folder)) return { code: 'NOT_FOUND', message: `The folder ${folder} does not exist.` };
      return { code: 'NOT_FOUND', message: `${file} does not exist.` };
    }
    case 'EEXIST':
      return { code: 'CONFLICT', message: `${file} already exists.` };
    case 'EACCES':
    case 'EPERM':
      return { code: 'FORBIDDEN', message: `Harmony Crew is not allowed to read or write ${file} (permission denied).` };
    case 'EROFS':
      return { code: 'FORBIDDEN', message: `${file} is on a disk that is read-only.` };
    case 'EISDIR':
      return { code: 'VALIDATION', message: `${file} is a folder, not a file.` };
    case 'ENOTDIR':
      return { code: 'VALIDATION', message: `${file}: part of this path is a file, not a folder.` };
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'DISK_FULL', message: `The disk is full (writing ${file}). Free some space and try again.` };
    case 'ENAMETOOLONG':
      return { code: 'VALIDATION', message: `The name ${file} is too long.` };
    default:
      return null;
  }
}
