import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../api/errors';
import { flushFile, renameDurably } from './durable';

const HASH = /^[0-9a-f]{64}$/;

/**
 * How stored bytes are kept at rest: sealed (encrypted) once the data folder has a keyring, as they come before
 * (crypt/file-cipher.ts). The store itself only knows that what it writes may differ from what it was given.
 */
export interface FileCipher {
  /** The bytes to write for this content. */
  seal(plain: Uint8Array): Uint8Array;
  /** The content of the bytes read; throws an error in words when they cannot be opened. `name` names the file. */
  open(stored: Buffer, name: string): Buffer;
}

export const PLAIN_FILES: FileCipher = { seal: (plain) => plain, open: (stored) => stored };

/**
 * Files (photos, document scans) stored under the data folder by the sha256 of their content:
 * `files/ab/abcdef…`. The hash is of the content, not of the sealed bytes on disk, so the same scan is stored
 * once and keeps its name whether or not it is encrypted (sync sends attachments by that name). The database keeps
 * only the hash. Writes go to a temporary name first and reach the disk before the rename, so neither a crash nor
 * a power cut leaves a half-written file under a valid hash. Folders are private to this user (0700), files too
 * (0600).
 */
export class BlobStore {
  constructor(
    readonly root: string,
    readonly cipher: FileCipher = PLAIN_FILES,
  ) {}

  static hashOf(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new AppError('VALIDATION', `Not a file hash: ${hash}`);
    return join(this.root, hash.slice(0, 2), hash);
  }

  put(bytes: Uint8Array): string {
    const hash = BlobStore.hashOf(bytes);
    const target = this.pathOf(hash);
    if (existsSync(target)) return hash;
    mkdirSync(join(this.root, hash.slice(0, 2)), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, this.cipher.seal(bytes), { mode: 0o600 });
    flushFile(temporary);
    renameDurably(temporary, target);
    return hash;
  }

  has(hash: string): boolean {
    return existsSync(this.pathOf(hash));
  }

  /** The stored content, opened and checked against its hash (a damaged file is reported, never served). */
  get(hash: string): Buffer {
    const path = this.pathOf(hash);
    const name = `${hash.slice(0, 12)}…`;
    if (!existsSync(path)) throw new AppError('NOT_FOUND', `The stored file ${name} is missing from the data folder`);
    const bytes = this.cipher.open(readFileSync(path), name);
    if (BlobStore.hashOf(bytes) !== hash) throw new AppError('DB_CORRUPT', `The stored file ${name} is damaged`);
    return bytes;
  }
}
