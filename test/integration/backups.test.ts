import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBackupFile } from '../../src/core/db/backup-import';
import { openDatabase } from '../../src/core/db/database';
import { resourcesDir } from '../../src/core/paths';
import { personInput } from '../helpers/fleet';
import { tempCore, tempDir } from '../helpers/temp-core';
import { plainCopyOfBackup } from '../helpers/keys';

let core: ReturnType<typeof tempCore>;
let scratch: ReturnType<typeof tempDir>;
beforeEach(async () => {
  core = tempCore();
  scratch = tempDir();
  for (const [i, name] of ['Ana', 'Bo', 'Cy'].entries()) {
    await core.call('people.create', personInput({ givenNames: name, email: `${name.toLowerCase()}@example.org`, dateOfBirth: `199${i}-01-01` }));
  }
});
afterEach(async () => {
  await core.dispose();
  scratch.remove();
});

const people = async () => (await core.call('people.list', { archived: 'include' })).total;
const backupsDir = () => join(core.dataDir, 'backups');
const backupIds = () => (existsSync(backupsDir()) ? readdirSync(backupsDir()).sort() : []);
const ID = 'harmony-20260101-120000-000-manual.db';

/** Puts `file` in the backups folder under a valid backup id, as a person (or an attacker) with disk access could. */
function plant(file: string, id = ID): string {
  mkdirSync(backupsDir(), { recursive: true });
  copyFileSync(file, join(backupsDir(), id));
  return id;
}

/** An empty Harmony database of the current schema, made by another core. */
async function emptyHarmonyDatabase(): Promise<string> {
  const other = tempCore();
  const backup = await other.call('backups.create', {});
  const file = plainCopyOfBackup(other, backup.id, join(scratch.path, 'empty.db'));
  await other.dispose();
  return file;
}

describe('backups are named, never pathed', () => {
  it('refuses a path where an id belongs, and replaces nothing', async () => {
    const result = await core.dispatch('backups.restore', { file: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const id of ['../harmony.db', '/etc/passwd', `${ID}/../../harmony.db`, '..\\harmony.db', `backups/${ID}`, `${ID}\0`, 'harmony.db']) {
      expect(await core.dispatch('backups.restore', { id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await people()).toBe(3);
    expect(backupIds()).toEqual([]);
  });

  it('writes a backup only into the backups folder', async () => {
    const target = join(scratch.path, 'stolen.db');
    expect(await core.dispatch('backups.create', { file: target })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(existsSync(target)).toBe(false);
    const backup = await core.call('backups.create', {});
    expect(backupIds()).toEqual([backup.id]);
    expect(backup).toMatchObject({ reason: 'manual', contents: { people: 3, vessels: 0 } });
    if (process.platform !== 'win32') expect(statSync(join(backupsDir(), backup.id)).mode & 0o777).toBe(0o600);
  });

  it('says a backup is missing without saying anything about files elsewhere', async () => {
    const result = await core.dispatch('backups.restore', { id: ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('There is no backup') } });
  });
});

describe('a file that is not a Harmony database of a known schema version is refused before anything is touched', () => {
  const cases: Array<[string, () => Promise<string> | string, RegExp]> = [
    ['a text file', () => '/etc/passwd', /not an SQLite database/],
    ['an empty file (a copy of /dev/null)', () => (writeFileSync(join(scratch.path, 'empty'), ''), join(scratch.path, 'empty')), /empty/],
    [
      "another program's SQLite database",
      () => {
        const file = join(scratch.path, 'other.db');
        const db = new Database(file);
        db.exec('CREATE TABLE notes (body text)');
        db.close();
        return file;
      },
      /no schema version/,
    ],
    [
      'a backup cut short',
      async () => {
        await core.call('demo.load', {});
        const backup = await core.call('backups.create', {});
        const file = plainCopyOfBackup(core, backup.id, join(scratch.path, 'cut.db'));
        truncateSync(file, Math.floor(statSync(file).size / 2));
        return file;
      },
      /damaged|cannot be opened/,
    ],
    [
      'a database from a newer version',
      async () => {
        const file = await emptyHarmonyDatabase();
        const db = new Database(file);
        db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.now() + 1e9);
        db.close();
        return file;
      },
      /newer version of Harmony Crew/,
    ],
    [
      'a Harmony database with a trigger of its own',
      async () => {
        const file = await emptyHarmonyDatabase();
        const db = new Database(file);
        db.exec('CREATE TRIGGER wipe AFTER INSERT ON people BEGIN DELETE FROM people; END');
        db.close();
        return file;
      },
      /unexpected trigger wipe/,
    ],
    [
      'a Harmony database missing a table',
      async () => {
        const file = await emptyHarmonyDatabase();
        const db = new Database(file);
        db.exec('PRAGMA foreign_keys = OFF; DROP TABLE documents');
        db.close();
        return file;
      },
      /missing table documents/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, reason) => {
    const file = await make();
    const before = await people();
    const backupsBefore = backupIds();
    const id = plant(file);
    const result = await core.dispatch('backups.restore', { id });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(reason) } });
    // Untouched: the same data, no backup taken, nothing left beside the database.
    expect(await people()).toBe(before);
    expect(backupIds()).toEqual([...backupsBefore, id].sort());
    expect(readdirSync(core.dataDir).filter((name) => name.includes('restoring'))).toEqual([]);
    // The same file picked in a dialog (or named to `harmony restore`) never reaches the backups folder.
    expect(() => importBackupFile(backupsDir(), file)).toThrow(reason);
    expect(backupIds()).toEqual([...backupsBefore, id].sort());
  });

  it('refuses a link planted in the backups folder', async () => {
    mkdirSync(backupsDir(), { recursive: true });
    symlinkSync('/etc/passwd', join(backupsDir(), ID));
    expect(await core.dispatch('backups.restore', { id: ID })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await core.call('backups.list', {})).map((b) => b.id)).not.toContain(ID);
  });

  it('restores a backup of an older schema version and upgrades it', async () => {
    const migrations = join(scratch.path, 'migrations');
    cpSync(join(resourcesDir(), 'migrations'), migrations, { recursive: true });
    const journalFile = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    const shipped = journal.entries.length;
    journal.entries.pop();
    writeFileSync(journalFile, JSON.stringify(journal));
    const old = openDatabase({ file: join(scratch.path, 'old.db'), migrationsFolder: migrations });
    old.sqlite.pragma('journal_mode = DELETE');
    old.close();

    const imported = importBackupFile(backupsDir(), join(scratch.path, 'old.db'));
    expect(imported).toMatchObject({ reason: 'imported', contents: { people: 0, vessels: 0 } });
    const outcome = await core.call('backups.restore', { id: imported.id });
    expect(outcome.previous).toMatch(/before-restore/);
    expect(await core.call('system.health', {})).toMatchObject({ database: 'ok' });
    expect((await core.call('system.info', {})).migrationsApplied).toBe(shipped);
    expect(await people()).toBe(0);
  });
});

describe('restore', () => {
  it('keeps the database as it was, tells every window, and can be undone', async () => {
    const empty = importBackupFile(backupsDir(), await emptyHarmonyDatabase());
    const changed: string[][] = [];
    const off = core.events.subscribe((event, payload) => event === 'data.changed' && changed.push((payload as { scopes: string[] }).scopes));
    const { previous } = await core.call('backups.restore', { id: empty.id });
    off();
    expect(changed).toEqual([['']]);
    expect(await people()).toBe(0);
    await core.call('backups.restore', { id: previous! });
    expect(await people()).toBe(3);
  });

  it('is refused while another program has the database open, and leaves it working', async () => {
    const backup = await core.call('backups.create', {});
    const browser = new Database(join(core.dataDir, 'harmony.db'));
    try {
      browser.prepare('SELECT count(*) FROM people').get();
      const refused = await core.dispatch('backups.restore', { id: backup.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'DB_LOCKED', message: 'Another program has the database open. Close it, then restore.' } });
      await core.call('people.create', personInput({ givenNames: 'Dee', email: 'dee@example.org' }));
      expect(await people()).toBe(4);
    } finally {
      browser.close();
    }
    await core.call('backups.restore', { id: backup.id });
    expect(await people()).toBe(3);
  });

  it('never prunes the last backups that hold data, however many empty restores follow', async () => {
    const empty = importBackupFile(backupsDir(), await emptyHarmonyDatabase());
    for (let i = 0; i < 12; i += 1) await core.call('backups.restore', { id: empty.id });
    const backups = await core.call('backups.list', {});
    const beforeRestore = backups.filter((b) => b.reason === 'before-restore');
    // Ten automatic backups of each kind are kept, plus the one that still holds the crew.
    expect(beforeRestore).toHaveLength(11);
    const withCrew = backups.filter((b) => b.contents !== null && b.contents.people > 0);
    expect(withCrew).toHaveLength(1);
    await core.call('backups.restore', { id: withCrew[0]!.id });
    expect(await people()).toBe(3);
  });
});
