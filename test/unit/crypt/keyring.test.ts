import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialEvent } from '../../../src/core/auth/credential-events';
import { Keyring, keyringFileOf } from '../../../src/core/crypt/keyring';
import { openBytes, sealBytes } from '../../../src/core/crypt/sealed-format';
import { CHEAP_SLOT_COST, OWNER, testKeychain } from '../../helpers/keys';
import { tempDir } from '../../helpers/temp-core';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function folder(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
}

const open = (dataDir: string, protector = null as ReturnType<typeof testKeychain> | null) =>
  new Keyring(keyringFileOf(dataDir), { slotCost: CHEAP_SLOT_COST, protector });

async function withOwner(dataDir: string, protector: ReturnType<typeof testKeychain> | null = null): Promise<Keyring> {
  const keyring = open(dataDir, protector);
  await keyring.handle({ kind: 'owner-created', ...OWNER });
  return keyring;
}

/** A file sealed now, to check later which keys open it. */
function sealedBy(keyring: Keyring): Buffer {
  return sealBytes(Buffer.from('medical certificate, ENG1'), keyring.recipient()!);
}
const opens = (keyring: Keyring, sealed: Buffer) => openBytes(sealed, keyring.openingKeys()).toString() === 'medical certificate, ENG1';

const signIn = (keyring: Keyring, userId: string, password: string) => keyring.handle({ kind: 'signed-in', userId, password });

describe('the keyring', () => {
  it('is absent until the owner exists; the owner makes the data key, kept private in keyring.json', async () => {
    const dir = folder();
    expect(open(dir).state()).toBe('absent');
    expect(open(dir).recipient()).toBeNull();
    const keyring = await withOwner(dir);
    expect(keyring.state()).toBe('unlocked');
    expect(statSync(keyringFileOf(dir)).mode & 0o777).toBe(0o600);
    const text = readFileSync(keyringFileOf(dir), 'utf8');
    expect(text).not.toContain(OWNER.password);
    expect(text).not.toContain(OWNER.recoveryCode);
    expect(JSON.parse(text).slots.map((s: { kind: string }) => s.kind)).toEqual(['password', 'recovery']);
  });

  it('opens after a restart with the owner’s password only, and says in words that it is locked until then', async () => {
    const dir = folder();
    const sealed = sealedBy(await withOwner(dir));
    const later = open(dir);
    expect(later.state()).toBe('locked');
    expect(() => later.openingKeys()).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: 'The stored files are encrypted and locked: sign in again (or unlock) with your password to open them.' }));
    await signIn(later, OWNER.userId, 'not the password');
    await signIn(later, 'someone-else', OWNER.password);
    expect(later.state()).toBe('locked');
    await signIn(later, OWNER.userId, OWNER.password);
    expect(later.state()).toBe('unlocked');
    expect(opens(later, sealed)).toBe(true);
  });

  it('gives each added user a slot their password opens; a reset rewraps it and the old password no longer opens', async () => {
    const dir = folder();
    const keyring = await withOwner(dir);
    const sealed = sealedBy(keyring);
    await keyring.handle({ kind: 'user-created', userId: 'captain', password: 'captain password 1' });
    let later = open(dir);
    await signIn(later, 'captain', 'captain password 1');
    expect(opens(later, sealed)).toBe(true);

    await later.handle({ kind: 'password-set', userId: 'captain', password: 'captain password 2' });
    later = open(dir);
    await signIn(later, 'captain', 'captain password 1');
    expect(later.state()).toBe('locked');
    await signIn(later, 'captain', 'captain password 2');
    expect(opens(later, sealed)).toBe(true);

    await later.handle({ kind: 'user-removed', userId: 'captain' });
    later = open(dir);
    await signIn(later, 'captain', 'captain password 2');
    expect(later.state()).toBe('locked');
  });

  it('opens with the recovery code when the owner sets a new password with it, and a new code replaces the old', async () => {
    const dir = folder();
    const sealed = sealedBy(await withOwner(dir));
    const later = open(dir);
    await later.handle({ kind: 'password-set', userId: OWNER.userId, password: 'a brand new password', recoveryCode: 'wrong code' }).catch(() => undefined);
    expect(later.state()).toBe('locked');
    await later.handle({ kind: 'password-set', userId: OWNER.userId, password: 'a brand new password', recoveryCode: OWNER.recoveryCode });
    expect(opens(later, sealed)).toBe(true);
    await later.handle({ kind: 'recovery-code-set', recoveryCode: 'NEW-CODE-5555' });

    const again = open(dir);
    await again.handle({ kind: 'password-set', userId: OWNER.userId, password: 'another one', recoveryCode: OWNER.recoveryCode }).catch(() => undefined);
    expect(again.state()).toBe('locked');
    await signIn(again, OWNER.userId, 'a brand new password');
    expect(opens(again, sealed)).toBe(true);
    const third = open(dir);
    await third.handle({ kind: 'password-set', userId: OWNER.userId, password: 'another one', recoveryCode: 'NEW-CODE-5555' });
    expect(opens(third, sealed)).toBe(true);
  });

  it('refuses to add a password while locked: a password is never set that cannot open the files', async () => {
    const dir = folder();
    await withOwner(dir);
    const later = open(dir);
    const before = readFileSync(keyringFileOf(dir), 'utf8');
    for (const event of [
      { kind: 'user-created', userId: 'bosun', password: 'bosun password' },
      { kind: 'password-set', userId: OWNER.userId, password: 'without knowing the old one' },
      { kind: 'recovery-code-set', recoveryCode: 'ANY-CODE' },
    ] satisfies CredentialEvent[]) {
      await expect(later.handle(event)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(readFileSync(keyringFileOf(dir), 'utf8')).toBe(before);
  });

  it('brings a user’s slot up to date when they sign in while the key is open (after a restore of an older database)', async () => {
    const dir = folder();
    const keyring = await withOwner(dir);
    const sealed = sealedBy(keyring);
    // The restored database knows the captain with the password of its time; their slot is of another one, or gone.
    await signIn(keyring, 'captain', 'password of the restored database');
    const later = open(dir);
    await signIn(later, 'captain', 'password of the restored database');
    expect(opens(later, sealed)).toBe(true);
  });

  it('opens with the OS keychain as it starts, and not with another login’s keychain', async () => {
    const dir = folder();
    const keychain = testKeychain();
    const sealed = sealedBy(await withOwner(dir, keychain));
    expect(open(dir, keychain).state()).toBe('unlocked');
    expect(opens(open(dir, keychain), sealed)).toBe(true);
    expect(open(dir, testKeychain()).state()).toBe('locked');
    expect(open(dir).state()).toBe('locked');
  });

  it('adds the keychain slot when the desktop app first opens a keyring the command line made', async () => {
    const dir = folder();
    await withOwner(dir);
    const keychain = testKeychain();
    const desktop = open(dir, keychain);
    expect(desktop.state()).toBe('locked');
    await signIn(desktop, OWNER.userId, OWNER.password);
    expect(open(dir, keychain).state()).toBe('unlocked');
  });

  it('keeps the key when an owner is created again while it is open; keeps the old keyring aside when it is not', async () => {
    const dir = folder();
    const first = await withOwner(dir);
    const sealed = sealedBy(first);
    await first.handle({ kind: 'owner-created', userId: 'owner-2', password: 'second owner pw', recoveryCode: 'CODE-2' });
    const later = open(dir);
    await signIn(later, 'owner-2', 'second owner pw');
    expect(opens(later, sealed)).toBe(true);

    const locked = open(dir);
    await locked.handle({ kind: 'owner-created', userId: 'owner-3', password: 'third owner pw', recoveryCode: 'CODE-3' });
    expect(readdirSync(dir).filter((name) => name.startsWith('keyring-'))).toHaveLength(1);
    expect(() => openBytes(sealed, locked.openingKeys())).toThrow(expect.objectContaining({ problem: 'other-key' }));
  });

  it('says what is wrong with a damaged keyring file instead of starting a new key over it', async () => {
    const dir = folder();
    await withOwner(dir);
    writeFileSync(keyringFileOf(dir), '{"format":1,"publicKey":"%%%","slots":[]}');
    const damaged = open(dir);
    expect(damaged.state()).toBe('locked');
    expect(() => damaged.openingKeys()).toThrow(/keyring .* is damaged/);
    expect(join(dir, 'keyring.json')).toBe(keyringFileOf(dir));
  });

  it('opens with any user’s password or the recovery code without knowing whose (recovery mode, accounts unreadable)', async () => {
    const dir = folder();
    const keyring = await withOwner(dir);
    const sealed = sealedBy(keyring);
    await keyring.handle({ kind: 'user-created', userId: 'admin', password: 'admin password' });
    for (const secret of ['admin password', OWNER.password, OWNER.recoveryCode.toLowerCase()]) {
      const later = open(dir);
      expect(await later.unlockWithSecret('nobody’s password')).toBe(false);
      expect(await later.unlockWithSecret(secret)).toBe(true);
      expect(opens(later, sealed)).toBe(true);
    }
  });
});
