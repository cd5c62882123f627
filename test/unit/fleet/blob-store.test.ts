import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/core/api/errors';
import { BlobStore } from '../../../src/core/files/blob-store';
import { tempDir } from '../../helpers/temp-core';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function store(): BlobStore {
  const dir = tempDir();
  dirs.push(dir);
  return new BlobStore(join(dir.path, 'files'));
}

describe('the blob store', () => {
  it('stores bytes under their sha256, once, and reads them back', () => {
    const files = store();
    const bytes = new TextEncoder().encode('a passport scan, say');
    const hash = files.put(bytes);
    expect(hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(files.pathOf(hash)).toBe(join(files.root, hash.slice(0, 2), hash));
    expect(files.put(bytes)).toBe(hash);
    expect(readdirSync(join(files.root, hash.slice(0, 2)))).toEqual([hash]);
    expect(new TextDecoder().decode(files.get(hash))).toBe('a passport scan, say');
  });

  it('refuses to serve a damaged file, and says when one is missing', () => {
    const files = store();
    const hash = files.put(new Uint8Array([1, 2, 3]));
    writeFileSync(files.pathOf(hash), new Uint8Array([1, 2, 4]));
    expect(() => files.get(hash)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }) as AppError);
    expect(() => files.get('0'.repeat(64))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }) as AppError);
    expect(() => files.pathOf('../../etc/passwd')).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as AppError);
  });
});
