import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  isSealed,
  keyIdOf,
  newDataKey,
  openBytes,
  openFile,
  privateKeyFrom,
  readSealedMetadata,
  sealBytes,
  sealFile,
  SealedFileError,
  type OpeningKeys,
} from '../../../src/core/crypt/sealed-format';
import { tempDir } from '../../helpers/temp-core';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function dataKey(): { recipient: { keyId: Buffer; publicKey: OpeningKeys['publicKey'] }; keys: OpeningKeys } {
  const { privateKey, publicKey } = newDataKey();
  const keyId = keyIdOf(publicKey);
  return { recipient: { keyId, publicKey }, keys: { keyId, publicKey, privateKey: privateKeyFrom(privateKey) } };
}

const problemOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof SealedFileError) return error.problem;
    throw error;
  }
  return 'opened';
};

/** A recognisable content: no 16-byte run of it may appear in a sealed file. */
const marked = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => 'PASSPORT-P<GBRSMITH<<JOHN'.charCodeAt(i % 25)));

describe('sealed files', () => {
  it.each([0, 1, 1000, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17])('seal and open %i bytes, with no plaintext on disk', (size) => {
    const { recipient, keys } = dataKey();
    const plain = marked(size);
    const sealed = sealBytes(plain, recipient);
    expect(isSealed(sealed)).toBe(true);
    if (size >= 25) expect(sealed.includes(plain.subarray(0, 25))).toBe(false);
    expect(openBytes(sealed, keys).equals(plain)).toBe(true);
    // Every file has its own key: the same content sealed twice shares no bytes past the magic.
    expect(sealBytes(plain, recipient).subarray(20).equals(sealed.subarray(20))).toBe(false);
  });

  it('refuses another data key, and says so rather than "damaged"', () => {
    const sealed = sealBytes(marked(5000), dataKey().recipient);
    expect(problemOf(() => openBytes(sealed, dataKey().keys))).toBe('other-key');
  });

  it('refuses any change: a byte of the header, of a chunk, chunks swapped, a file cut short at a chunk boundary', () => {
    const { recipient, keys } = dataKey();
    const plain = marked(3 * CHUNK_BYTES + 100);
    const sealed = sealBytes(plain, recipient, Buffer.from('{"contents":null}'));
    const headerBytes = sealed.length - (plain.length + 4 * 16);
    const flipped = (at: number) => {
      const copy = Buffer.from(sealed);
      copy[at]! ^= 0x01;
      return copy;
    };
    for (const at of [20, 60, 100, headerBytes - 3, headerBytes + 5, headerBytes + CHUNK_BYTES + 16 + 7, sealed.length - 1]) {
      expect(problemOf(() => openBytes(flipped(at), keys))).toBe('damaged');
    }
    const step = CHUNK_BYTES + 16;
    const body = sealed.subarray(headerBytes);
    const swapped = Buffer.concat([sealed.subarray(0, headerBytes), body.subarray(step, 2 * step), body.subarray(0, step), body.subarray(2 * step)]);
    expect(problemOf(() => openBytes(swapped, keys))).toBe('damaged');
    expect(problemOf(() => openBytes(sealed.subarray(0, headerBytes + 2 * step), keys))).toBe('damaged');
    expect(problemOf(() => openBytes(sealed.subarray(0, 30), keys))).toBe('damaged');
    expect(problemOf(() => openBytes(marked(100), keys))).toBe('not-sealed');
  });

  it('seals and opens files on disk chunk by chunk, with metadata readable without the key', () => {
    const dir = tempDir();
    dirs.push(dir);
    const { recipient, keys } = dataKey();
    const plain = randomBytes(5 * CHUNK_BYTES + 3);
    writeFileSync(join(dir.path, 'plain'), plain);
    sealFile(join(dir.path, 'plain'), join(dir.path, 'sealed'), recipient, Buffer.from('{"contents":{"people":3,"vessels":1}}'));
    expect(openBytes(readFileSync(join(dir.path, 'sealed')), keys).equals(plain)).toBe(true);
    expect(readSealedMetadata(join(dir.path, 'sealed'))?.toString()).toBe('{"contents":{"people":3,"vessels":1}}');
    expect(readSealedMetadata(join(dir.path, 'plain'))).toBeNull();
    openFile(join(dir.path, 'sealed'), join(dir.path, 'opened'), keys);
    expect(readFileSync(join(dir.path, 'opened')).equals(plain)).toBe(true);
    // In memory and on disk are one format.
    writeFileSync(join(dir.path, 'from-memory'), sealBytes(plain, recipient));
    openFile(join(dir.path, 'from-memory'), join(dir.path, 'opened-2'), keys);
    expect(readFileSync(join(dir.path, 'opened-2')).equals(plain)).toBe(true);
  });
});
