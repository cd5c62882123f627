import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { bufferIo, expectPlain } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-core';

let dir: ReturnType<typeof tempDir>;
let out: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  out = tempDir();
});
afterEach(() => {
  dir.remove();
  out.remove();
});

const harmony = async (...args: string[]) => {
  const io = bufferIo();
  const code = await runCli([...args, '--data-dir', dir.path], io);
  return { code, ...io };
};

const peopleIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  const n = db.prepare('SELECT count(*) FROM people').pluck().get();
  db.close();
  return n;
};

describe('harmony backup', { timeout: 60_000 }, () => {
  // The sample fleet through the command line: past the 10 s a hook gets by default on a busy machine.
  beforeEach(async () => {
    expect((await harmony('demo')).code).toBe(0);
  }, 60_000);

  it('takes a backup into the backups folder, and copies it to a file or a folder', async () => {
    const plain = await harmony('backup');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^Backup saved: .*backups.*harmony-\d{8}-\d{6}-\d{3}-manual\.db \(\d+ people, 4 vessels/);

    const file = join(out.path, 'yacht.db');
    const copied = await harmony('backup', file);
    expect(copied.code).toBe(0);
    expect(peopleIn(file)).toBeGreaterThan(50);

    expect((await harmony('backup', out.path)).code).toBe(0);
    expect(readdirSync(out.path).sort()).toEqual(['harmony-backup.db', 'yacht.db']);
  });

  it('refuses to overwrite a file unless told to, in plain words', async () => {
    const file = join(out.path, 'precious.db');
    writeFileSync(file, 'the only copy of something');
    const refused = await harmony('backup', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${file} already exists. Add --force to replace it.\n`);
    expectPlain(refused.stderr);
    expect(readFileSync(file, 'utf8')).toBe('the only copy of something');
    // Refused before the backup was taken.
    expect(existsSync(join(dir.path, 'backups')) ? readdirSync(join(dir.path, 'backups')) : []).toEqual([]);

    expect((await harmony('backup', file, '--force')).code).toBe(0);
    expect(peopleIn(file)).toBeGreaterThan(50);
  });

  it('says a folder is missing', async () => {
    const missing = join(out.path, 'no-such-folder');
    const result = await harmony('backup', join(missing, 'b.db'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`The folder ${missing} does not exist.\n`);
  });

  it('lists the backups with what they hold', async () => {
    await harmony('backup');
    const listed = await harmony('backup', '--list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^harmony-\d{8}-\d{6}-\d{3}-manual\.db {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC {2}manual +\d+ people, 4 vessels, [\d.]+ [KM]B$/m);
  });
});

describe('harmony restore', { timeout: 60_000 }, () => {
  it('restores a backup by id, and a file after checking it', async () => {
    await harmony('demo');
    const taken = await harmony('backup', join(out.path, 'fleet.db'));
    const id = /as (harmony-\S+\.db)\./.exec(taken.stdout)![1]!;
    // A fresh data folder: restore the file there, then the backup by its id.
    const other = tempDir();
    try {
      const fromFile = await runCli(['restore', join(out.path, 'fleet.db'), '--data-dir', other.path], bufferIo());
      expect(fromFile).toBe(0);
      expect(peopleIn(join(other.path, 'harmony.db'))).toBeGreaterThan(50);
    } finally {
      other.remove();
    }
    const byId = await harmony('restore', id);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toMatch(/^Restored harmony-.*manual\.db\. The database as it was is kept as backup harmony-.*before-restore\.db\.$/m);
  });

  it('refuses what is not a Harmony database, and what does not exist, in plain words', async () => {
    await harmony('demo');
    const text = await harmony('restore', '/etc/passwd');
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^\/etc\/passwd cannot be restored: it is not a Harmony Crew database/);
    expectPlain(text.stderr);
    const nothing = await harmony('restore', join(out.path, 'nothing.db'));
    expect(nothing.stderr).toMatch(/There is no backup or file named .*nothing\.db/);
    expect((await harmony('backup', '--list')).stdout).not.toMatch(/imported/);
  });
});
