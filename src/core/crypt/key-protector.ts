/**
 * The operating system's keychain, as the keyring uses it: the desktop app passes one built on Electron's
 * `safeStorage` (src/main/key-protector.ts: the macOS Keychain, Windows DPAPI, the Secret Service or KWallet on
 * Linux). With it the data key is opened when the app starts, for the user logged in to the computer, without a
 * password. The command line and the browser preview have none: there a password or the recovery code opens it.
 */
export interface KeyProtector {
  /** Whether the keychain can protect a secret now (on Linux without a keyring daemon it cannot). */
  available(): boolean;
  protect(secret: Buffer): Buffer;
  /** Throws when the keychain cannot open it (another user, a reset keychain). */
  unprotect(protectedSecret: Buffer): Buffer;
}
