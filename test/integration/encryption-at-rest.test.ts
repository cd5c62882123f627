import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/core/core';
import { isSealedFile } from '../../src/core/crypt/sealed-format';
import { importBackupFile } from '../../src/core/db/backup-import';
import { backupDatabase } from '../../src/core/db/backups';
import { personInput } from '../helpers/fleet';
import { testKeychain } from '../helpers/keys';
import { addUser, OWNER, ownerCore, TEST_PASSWORD_COST, tempDir, type TempCore } from '../helpers/temp-core';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

function folder(): string {
  const dir = tempDir('harmony-crypt-');
  cleanups.push(() => dir.remove());
  return dir.path;
}

/** A core whose calls sign as the owner (created through auth.createOwner on the first call). */
function start(dataDir: string, options: Omit<CoreOptions, 'dataDir'> = {}): TempCore {
  const core = ownerCore(dataDir, options) as TempCore;
  cleanups.push(() => core.close());
  return core;
}

/** A core as the app starts: nobody signed in in this process, so the keyring is locked. */
function restart(dataDir: string, options: Omit<CoreOptions, 'dataDir'> = {}): Core {
  const core = createCore({ validateOutput: true, passwordCost: TEST_PASSWORD_COST, ...options, dataDir });
  cleanups.push(() => core.close());
  return core;
}

/** Words that must never be on the disk in the clear, in a "scan". */
const SCAN_TEXT = 'P<GBRSMITH<<JOHN<PETER<<<<<<<<<<<<<<<<<<<<<<< medical: fit for sea service';
const photo = () => sharp({ create: { width: 640, height: 480, channels: 3, background: '#80a0c0' } }).png().toBuffer();
const LOCKED = 'The stored files are encrypted and locked: sign in again (or unlock) with your password to open them.';

/** Every file under the data folder whose bytes contain `needle`. */
function filesContaining(dataDir: string, needle: Buffer): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (readFileSync(path).includes(needle)) found.push(path);
    }
  };
  walk(dataDir);
  return found;
}

const blobFiles = (dataDir: string): string[] =>
  existsSync(join(dataDir, 'files')) ? readdirSync(join(dataDir, 'files')).flatMap((d) => readdirSync(join(dataDir, 'files', d)).map((f) => join(dataDir, 'files', d, f))) : [];

describe('encryption at rest', () => {
  it('stores scans and photos sealed: no plaintext on disk, unreadable without the key, readable after sign-in', async () => {
    const dir = folder();
    const core = start(dir);
    const person = await core.call('people.create', personInput());
    const scanHash = core.state.files.put(Buffer.from(SCAN_TEXT));
    await core.call('people.setPhoto', { id: person.id, contentBase64: (await photo()).toString('base64') });
    const { dataUrl } = await core.call('people.photo', { id: person.id });
    const jpeg = Buffer.from(dataUrl!.split(',')[1]!, 'base64');
    const token = await core.ownerToken();

    expect(blobFiles(dir)).toHaveLength(2);
    for (const file of blobFiles(dir)) expect(isSealedFile(file)).toBe(true);
    expect(filesContaining(dir, Buffer.from('SMITH<<JOHN'))).toEqual([]);
    expect(filesContaining(dir, jpeg.subarray(200, 260))).toEqual([]);
    await core.close();

    // The app starts again; the session survived, the key did not: reading a stored file says so in words.
    const later = restart(dir);
    expect(later.state.keyring.state()).toBe('locked');
    expect(await later.dispatch('people.photo', { id: person.id }, { session: token })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: LOCKED } });
    expect(() => later.state.files.get(scanHash)).toThrow(LOCKED);

    await later.call('auth.unlock', { password: OWNER.password }, { session: token });
    expect(later.state.files.get(scanHash).toString()).toBe(SCAN_TEXT);
    expect((await later.withSession(token).call('people.photo', { id: person.id })).dataUrl).toBe(dataUrl);
  });

  it('keeps the content address over the plaintext: the same scan is stored once, under the hash of its content', async () => {
    const core = start(folder());
    await core.ownerToken();
    const first = core.state.files.put(Buffer.from(SCAN_TEXT));
    expect(core.state.files.put(Buffer.from(SCAN_TEXT))).toBe(first);
    expect(blobFiles(core.dataDir)).toHaveLength(1);
    // A sealed file swapped for another sealed file is caught by the hash of what it opens to.
    const other = core.state.files.put(Buffer.from('another document'));
    writeFileSync(core.state.files.pathOf(first), readFileSync(core.state.files.pathOf(other)));
    expect(() => core.state.files.get(first)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
  });

  it('refuses a tampered stored file in words', async () => {
    const core = start(folder());
    await core.ownerToken();
    const hash = core.state.files.put(Buffer.from(SCAN_TEXT));
    const bytes = readFileSync(core.state.files.pathOf(hash));
    bytes[bytes.length - 20]! ^= 0xff;
    writeFileSync(core.state.files.pathOf(hash), bytes);
    expect(() => core.state.files.get(hash)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringMatching(/altered or damaged/) }));
  });

  it('opens with each user’s password, and files stay readable after the owner resets a password', async () => {
    const dir = folder();
    const core = start(dir);
    const hash = core.state.files.put(Buffer.from(SCAN_TEXT));
    const captain = await addUser(core, { role: 'captain' });
    await core.call('users.resetPassword', { id: captain.user.id, newPassword: 'reset by the owner' });
    await core.close();

    for (const [username, password] of [
      [captain.user.username, 'reset by the owner'],
      [OWNER.username, OWNER.password],
    ] as const) {
      const later = restart(dir);
      await later.signIn(username, password);
      expect(later.state.files.get(hash).toString()).toBe(SCAN_TEXT);
      await later.close();
    }
  });

  it('seals backups, lists them without the key, restores them once unlocked, and refuses while locked', async () => {
    const dir = folder();
    const core = start(dir);
    await core.call('people.create', personInput({ surname: 'Backed-Up', givenNames: 'Bea', email: null }));
    const backup = await core.call('backups.create', {});
    const file = join(core.state.backupsDir, backup.id);
    expect(isSealedFile(file)).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(readFileSync(file).includes(Buffer.from('Backed-Up'))).toBe(false);
    expect(backup.contents).toEqual({ people: 1, vessels: 0 });
    await core.call('people.create', personInput({ surname: 'Later', givenNames: 'Lou', email: null }));
    const token = await core.ownerToken();
    await core.close();

    const restarted = restart(dir);
    const later = restarted.withSession(token);
    expect((await later.call('backups.list', {})).find((b) => b.id === backup.id)?.contents).toEqual({ people: 1, vessels: 0 });
    await expect(later.call('backups.restore', { id: backup.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: LOCKED });
    expect((await later.call('people.list', {})).total).toBe(2);
    await later.call('auth.unlock', { password: OWNER.password });
    const outcome = await later.call('backups.restore', { id: backup.id });
    // The restore ends the sessions of the database it brings back: the owner signs in again.
    const again = await restarted.signIn(OWNER.username, OWNER.password);
    expect((await again.call('people.list', {})).rows.map((r) => r.surname)).toEqual(['Backed-Up']);
    // The database as it was before the restore is kept, sealed too.
    expect(isSealedFile(join(dir, 'backups', outcome.previous!))).toBe(true);
  });

  it('refuses a backup sealed by another data folder in words', async () => {
    const elsewhere = start(folder());
    const foreign = await elsewhere.call('backups.create', {});
    const here = start(folder());
    await here.ownerToken();
    expect(() => importBackupFile(here.state.backupsDir, join(elsewhere.state.backupsDir, foreign.id), here.state.keyring)).toThrow(/key of another data folder/);
  });

  it('migrates a data folder from before encryption: a backup first, then every scan, photo and backup sealed', async () => {
    const dir = folder();
    const before = restart(dir);
    const scanHash = before.state.files.put(Buffer.from(SCAN_TEXT));
    const photoBytes = await photo();
    const photoHash = before.state.files.put(photoBytes);
    const oldBackup = backupDatabase(before.state.requireDatabase().sqlite, before.state.backupsDir, 'manual', before.state.keyring);
    expect(isSealedFile(join(before.state.backupsDir, oldBackup.id))).toBe(false);
    await before.close();

    const core = start(dir);
    const progress: number[] = [];
    core.events.subscribe((event, payload) => {
      const task = payload as { taskId?: string; done?: number };
      if (event === 'task.progress' && task.taskId === 'encrypt-files-at-rest') progress.push(task.done!);
    });
    await core.ownerToken();
    while (core.state.keyring.mayHavePlainFiles()) await new Promise((resolve) => setTimeout(resolve, 10));
    const backups = await core.call('backups.list', {});
    expect(backups.map((b) => b.reason)).toContain('before-encryption');
    for (const file of [...blobFiles(dir), ...backups.map((b) => join(dir, 'backups', b.id))]) expect(isSealedFile(file)).toBe(true);
    expect(filesContaining(dir, Buffer.from('SMITH<<JOHN'))).toEqual([]);
    expect(core.state.files.get(scanHash).toString()).toBe(SCAN_TEXT);
    expect(core.state.files.get(photoHash).equals(photoBytes)).toBe(true);
    expect(backups.find((b) => b.id === oldBackup.id)?.contents).toEqual({ people: 0, vessels: 0 });
    expect(progress.at(-1)).toBe(3);
    // Done once: the keyring remembers, and the next start does not look again.
    expect(JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).allFilesSealed).toBe(true);
  });

  it('opens with the OS keychain in the desktop app as it starts', async () => {
    const dir = folder();
    const keychain = testKeychain();
    const core = start(dir, { keyProtector: keychain });
    await core.ownerToken();
    const hash = core.state.files.put(Buffer.from(SCAN_TEXT));
    await core.close();
    expect(restart(dir, { keyProtector: keychain }).state.files.get(hash).toString()).toBe(SCAN_TEXT);
    expect(restart(dir).state.keyring.state()).toBe('locked');
  });

  it('the owner recovers with the recovery code while nobody is signed in, and the files open with the new password', async () => {
    const dir = folder();
    const first = start(dir);
    const hash = first.state.files.put(Buffer.from(SCAN_TEXT));
    const recoveryCode = await first.recoveryCode();
    await first.close();

    const second = restart(dir);
    expect(second.state.keyring.state()).toBe('locked');
    // Typed in lower case: accounts and the keyring read a code the same way.
    await second.call('auth.recover', { recoveryCode: recoveryCode.toLowerCase(), newPassword: 'a new owner password' });
    expect(second.state.keyring.state()).toBe('unlocked');
    await second.close();

    const third = restart(dir);
    await third.signIn(OWNER.username, 'a new owner password');
    expect(third.state.files.get(hash).toString()).toBe(SCAN_TEXT);
  });

  it('makes the data folder private: folders 0700, files 0600, including those an earlier version left open', async () => {
    const dir = folder();
    const first = start(dir);
    await first.call('people.create', personInput());
    first.state.files.put(Buffer.from(SCAN_TEXT));
    await first.call('backups.create', {});
    await first.close();
    // As an earlier version (or the system's defaults) left them.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'harmony.db'), 0o644);
    chmodSync(join(dir, 'files'), 0o755);
    for (const file of blobFiles(dir)) chmodSync(file, 0o644);
    writeFileSync(join(dir, 'left-by-hand.txt'), 'x', { mode: 0o644 });

    const core = start(dir);
    await core.call('people.create', personInput({ email: null, surname: 'Second' }));
    const modes: Array<[string, number]> = [];
    const walk = (path: string) => {
      const stat = statSync(path);
      modes.push([path, stat.mode & 0o777]);
      if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    };
    walk(dir);
    const names = modes.map(([path]) => path.slice(dir.length));
    for (const expected of ['/harmony.db', '/harmony.db-wal', '/harmony.db-shm', '/keyring.json', '/files', '/backups', '/left-by-hand.txt']) expect(names).toContain(expected);
    for (const [path, mode] of modes) expect([path, mode]).toEqual([path, statSync(path).isDirectory() ? 0o700 : 0o600]);
  });
});
