import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * The format of a sealed (encrypted) file: scans, photos and backups at rest.
 *
 *   header  = magic "HCSEALED" (8) · version 1 (1) · key id (8) · ephemeral X25519 public key (32)
 *             · wrap IV (12) · wrapped file key (32) · wrap tag (16) · chunk IV prefix (8)
 *             · metadata length (4, big-endian) · metadata (that many bytes, readable without the key)
 *   chunks  = the content in pieces of 64 KiB, each AES-256-GCM under the file key, followed by its 16-byte tag.
 *
 * Every file has its own random 256-bit key. It is wrapped (AES-256-GCM) by a key agreed (X25519, HKDF-SHA256)
 * between a fresh key pair of the file and the data key pair of the data folder: sealing needs only the data
 * key's public half, so files and backups are written sealed even while nobody has unlocked the keyring, and
 * opening needs the private half, which only a password, the recovery code or the OS keychain gives back.
 *
 * Each chunk's nonce is the IV prefix and the chunk's number; its additional data is the whole header, the
 * chunk's number and whether it is the last. So a changed header, a changed, swapped or dropped chunk and a file
 * cut short after any chunk all fail their tag: a tampered file is refused, never served.
 */

export const SEALED_MAGIC = Buffer.from('HCSEALED', 'latin1');
const VERSION = 1;
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const FIXED_HEADER_BYTES = 8 + 1 + 8 + 32 + 12 + 32 + 16 + 8 + 4;
/** Metadata is a few words (a backup's counts), never content. */
const MAX_METADATA_BYTES = 4096;

/** The data key pair of a data folder, as the keyring holds it. `privateKey` is null while the keyring is locked. */
export interface DataKeyPair {
  /** 8 bytes that name the key (a hash of its public half): tells "another key" from "damaged". */
  readonly keyId: Buffer;
  readonly publicKey: KeyObject;
}

export type SealedProblem = 'not-sealed' | 'newer-version' | 'other-key' | 'damaged';

/** Why a sealed file cannot be opened; the caller puts it in words naming the file. */
export class SealedFileError extends Error {
  constructor(
    readonly problem: SealedProblem,
    message: string,
  ) {
    super(message);
  }
}

/** A new data key pair: the private half as 32 raw bytes (what key slots wrap), the public half as a key object. */
export function newDataKey(): { privateKey: Buffer; publicKey: KeyObject } {
  const { privateKey } = generateKeyPairSync('x25519');
  return { privateKey: rawPrivate(privateKey), publicKey: createPublicKey(privateKey) };
}

const rawPrivate = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url');
export const rawPublic = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');

/** X25519's PKCS #8 prefix: a raw private key is these 16 bytes and its 32. */
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function privateKeyFrom(raw: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519, raw]), format: 'der', type: 'pkcs8' });
}

export function publicKeyFrom(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export const publicKeyOf = (privateKey: Buffer): KeyObject => createPublicKey(privateKeyFrom(privateKey));

/** The id of a data key: the first 8 bytes of HKDF over its public half (public, and names nothing else). */
export const keyIdOf = (publicKey: KeyObject): Buffer => Buffer.from(hkdfSync('sha256', rawPublic(publicKey), Buffer.alloc(0), 'harmony data key id', 8));

function wrappingKey(shared: Buffer, ephemeralPublic: Buffer, dataPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralPublic, dataPublic]), 'harmony file key wrap v1', 32));
}

interface Header {
  bytes: Buffer;
  keyId: Buffer;
  ephemeralPublic: Buffer;
  wrapIv: Buffer;
  wrappedKey: Buffer;
  wrapTag: Buffer;
  ivPrefix: Buffer;
  metadata: Buffer;
}

function makeHeader(recipient: DataKeyPair, metadata: Buffer): { header: Buffer; fileKey: Buffer; ivPrefix: Buffer } {
  if (metadata.length > MAX_METADATA_BYTES) throw new Error('Sealed-file metadata is limited to 4 KiB');
  const fileKey = randomBytes(32);
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublic(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient.publicKey });
  const kek = wrappingKey(shared, ephemeralPublic, rawPublic(recipient.publicKey));
  const wrapIv = randomBytes(12);
  const wrap = createCipheriv('aes-256-gcm', kek, wrapIv);
  wrap.setAAD(recipient.keyId);
  const wrappedKey = Buffer.concat([wrap.update(fileKey), wrap.final()]);
  const ivPrefix = randomBytes(8);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(metadata.length);
  const header = Buffer.concat([SEALED_MAGIC, Buffer.from([VERSION]), recipient.keyId, ephemeralPublic, wrapIv, wrappedKey, wrap.getAuthTag(), ivPrefix, length, metadata]);
  return { header, fileKey, ivPrefix };
}

/** Reads a header from the start of `head` (which holds at least the header). Null when it is not a sealed file. */
function parseHeader(head: Buffer): Header | null {
  if (!isSealed(head)) return null;
  if (head[8] !== VERSION) throw new SealedFileError('newer-version', 'it was sealed by a newer version of Harmony Crew');
  if (head.length < FIXED_HEADER_BYTES) throw new SealedFileError('damaged', 'its header is cut short');
  let at = 9;
  const take = (n: number) => head.subarray(at, (at += n));
  const keyId = take(8);
  const ephemeralPublic = take(32);
  const wrapIv = take(12);
  const wrappedKey = take(32);
  const wrapTag = take(16);
  const ivPrefix = take(8);
  const metadataLength = take(4).readUInt32BE();
  if (metadataLength > MAX_METADATA_BYTES || head.length < at + metadataLength) throw new SealedFileError('damaged', 'its header is damaged');
  const metadata = take(metadataLength);
  return { bytes: head.subarray(0, at), keyId, ephemeralPublic, wrapIv, wrappedKey, wrapTag, ivPrefix, metadata };
}

function unwrapFileKey(header: Header, keys: { keyId: Buffer; privateKey: KeyObject; publicKey: KeyObject }): Buffer {
  if (!header.keyId.equals(keys.keyId)) throw new SealedFileError('other-key', 'it was sealed with the key of another data folder');
  try {
    const shared = diffieHellman({ privateKey: keys.privateKey, publicKey: publicKeyFrom(header.ephemeralPublic) });
    const kek = wrappingKey(shared, header.ephemeralPublic, rawPublic(keys.publicKey));
    const unwrap = createDecipheriv('aes-256-gcm', kek, header.wrapIv);
    unwrap.setAAD(header.keyId);
    unwrap.setAuthTag(header.wrapTag);
    return Buffer.concat([unwrap.update(header.wrappedKey), unwrap.final()]);
  } catch {
    throw new SealedFileError('damaged', 'its key does not open (the file was altered or damaged)');
  }
}

function chunkAad(header: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index);
  tail[4] = last ? 1 : 0;
  return Buffer.concat([header, tail]);
}

function nonce(ivPrefix: Buffer, index: number): Buffer {
  const iv = Buffer.alloc(12);
  ivPrefix.copy(iv);
  iv.writeUInt32BE(index, 8);
  return iv;
}

function sealChunk(fileKey: Buffer, ivPrefix: Buffer, header: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', fileKey, nonce(ivPrefix, index));
  cipher.setAAD(chunkAad(header, index, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(fileKey: Buffer, header: Header, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG_BYTES) throw new SealedFileError('damaged', 'it is cut short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce(header.ivPrefix, index));
    decipher.setAAD(chunkAad(header.bytes, index, last));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedFileError('damaged', 'its content was altered, damaged or cut short');
  }
}

/** Whether these first bytes of a file are a sealed file's. */
export const isSealed = (head: Uint8Array): boolean => head.length >= SEALED_MAGIC.length && SEALED_MAGIC.equals(head.subarray(0, SEALED_MAGIC.length));

/** Seals bytes held in memory (a scan, a photo). */
export function sealBytes(plain: Uint8Array, recipient: DataKeyPair, metadata: Buffer = Buffer.alloc(0)): Buffer {
  const { header, fileKey, ivPrefix } = makeHeader(recipient, metadata);
  const parts = [header];
  const content = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  const chunks = Math.max(1, Math.ceil(content.length / CHUNK_BYTES));
  for (let i = 0; i < chunks; i += 1) {
    parts.push(sealChunk(fileKey, ivPrefix, header, i, i === chunks - 1, content.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)));
  }
  return Buffer.concat(parts);
}

export interface OpeningKeys {
  readonly keyId: Buffer;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** Opens a sealed file held in memory; throws SealedFileError when it is not sealed, another key's or altered. */
export function openBytes(sealed: Buffer, keys: OpeningKeys): Buffer {
  const header = parseHeader(sealed);
  if (!header) throw new SealedFileError('not-sealed', 'it is not sealed');
  const fileKey = unwrapFileKey(header, keys);
  const body = sealed.subarray(header.bytes.length);
  const step = CHUNK_BYTES + TAG_BYTES;
  const chunks = Math.max(1, Math.ceil(body.length / step));
  const parts: Buffer[] = [];
  for (let i = 0; i < chunks; i += 1) parts.push(openChunk(fileKey, header, i, i === chunks - 1, body.subarray(i * step, (i + 1) * step)));
  return Buffer.concat(parts);
}

/** Reads the header of a file on disk: null for a plain file, else its metadata (readable without the key). */
export function readSealedMetadata(path: string): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(FIXED_HEADER_BYTES + MAX_METADATA_BYTES);
    const header = parseHeader(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
    return header ? Buffer.from(header.metadata) : null;
  } finally {
    closeSync(fd);
  }
}

/** Whether a file on disk is sealed (by its first bytes). */
export function isSealedFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SEALED_MAGIC.length);
    return isSealed(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

function writeFully(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}

/**
 * Seals a file on disk into `target` chunk by chunk, so a backup of any size never sits whole in memory. The
 * caller flushes and renames the target (files/durable.ts).
 */
export function sealFile(source: string, target: string, recipient: DataKeyPair, metadata: Buffer = Buffer.alloc(0)): void {
  const input = openSync(source, 'r');
  try {
    const output = openSync(target, 'w', 0o600);
    try {
      const size = fstatSync(input).size;
      const { header, fileKey, ivPrefix } = makeHeader(recipient, metadata);
      writeFully(output, header);
      const chunks = Math.max(1, Math.ceil(size / CHUNK_BYTES));
      for (let i = 0; i < chunks; i += 1) {
        const plain = readFully(input, CHUNK_BYTES, i * CHUNK_BYTES);
        writeFully(output, sealChunk(fileKey, ivPrefix, header, i, i === chunks - 1, plain));
      }
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}

/** Opens a sealed file on disk into `target` chunk by chunk; throws SealedFileError as openBytes does. */
export function openFile(source: string, target: string, keys: OpeningKeys): void {
  const input = openSync(source, 'r');
  try {
    const size = fstatSync(input).size;
    const header = parseHeader(readFully(input, Math.min(size, FIXED_HEADER_BYTES + MAX_METADATA_BYTES), 0));
    if (!header) throw new SealedFileError('not-sealed', 'it is not sealed');
    const fileKey = unwrapFileKey(header, keys);
    const output = openSync(target, 'w', 0o600);
    try {
      const step = CHUNK_BYTES + TAG_BYTES;
      const body = size - header.bytes.length;
      const chunks = Math.max(1, Math.ceil(body / step));
      for (let i = 0; i < chunks; i += 1) {
        const sealed = readFully(input, step, header.bytes.length + i * step);
        writeFully(output, openChunk(fileKey, header, i, i === chunks - 1, sealed));
      }
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}
