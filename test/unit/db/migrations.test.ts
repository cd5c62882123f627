import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/core/db/backup-store';
import { openDatabase } from '../../../src/core/db/database';
import { write } from '../../../src/core/db/writes';
import { resourcesDir } from '../../../src/core/paths';
import { tempDir } from '../../helpers/temp-core';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function workspace() {
  const dir = tempDir();
  dirs.push(dir);
  return { file: join(dir.path, 'harmony.db'), backupsDir: join(dir.path, 'backups'), root: dir.path };
}

describe('openDatabase', () => {
  it('creates and migrates an empty file, with WAL, foreign keys on, and every commit on the disk before it is reported', () => {
    const { file, backupsDir } = workspace();
    const db = openDatabase({ file, backupsDir });
    expect(db.migration.applied).toBe(db.migration.total);
    expect(db.migration.total).toBeGreaterThan(0);
    expect(db.migration.backupId).toBeNull();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // FULL (2): a power cut loses no saved change; docs/data-safety.md has the measurement behind it.
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('re-opens without applying anything or taking a backup', () => {
    const { file, backupsDir } = workspace();
    openDatabase({ file, backupsDir }).close();
    const again = openDatabase({ file, backupsDir });
    expect(again.migration.applied).toBe(0);
    expect(listBackups(backupsDir)).toHaveLength(0);
    again.close();
  });

  it('backs up a database holding data before applying a new migration, and keeps the data', () => {
    const { file, backupsDir, root } = workspace();
    const migrations = join(root, 'migrations');
    cpSync(join(resourcesDir(), 'migrations'), migrations, { recursive: true });
    const first = openDatabase({ file, backupsDir, migrationsFolder: migrations });
    write(first.sqlite, () => first.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 'now')").run());
    first.close();

    const journalFile = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; when: number; tag: string }> };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test' });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(migrations, '9999_test.sql'), 'CREATE TABLE upgrade_probe (id text PRIMARY KEY);');

    const upgraded = openDatabase({ file, backupsDir, migrationsFolder: migrations });
    expect(upgraded.migration.applied).toBe(1);
    expect(upgraded.migration.backupId).not.toBeNull();
    expect(listBackups(backupsDir).map((b) => b.reason)).toEqual(['before-migration']);
    expect(upgraded.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get('k')).toEqual({ value: '1' });
    upgraded.close();
  });

  it('rolls a failing migration back entirely and leaves the data as it was', () => {
    const { file, backupsDir, root } = workspace();
    const migrations = join(root, 'migrations');
    cpSync(join(resourcesDir(), 'migrations'), migrations, { recursive: true });
    openDatabase({ file, backupsDir, migrationsFolder: migrations }).close();

    const journalFile = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; when: number; tag: string }> };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(migrations, '9999_broken.sql'), 'CREATE TABLE half_done (id text);\n--> statement-breakpoint\nTHIS IS NOT SQL;');

    expect(() => openDatabase({ file, backupsDir, migrationsFolder: migrations })).toThrow();
    const reopened = openDatabase({ file, backupsDir });
    expect(reopened.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    reopened.close();
  });

  it('marks existing captains, chief engineers and officers of the watch "must be aboard" when positions gain the flag', () => {
    const { file, backupsDir, root } = workspace();
    const migrations = join(root, 'migrations');
    cpSync(join(resourcesDir(), 'migrations'), migrations, { recursive: true });
    const journalFile = join(migrations, 'meta', '_journal.json');
    const full = readFileSync(journalFile, 'utf8');
    const journal = JSON.parse(full) as { entries: Array<{ tag: string }> };
    const upgrade = journal.entries.findIndex((e) => e.tag.endsWith('_manning'));
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upgrade) }));
    const before = openDatabase({ file, backupsDir, migrationsFolder: migrations });
    before.sqlite.prepare("INSERT INTO vessels (id, name, kind, length_m, flag, use, created_at, updated_at) VALUES ('v', 'Aurora', 'motor', 40, 'MLT', 'private', 'now', 'now')").run();
    const insert = before.sqlite.prepare("INSERT INTO positions (id, vessel_id, department, title, headcount, employment_kind, created_at, updated_at) VALUES (?, 'v', ?, ?, 1, 'permanent', 'now', 'now')");
    for (const [id, department, title] of [['p1', 'deck', 'Captain'], ['p2', 'deck', ' 2nd officer'], ['p3', 'engineering', 'Chief Engineer'], ['p4', 'deck', 'Deckhand'], ['p5', 'interior', 'Chief Stew']]) insert.run(id, department, title);
    before.close();

    writeFileSync(journalFile, full);
    const after = openDatabase({ file, backupsDir, migrationsFolder: migrations });
    expect(after.migration.applied).toBeGreaterThanOrEqual(1);
    const flags = after.sqlite.prepare('SELECT id, must_be_aboard AS m FROM positions ORDER BY id').all();
    expect(flags).toEqual([{ id: 'p1', m: 1 }, { id: 'p2', m: 1 }, { id: 'p3', m: 1 }, { id: 'p4', m: 0 }, { id: 'p5', m: 0 }]);
    after.close();
  });
});
