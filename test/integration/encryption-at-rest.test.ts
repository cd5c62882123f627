import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/core';
import { isSealedFile } from '../../src/core/crypt/sealed-format';
import { personInput } from '../helpers/fleet';
import { CHEAP_SLOT_COST, createOwner, OWNER, sealingDone, testKeychain } from '../helpers/keys';
import { tempDir } from '../helpers/temp-core';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

function folder(): string {
  const dir = tempDir('harmony-crypt-');
  cleanups.push(() => dir.remove());
  return dir.path;
}

function start(dataDir: string, options: Parameters<typeof createCore>[0] = {}): Core {
  const core = createCore({ dataDir, validateOutput: true, keySlotCost: CHEAP_SLOT_COST, ...options });
  cleanups.push(() => core.close());
  return core;
}

/** A photo whose JPEG bytes we know, and a "scan" with words that must never be on the disk in the clear. */
const SCAN_TEXT = 'P<GBRSMITH<<JOHN<PETER<<<<<<<<<<<<<<<<<<<<<<< medical: fit for sea service';
const photo = () => sharp({ create: { width: 640, height: 480, channels: 3, background: '#80a0c0' } }).png().toBuffer();

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
    await createOwner(core);
    const person = await core.call('people.create', personInput());
    const scanHash = core.state.files.put(Buffer.from(SCAN_TEXT));
    const jpegBefore = await core.call('people.setPhoto', { id: person.id, contentBase64: (await photo()).toString('base64') });
    const { dataUrl } = await core.call('people.photo', { id: person.id });
    const jpeg = Buffer.from(dataUrl!.split(',')[1]!, 'base64');

    expect(blobFiles(dir)).toHaveLength(2);
    for (const file of blobFiles(dir)) expect(isSealedFile(file)).toBe(true);
    expect(filesContaining(dir, Buffer.from('SMITH<<JOHN'))).toEqual([]);
    expect(filesContaining(dir, jpeg.subarray(200, 260))).toEqual([]);
    await core.close();

    // A new start: the key is locked until someone signs in; reading a stored file says so in words.
    const later = start(dir);
    expect(later.state.keyring.state()).toBe('locked');
    const locked = await later.dispatch('people.photo', { id: person.id });
    expect(locked).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'The stored files are encrypted and locked: sign in to open them.' } });
    expect(() => later.state.files.get(scanHash)).toThrow(/locked: sign in/);

    await later.credentials.emit({ kind: 'signed-in', userId: OWNER.userId, password: OWNER.password });
    expect(later.state.files.get(scanHash).toString()).toBe(SCAN_TEXT);
    expect((await later.call('people.photo', { id: person.id })).dataUrl).toBe(dataUrl);
    expect(later.state.files.has(jpegBefore.photoHash!)).toBe(true);
  });

  it('keeps the content address over the plaintext: the same scan is stored once, under the hash of its content', async () => {
    const core = start(folder());
    await createOwner(core);
    const first = core.state.files.put(Buffer.from(SCAN_TEXT));
    const again = core.state.files.put(Buffer.from(SCAN_TEXT));
    expect(again).toBe(first);
    expect(blobFiles(core.state.dataDir)).toHaveLength(1);
    // A sealed file swapped for another sealed file is caught by the hash of what it opens to.
    const other = core.state.files.put(Buffer.from('another document'));
    writeFileSync(core.state.files.pathOf(first), readFileSync(core.state.files.pathOf(other)));
    expect(() => core.state.files.get(first)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
  });

  it('refuses a tampered stored file in words', async () => {
    const core = start(folder());
    await createOwner(core);
    const hash = core.state.files.put(Buffer.from(SCAN_TEXT));
    const bytes = readFileSync(core.state.files.pathOf(hash));
    bytes[bytes.length - 20]! ^= 0xff;
    writeFileSync(core.state.files.pathOf(hash), bytes);
    expect(() => core.state.files.get(hash)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringMatching(/altered or damaged/) }));
  });

  it('opens with each user’s password, and files stay readable after a password reset', async () => {
    const dir = folder();
    const core = start(dir);
    await createOwner(core);
    const hash = core.state.files.put(Buffer.from(SCAN_TEXT));
    await core.credentials.emit({ kind: 'user-created', userId: 'captain-a', password: 'first captain password' });
    await core.credentials.emit({ kind: 'password-set', userId: 'captain-a', password: 'reset by the owner' });
    await core.close();

    for (const [userId, password] of [
      ['captain-a', 'reset by the owner'],
      [OWNER.userId, OWNER.password],
    ] as const) {
      const later = start(dir);
      await later.credentials.emit({ kind: 'signed-in', userId, password });
      expect(later.state.files.get(hash).toString()).toBe(SCAN_TEXT);
      await later.close();
    }
    const withOld = start(dir);
    await withOld.credentials.emit({ kind: 'signed-in', userId: 'captain-a', password: 'first captain password' });
    expect(() => withOld.state.files.get(hash)).toThrow(/locked/);
  });

  it('seals backups, lists them without the key, restores them once unlocked, and refuses while locked', async () => {
    const dir = folder();
    const core = start(dir);
    await createOwner(core);
    await core.call('people.create', personInput({ surname: 'Backed-Up', givenNames: 'Bea', email: null }));
    const backup = await core.call('backups.create', {});
    const file = join(core.state.backupsDir, backup.id);
    expect(isSealedFile(file)).toBe(true);
    expect(readFileSync(file).includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(readFileSync(file).includes(Buffer.from('Backed-Up'))).toBe(false);
    expect(backup.contents).toEqual({ people: 1, vessels: 0 });
    await core.call('people.create', personInput({ surname: 'Later', givenNames: 'Lou', email: null }));
    await core.close();

    const later = start(dir);
    expect((await later.call('backups.list', {})).find((b) => b.id === backup.id)?.contents).toEqual({ people: 1, vessels: 0 });
    await expect(later.call('backups.restore', { id: backup.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await later.call('people.list', {})).total).toBe(2);
    await later.credentials.emit({ kind: 'signed-in', userId: OWNER.userId, password: OWNER.password });
    const outcome = await later.call('backups.restore', { id: backup.id });
    expect((await later.call('people.list', {})).rows.map((r) => r.surname)).toEqual(['Backed-Up']);
    // The database as it was before the restore is kept, sealed too.
    expect(isSealedFile(join(later.state.backupsDir, outcome.previous!))).toBe(true);
  });

  it('refuses a backup sealed by another data folder in words', async () => {
    const elsewhere = start(folder());
    await createOwner(elsewhere);
    const foreign = await elsewhere.call('backups.create', {});
    const here = start(folder());
    await createOwner(here);
    const { importBackupFile } = await import('../../src/core/db/backup-import');
    expect(() => importBackupFile(here.state.backupsDir, join(elsewhere.state.backupsDir, foreign.id), here.state.keyring)).toThrow(/key of another data folder/);
  });

  it('migrates a data folder from before encryption: a backup first, then every scan, photo and backup sealed', async () => {
    const dir = folder();
    const before = start(dir);
    const person = await before.call('people.create', personInput());
    await before.call('people.setPhoto', { id: person.id, contentBase64: (await photo()).toString('base64') });
    const scanHash = before.state.files.put(Buffer.from(SCAN_TEXT));
    const oldBackup = await before.call('backups.create', {});
    expect(isSealedFile(join(before.state.backupsDir, oldBackup.id))).toBe(false);
    const photoUrl = (await before.call('people.photo', { id: person.id })).dataUrl;
    await before.close();

    const core = start(dir);
    const progress: number[] = [];
    core.events.subscribe((event, payload) => {
      const task = payload as { taskId?: string; done?: number };
      if (event === 'task.progress' && task.taskId === 'encrypt-files-at-rest') progress.push(task.done!);
    });
    await createOwner(core);
    await sealingDone(core);
    const backups = await core.call('backups.list', {});
    expect(backups.map((b) => b.reason)).toContain('before-encryption');
    for (const file of [...blobFiles(dir), ...backups.map((b) => join(core.state.backupsDir, b.id))]) expect(isSealedFile(file)).toBe(true);
    expect(filesContaining(dir, Buffer.from('SMITH<<JOHN'))).toEqual([]);
    expect(core.state.files.get(scanHash).toString()).toBe(SCAN_TEXT);
    expect((await core.call('people.photo', { id: person.id })).dataUrl).toBe(photoUrl);
    expect(backups.find((b) => b.id === oldBackup.id)?.contents).toEqual({ people: 1, vessels: 0 });
    expect(progress.at(-1)).toBe(3);
    // Done once: the keyring remembers, and the next start does not look again.
    expect(JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).allFilesSealed).toBe(true);
  });

  it('opens with the OS keychain in the desktop app as it starts', async () => {
    const dir = folder();
    const keychain = testKeychain();
    const core = start(dir, { keyProtector: keychain });
    await createOwner(core);
    const hash = core.state.files.put(Buffer.from(SCAN_TEXT));
    await core.close();
    expect(start(dir, { keyProtector: keychain }).state.files.get(hash).toString()).toBe(SCAN_TEXT);
    expect(start(dir).state.keyring.state()).toBe('locked');
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
    writeFileSync(join(dir, 'logs-probe'), 'x', { mode: 0o644 });

    const core = start(dir);
    await createOwner(core);
    await core.call('people.create', personInput({ email: null, surname: 'Second' }));
    const modes: Array<[string, number]> = [];
    const walk = (path: string) => {
      const stat = statSync(path);
      modes.push([path, stat.mode & 0o777]);
      if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    };
    walk(dir);
    const names = modes.map(([path]) => path.slice(dir.length));
    for (const expected of ['/harmony.db', '/harmony.db-wal', '/harmony.db-shm', '/keyring.json', '/files', '/backups']) expect(names).toContain(expected);
    for (const [path, mode] of modes) expect([path, mode]).toEqual([path, statSync(path).isDirectory() ? 0o700 : 0o600]);
  });
});

describe('encryption at rest through the accounts', () => {
  it('the owner made by auth.createOwner seals files; a sign-in opens them; auth.recover opens them with the recovery code', async () => {
    const { ownerCore } = await import('../helpers/temp-core');
    const dir = folder();
    const first = ownerCore(dir);
    cleanups.push(() => first.close());
    const person = await first.call('people.create', personInput());
    await first.call('people.setPhoto', { id: person.id, contentBase64: (await photo()).toString('base64') });
    const recoveryCode = await first.recoveryCode();
    const dataUrl = (await first.call('people.photo', { id: person.id })).dataUrl;
    for (const file of blobFiles(dir)) expect(isSealedFile(file)).toBe(true);
    await first.close();

    // Nobody signed in: the owner lost the password and recovers with the code, typed in lower case.
    const second = ownerCore(dir);
    cleanups.push(() => second.close());
    expect(second.state.keyring.state()).toBe('locked');
    await second.unsigned.call('auth.recover', { recoveryCode: recoveryCode.toLowerCase(), newPassword: 'a new owner password' });
    expect(second.state.keyring.state()).toBe('unlocked');
    await second.close();

    const third = createCore({ dataDir: dir, validateOutput: true, passwordCost: { ln: 4, r: 8, p: 1 } });
    cleanups.push(() => third.close());
    const owner = await third.signIn('owner', 'a new owner password');
    expect((await owner.call('people.photo', { id: person.id })).dataUrl).toBe(dataUrl);
  });
});
