import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Core } from '../../src/core/core';
import type { KeyProtector } from '../../src/core/crypt/key-protector';

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
