import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../core/core';

const MiB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MiB ? `${Math.round(bytes / MiB)} MB` : `${Math.ceil(bytes / 1024)} KB`);

interface ReadOptions {
  /** What the file is for, in messages: "responses", "people", "document". */
  what: string;
  maxBytes: number;
}

/** Why a file named on the command line cannot be read, in plain words. */
const refused = (message: string) => new AppError('VALIDATION', message);

const tooLarge = (file: string, options: ReadOptions) => refused(`${file} is larger than ${size(options.maxBytes)}, the most read from a ${options.what} file.`);

async function readCapped(handle: FileHandle, file: string, options: ReadOptions, sizeHint: number): Promise<Buffer> {
  const { maxBytes } = options;
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes, sizeHint) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) throw tooLarge(file, options);
      const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
  }
}

/**
 * Every file the `harmony` command reads (imports, analysis files, documents, JSON options): only a regular
 * file, and at most `maxBytes` of it. A device (/dev/zero), a folder or a pipe would never end or block the
 * command; it is refused with a plain message instead. Opened without blocking, so a pipe cannot hold the
 * open itself; the size is checked on what is read, since some files (in /proc) report none.
 */
export async function readInputFile(file: string, options: ReadOptions): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `The ${options.what} file ${file} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM') throw refused(`The ${options.what} file ${file} cannot be read (permission denied).`);
    if (code === 'EISDIR') throw refused(`${file} is a folder, not a ${options.what} file.`);
    throw refused(`The ${options.what} file ${file} cannot be read: ${(error as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw refused(`${file} is a folder, not a ${options.what} file.`);
    if (!info.isFile()) throw refused(`${file} is not a regular file (it is a device, a pipe or a socket); name the ${options.what} file itself.`);
    if (info.size > options.maxBytes) throw tooLarge(file, options);
    return await readCapped(handle, file, options, info.size);
  } finally {
    await handle.close();
  }
}
