import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BlobStore } from '../files/blob-store';
import { flushFile, renameDurably } from '../files/durable';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Files being fetched by sync (docs/sync.md#attachments): the chunks received so far, each sealed like a stored
 * file (so a half-fetched scan is no more readable on the disk than a whole one), so that a download cut off
 * resumes at the next sync from the bytes already here. Beside the blob store, not inside it: nothing in it has
 * been checked against its hash yet.
 */
export class IncomingFiles {
  private readonly root: string;

  constructor(private readonly files: BlobStore) {
    this.root = join(dirname(files.root), 'sync-incoming');
  }

  private folderOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`Not a file hash: ${hash}`);
    return join(this.root, hash);
  }

  /** The chunks received so far, in order from byte 0; whatever cannot be read or does not follow on is dropped. */
  received(hash: string): Buffer[] {
    const folder = this.folderOf(hash);
    if (!existsSync(folder)) return [];
    const offsets = readdirSync(folder)
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => a - b);
    const chunks: Buffer[] = [];
    let next = 0;
    try {
      for (const offset of offsets) {
        if (offset !== next) break;
        const chunk = this.files.cipher.open(readFileSync(join(folder, String(offset))), `${hash.slice(0, 12)}… (being fetched)`);
        chunks.push(chunk);
        next += chunk.length;
      }
    } catch {
      // Locked or damaged: the download starts again from nothing.
      this.discard(hash);
      return [];
    }
    return chunks;
  }

  add(hash: string, offset: number, chunk: Uint8Array): void {
    const folder = this.folderOf(hash);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const target = join(folder, String(offset));
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, this.files.cipher.seal(chunk), { mode: 0o600 });
    flushFile(temporary);
    renameDurably(temporary, target);
  }

  discard(hash: string): void {
    rmSync(this.folderOf(hash), { recursive: true, force: true });
  }
}
