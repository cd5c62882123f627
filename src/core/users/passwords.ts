import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords and recovery codes are kept as scrypt strings that carry their own parameters, in the PHC string
 * format: `$scrypt$ln=16,r=8,p=1$<salt>$<hash>` (base64 without padding). A hash made with older parameters still
 * verifies; sign-in stores a new one when the parameters of this installation changed (docs/security.md#passwords).
 */
export interface PasswordCost {
  /** log2 of scrypt's N: memory is 128 · r · 2^ln bytes. */
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

/**
 * Chosen by measurement (test/bench/passwords.bench.ts, docs/security.md#passwords): 128 MiB of memory and about
 * 0.36 s per hash on the development machine (2^16 took 0.18 s, under the quarter second aimed at).
 */
export const DEFAULT_PASSWORD_COST: PasswordCost = { ln: 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function options(cost: PasswordCost): ScryptOptions {
  const memory = 128 * cost.r * 2 ** cost.ln;
  // Node refuses by default above 32 MiB; leave room for the block's own overhead.
  return { N: 2 ** cost.ln, r: cost.r, p: cost.p, maxmem: memory * 2 + 1024 * 1024 };
}

function derive(secret: string, salt: Buffer, cost: PasswordCost, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, length, options(cost), (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(secret: string, cost: PasswordCost): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(secret, salt, cost, KEY_LENGTH);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(hash)}`;
}

interface Parsed {
  cost: PasswordCost;
  salt: Buffer;
  hash: Buffer;
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function parse(stored: string): Parsed | null {
  const match = PHC.exec(stored);
  if (!match) return null;
  const cost = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (cost.ln < 1 || cost.ln > 24 || cost.r < 1 || cost.p < 1) return null;
  return { cost, salt: Buffer.from(match[4]!, 'base64'), hash: Buffer.from(match[5]!, 'base64') };
}

/** Whether `secret` matches `stored`; a stored string that is not ours never matches. */
export async function verifyPassword(secret: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const actual = await derive(secret, parsed.salt, parsed.cost, parsed.hash.length);
  return timingSafeEqual(actual, parsed.hash);
}

/** Whether a stored hash was made with other parameters than `cost`: sign-in then stores a new one. */
export function needsRehash(stored: string, cost: PasswordCost): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.cost.ln !== cost.ln || parsed.cost.r !== cost.r || parsed.cost.p !== cost.p;
}

/**
 * A hash of nothing anyone knows, verified against when a user name does not exist, so that an unknown name takes
 * as long as a wrong password and does not tell which names exist.
 */
export async function dummyHash(cost: PasswordCost): Promise<string> {
  return hashPassword(randomBytes(16).toString('hex'), cost);
}

/** A one-time recovery code a person can copy by hand: 5 groups of 5 characters without look-alikes. */
export function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(25);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15, 20].map((at) => chars.slice(at, at + 5).join('')).join('-');
}

/** The form a typed recovery code is compared in: upper case, no spaces or dashes. */
export const normalRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
