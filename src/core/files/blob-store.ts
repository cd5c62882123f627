import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../api/errors';
import { flushFile, renameDurably } from './durable';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Files (photos, document scans) stored under the data folder by the sha256 of their content:
 * `files/ab/abcdef…`. The same bytes are stored once; the database keeps only the hash. Writes go to a
 * temporary name first and reach the disk before the rename, so neither a crash nor a power cut leaves a
 * half-written file under a valid hash.
 */
export class BlobStore {
  constructor(readonly root: string) {}

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
    mkdirSync(join(this.root, hash.slice(0, 2)), { recursive: true });
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, bytes);
    flushFile(temporary);
    renameDurably(temporary, target);
    return hash;
  }

  has(hash: string): boolean {
    return existsSync(this.pathOf(hash));
  }

  /** The stored bytes, checked against their hash (a damaged file is reported, never served). */
  get(hash: string): Buffer {
    const path = this.pathOf(hash);
    if (!existsSync(path)) throw new AppError('NOT_FOUND', `The stored file ${hash.slice(0, 12)}… is missing from the data folder`);
    const bytes = readFileSync(path);
    if (BlobStore.hashOf(bytes) !== hash) throw new AppError('DB_CORRUPT', `The stored file ${hash.slice(0, 12)}… is damaged`);
    return bytes;
  }
}

/** The data folder's blob store. */
export const blobStoreFor = (dataDir: string): BlobStore => new BlobStore(join(dataDir, 'files'));
