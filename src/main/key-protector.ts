import type { SafeStorage } from 'electron';
import type { KeyProtector } from '../core/core';

/**
 * The OS keychain for the keyring of encryption at rest (src/core/crypt/keyring.ts), on Electron's safeStorage:
 * the macOS Keychain, Windows DPAPI, the Secret Service or KWallet on Linux. On Linux without any of them
 * safeStorage falls back to a password written into Chromium itself ("basic_text"): that protects nothing, so it
 * counts as no keychain and a password opens the key instead. The synchronous calls are used because the core
 * is created synchronously; they need the app to be ready.
 */
export function safeStorageProtector(safeStorage: SafeStorage, platform: NodeJS.Platform = process.platform): KeyProtector {
  return {
    available: () => safeStorage.isEncryptionAvailable() && (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    protect: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unprotect: (protectedSecret) => Buffer.from(safeStorage.decryptString(protectedSecret), 'base64'),
  };
}
