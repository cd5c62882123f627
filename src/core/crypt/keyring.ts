import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../api/errors';
import type { CredentialEvent } from '../auth/credential-events';
import { flushFile, renameDurably } from '../files/durable';
import type { KeyProtector } from './key-protector';
import { DEFAULT_SLOT_COST, keyringFileSchema, unwrapWithSecret, wrapWithSecret, type KeyringFile, type Slot } from './key-slots';
import { keyIdOf, newDataKey, privateKeyFrom, publicKeyFrom, publicKeyOf, rawPublic, type DataKeyPair, type OpeningKeys } from './sealed-format';

export interface KeyringOptions {
  /** The OS keychain (the desktop app's); none in the command line and the browser preview. */
  protector?: KeyProtector | null;
  /** scrypt's cost of new slots as log2 N; tests pass a cheap one (key-slots.ts). */
  slotCost?: number;
}

/** absent: no owner yet, files are stored as they come; locked: sealed files cannot be opened until someone signs in. */
export type KeyringState = 'absent' | 'locked' | 'unlocked';

export const keyringFileOf = (dataDir: string): string => join(dataDir, 'keyring.json');

/**
 * The data folder's keyring (docs/security.md#the-keys): one data key pair, created with the owner; its public
 * half seals every stored file and backup, its private half opens them and is kept only wrapped in slots — one
 * per user's password, one for the owner's recovery code, one for the OS keychain. It lives in `keyring.json`
 * beside the database, not in it: a restore of an older backup replaces the database but not the key that opens
 * the backups, and the keyring is read before any database is open.
 *
 * It follows what happens to passwords (auth/credential-events.ts). A slot is written only while the key is
 * unlocked in memory — someone who could open it is signed in — so a password or code is never set that cannot
 * open the files.
 */
export class Keyring {
  readonly file: string;
  #content: KeyringFile | null = null;
  #problem: string | null = null;
  #privateKey: Buffer | null = null;
  #opening: OpeningKeys | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #protector: KeyProtector | null;
  readonly #slotCost: number;
  readonly #unlockListeners: Array<() => void> = [];

  constructor(file: string, options: KeyringOptions = {}) {
    this.file = file;
    this.#protector = options.protector ?? null;
    this.#slotCost = options.slotCost ?? DEFAULT_SLOT_COST;
    this.#load();
  }

  state(): KeyringState {
    if (this.#content === null && this.#problem === null) return 'absent';
    return this.#privateKey ? 'unlocked' : 'locked';
  }

  /** The key that seals new files, or null before the owner exists (files are then stored as they come). */
  recipient(): DataKeyPair | null {
    if (!this.#content) return null;
    const publicKey = publicKeyFrom(Buffer.from(this.#content.publicKey, 'base64'));
    return { keyId: keyIdOf(publicKey), publicKey };
  }

  /** The keys that open sealed files; while locked, an error in words that says how to unlock. */
  openingKeys(): OpeningKeys {
    if (this.#opening) return this.#opening;
    if (this.#problem) throw new AppError('FORBIDDEN', `The stored files cannot be opened: ${this.#problem}`);
    throw new AppError('FORBIDDEN', 'The stored files are encrypted and locked: sign in again (or unlock) with your password to open them.');
  }

  /** Called each time the keyring goes from locked (or absent) to unlocked. */
  onUnlock(listener: () => void): void {
    this.#unlockListeners.push(listener);
  }

  /** Whether files stored before the key existed may remain to be sealed. */
  mayHavePlainFiles(): boolean {
    return this.#content !== null && this.#content.allFilesSealed !== true;
  }

  /** Every file stored before the key existed is sealed now; from here on every file is sealed as it is written. */
  markAllFilesSealed(): void {
    if (!this.#content || this.#content.allFilesSealed) return;
    this.#content = { ...this.#content, allFilesSealed: true };
    this.#persist();
  }

  /**
   * Opens the key with a password or recovery code whoever's it is, trying every slot: for recovery mode, where
   * the database (and so the accounts that say whose password it is) cannot be read, but a backup to restore is
   * sealed. True when it opened (or was open).
   */
  async unlockWithSecret(secret: string): Promise<boolean> {
    if (this.#privateKey) return true;
    return this.opensWith(secret);
  }

  /**
   * Whether `secret` (an account's password or the recovery code) opens one of the slots, tried even when the key
   * is already open: the proof of an account when the database cannot check one (restoring in recovery mode).
   */
  async opensWith(secret: string): Promise<boolean> {
    if (!this.#content) return false;
    const publicKey = Buffer.from(this.#content.publicKey, 'base64');
    for (const slot of this.#slots()) {
      if (slot.kind === 'keychain') continue;
      const opened = await unwrapWithSecret(slot, secret, publicKey);
      if (opened) {
        if (!this.#privateKey) this.#unlocked(opened);
        return true;
      }
    }
    return false;
  }

  /** Forgets the key in memory (the core closes); the next sign-in opens it again. */
  lock(): void {
    this.#privateKey = null;
    this.#opening = null;
  }

  /** Follows an account event; events are handled one at a time, in order. */
  handle(event: CredentialEvent): Promise<void> {
    const next = this.#queue.then(() => this.#apply(event));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #apply(event: CredentialEvent): Promise<void> {
    switch (event.kind) {
      case 'owner-created':
        return this.#createForOwner(event.userId, event.password, event.recoveryCode);
      case 'signed-in':
        return this.#signedIn(event.userId, event.password);
      case 'user-created':
        return this.#setPasswordSlot(event.userId, event.password);
      case 'password-set':
        if (!this.#privateKey && event.recoveryCode !== undefined) await this.#unlockWithRecoveryCode(event.recoveryCode);
        return this.#setPasswordSlot(event.userId, event.password);
      case 'recovery-code-set':
        return this.#setRecoverySlot(event.recoveryCode);
      case 'user-removed':
        return this.#write(this.#slots().filter((slot) => !(slot.kind === 'password' && slot.userId === event.userId)));
    }
  }

  /**
   * The first owner makes the data key. An owner created again (a restore of a backup from before the first owner)
   * keeps the key when it is unlocked, so every sealed file stays readable; when it is locked, the old keyring is
   * kept beside the new one (`keyring-<time>.json`) for its recovery code, and a new key seals from now on.
   */
  async #createForOwner(userId: string, password: string, recoveryCode: string): Promise<void> {
    let privateKey = this.#privateKey;
    if (!privateKey) {
      if (this.#content || this.#problem) this.#setAside();
      privateKey = newDataKey().privateKey;
    }
    const publicKey = rawPublic(publicKeyOf(privateKey));
    const slots: Slot[] = [
      await wrapWithSecret({ kind: 'password', userId }, password, privateKey, publicKey, this.#slotCost),
      await wrapWithSecret({ kind: 'recovery' }, recoveryCode, privateKey, publicKey, this.#slotCost),
    ];
    const keychain = this.#keychainSlot(privateKey);
    if (keychain) slots.push(keychain);
    this.#content = { format: 1, publicKey: publicKey.toString('base64'), slots };
    this.#problem = null;
    this.#persist();
    this.#unlocked(privateKey);
  }

  /**
   * Opens the key with the password that signed in. When the key is already open (another user, the keychain),
   * the user's slot is brought up to date: after a restore of an older database, or of a removed user, the
   * password that signed in may not be the one their slot holds.
   */
  async #signedIn(userId: string, password: string): Promise<void> {
    if (!this.#content) return;
    const publicKey = Buffer.from(this.#content.publicKey, 'base64');
    const slot = this.#slots().find((s) => s.kind === 'password' && s.userId === userId);
    const opened = slot && slot.kind === 'password' ? await unwrapWithSecret(slot, password, publicKey) : null;
    if (opened && !this.#privateKey) this.#unlocked(opened);
    else if (!opened && this.#privateKey) await this.#setPasswordSlot(userId, password);
    // Locked and the password opens no slot: the sign-in stands, the files stay locked (openingKeys says so).
    if (this.#privateKey && this.#protector && !this.#slots().some((s) => s.kind === 'keychain')) {
      const keychain = this.#keychainSlot(this.#privateKey);
      if (keychain) this.#write([...this.#slots(), keychain]);
    }
  }

  async #unlockWithRecoveryCode(recoveryCode: string): Promise<void> {
    const slot = this.#slots().find((s) => s.kind === 'recovery');
    if (!slot || slot.kind !== 'recovery' || !this.#content) return;
    const opened = await unwrapWithSecret(slot, recoveryCode, Buffer.from(this.#content.publicKey, 'base64'));
    if (opened) this.#unlocked(opened);
  }

  async #setPasswordSlot(userId: string, password: string): Promise<void> {
    if (!this.#content) return; // No owner yet: nothing is sealed, there is no key to wrap.
    const privateKey = this.#requireOpen();
    const slot = await wrapWithSecret({ kind: 'password', userId }, password, privateKey, Buffer.from(this.#content.publicKey, 'base64'), this.#slotCost);
    this.#write([...this.#slots().filter((s) => !(s.kind === 'password' && s.userId === userId)), slot]);
  }

  async #setRecoverySlot(recoveryCode: string): Promise<void> {
    if (!this.#content) return;
    const privateKey = this.#requireOpen();
    const slot = await wrapWithSecret({ kind: 'recovery' }, recoveryCode, privateKey, Buffer.from(this.#content.publicKey, 'base64'), this.#slotCost);
    this.#write([...this.#slots().filter((s) => s.kind !== 'recovery'), slot]);
  }

  #requireOpen(): Buffer {
    if (this.#privateKey) return this.#privateKey;
    throw new AppError('FORBIDDEN', 'The encrypted files are locked, so no password can be added to their keys now. Sign in again, then try once more.');
  }

  #keychainSlot(privateKey: Buffer): Slot | null {
    if (!this.#protector?.available()) return null;
    return { kind: 'keychain', protected: this.#protector.protect(privateKey).toString('base64') };
  }

  #slots(): Slot[] {
    return this.#content?.slots ?? [];
  }

  #write(slots: Slot[]): void {
    if (!this.#content) return;
    this.#content = { ...this.#content, slots };
    this.#persist();
  }

  #unlocked(privateKey: Buffer): void {
    const wasOpen = this.#privateKey !== null;
    const publicKey = publicKeyOf(privateKey);
    this.#privateKey = privateKey;
    this.#opening = { keyId: keyIdOf(publicKey), privateKey: privateKeyFrom(privateKey), publicKey: publicKey as KeyObject };
    if (!wasOpen) for (const listener of this.#unlockListeners) listener();
  }

  #load(): void {
    if (!existsSync(this.file)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      this.#problem = `the keyring (${this.file}) cannot be read. Restore it from a copy of the data folder, or sign in and use the recovery code.`;
      return;
    }
    const result = keyringFileSchema.safeParse(parsed);
    if (!result.success) {
      this.#problem = `the keyring (${this.file}) is damaged. Restore it from a copy of the data folder.`;
      return;
    }
    this.#content = result.data;
    // The desktop app opens the key with the keychain as it starts; a keychain that no longer opens it is ignored.
    const keychain = result.data.slots.find((s) => s.kind === 'keychain');
    if (keychain && keychain.kind === 'keychain' && this.#protector?.available()) {
      try {
        const privateKey = this.#protector.unprotect(Buffer.from(keychain.protected, 'base64'));
        if (rawPublic(publicKeyOf(privateKey)).equals(Buffer.from(result.data.publicKey, 'base64'))) this.#unlocked(privateKey);
      } catch {
        // Locked until a password opens it.
      }
    }
  }

  #setAside(): void {
    if (!existsSync(this.file)) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    renameDurably(this.file, join(dirname(this.file), `keyring-${stamp}.json`));
  }

  /** Written whole (temporary name, flushed, renamed), readable by this user only. */
  #persist(): void {
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.#content, null, 2)}\n`, { mode: 0o600 });
    flushFile(temporary);
    renameDurably(temporary, this.file);
  }
}
