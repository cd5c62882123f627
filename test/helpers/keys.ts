import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../src/core/core';
import type { KeyProtector } from '../../src/core/crypt/key-protector';
import { Keyring, keyringFileOf } from '../../src/core/crypt/keyring';
import { copyOutOfBackup } from '../../src/core/db/backups';
import { OWNER as ACCOUNT_OWNER } from './temp-core';

/** scrypt at N = 2^10 for tests: the same code as the real cost, a thousandth of the time. */
export const CHEAP_SLOT_COST = 10;

/**
 * A stand-in for the OS keychain (Electron's safeStorage is absent under plain Node): AES-GCM under a key that
 * lives as long as this object, as a keychain's key lives as long as the login. Another instance cannot open
 * what this one protected, as another user's keychain cannot.
 */
export function testKeychain(): KeyProtector & { calls: number } {
  const key = randomBytes(32);
  const keychain = {
    calls: 0,
    available: () => true,
    protect(secret: Buffer) {
      keychain.calls += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unprotect(blob: Buffer) {
      keychain.calls += 1;
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
    },
  };
  return keychain;
}

export const OWNER = { userId: 'user-owner', password: 'correct horse battery', recoveryCode: 'RCVR-2222-3333-4444' } as const;

/** What accounts tell the keyring when the owner is created (until the auth branch does it through auth.createOwner). */
export async function createOwner(core: Pick<Core, 'credentials'>): Promise<void> {
  await core.credentials.emit({ kind: 'owner-created', ...OWNER });
}

/** Waits until the background sealing of files stored before the key existed has finished. */
export async function sealingDone(core: Pick<Core, 'state'>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (core.state.keyring.mayHavePlainFiles()) {
    if (Date.now() > until) throw new Error('The stored files were not sealed in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A plain copy of a backup of `core` at `target`, as the core opens it for a restore: backups are sealed with the
 * data key of their data folder, so a test that reads one, or carries it to another data folder as "a database
 * file from elsewhere", takes it out this way.
 */
export function plainCopyOfBackup(core: Pick<Core, 'state'>, id: string, target: string): string {
  copyOutOfBackup(join(core.state.backupsDir, id), target, core.state.keyring, `The backup ${id}`);
  return target;
}

/**
 * A plain copy of a sealed file of `dataDir` (a backup copied out by `harmony backup FILE`), opened with the
 * keyring as the owner of the tests' accounts (temp-core.ts) would open it by signing in.
 */
export async function plainCopyOfSealed(dataDir: string, sealed: string, target: string): Promise<string> {
  const db = new Database(join(dataDir, 'harmony.db'), { readonly: true });
  const ownerId = db.prepare("SELECT id FROM users WHERE role = 'owner'").pluck().get() as string;
  db.close();
  const keyring = new Keyring(keyringFileOf(dataDir));
  await keyring.handle({ kind: 'signed-in', userId: ownerId, password: ACCOUNT_OWNER.password });
  copyOutOfBackup(sealed, target, keyring, sealed);
  return target;
}
