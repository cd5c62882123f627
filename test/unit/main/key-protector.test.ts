import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { safeStorageProtector } from '../../../src/main/key-protector';

/** A stand-in for Electron's safeStorage (its binary is absent under plain Node). */
function fakeSafeStorage(backend: ReturnType<SafeStorage['getSelectedStorageBackend']>, available = true): SafeStorage {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(`enc:${text}`),
    decryptString: (blob: Buffer) => blob.toString().replace(/^enc:/, ''),
  } as unknown as SafeStorage;
}

describe('the desktop app’s keychain', () => {
  it('protects and gives back the key through safeStorage', () => {
    const protector = safeStorageProtector(fakeSafeStorage('gnome_libsecret'), 'linux');
    const secret = Buffer.from([0, 1, 2, 250, 255]);
    expect(protector.available()).toBe(true);
    expect(protector.unprotect(protector.protect(secret)).equals(secret)).toBe(true);
  });

  it('counts Chromium’s built-in password on Linux as no keychain, and an unavailable one as none', () => {
    expect(safeStorageProtector(fakeSafeStorage('basic_text'), 'linux').available()).toBe(false);
    expect(safeStorageProtector(fakeSafeStorage('unknown', false), 'darwin').available()).toBe(false);
    expect(safeStorageProtector(fakeSafeStorage('unknown'), 'win32').available()).toBe(true);
  });
});
