import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/database';
import { write } from '../../../src/core/db/writes';
import { resourcesDir } from '../../../src/core/paths';
import { tempDir } from '../../helpers/temp-core';

/**
 * Migration 0012 (docs/recruitment.md#interviews): interviewers and feedback authors typed by name become user
 * accounts where exactly one account has that display name or user name; every other name is kept as typed.
 * A database is built with the migrations before it, filled with name-based rows, then opened with all of them.
 */
const MIGRATION = '0012_interviewers_are_users';
const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function beforeAndAfter() {
  const dir = tempDir();
  dirs.push(dir);
  const migrations = join(dir.path, 'migrations');
  cpSync(join(resourcesDir(), 'migrations'), migrations, { recursive: true });
  const journalFile = join(migrations, 'meta', '_journal.json');
  const full = readFileSync(journalFile, 'utf8');
  const journal = JSON.parse(full) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === MIGRATION);
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  // This migration and every later one run when the journal is put back.
  const pending = journal.entries.length - at;
  return { file: join(dir.path, 'harmony.db'), backupsDir: join(dir.path, 'backups'), migrations, pending, restore: () => writeFileSync(journalFile, full) };
}

const NOW = '2026-01-01T00:00:00.000Z';

describe(`migration ${MIGRATION}`, () => {
  it('turns names that are one account into its id, keeps every other name as typed, and loses nothing', () => {
    const { file, backupsDir, migrations, pending, restore } = beforeAndAfter();
    const before = openDatabase({ file, backupsDir, migrationsFolder: migrations });
    const s = before.sqlite;
    // Rows as the app before accounts wrote them, without the records they point at (the migration reads only
    // these). Today's capture triggers know columns this older schema lacks, so they are set aside here.
    s.pragma('foreign_keys = OFF');
    for (const { name } of s.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger'").all() as Array<{ name: string }>) s.exec(`DROP TRIGGER temp."${name}"`);
    s.transaction(() => {
      const user = s.prepare(`INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', '${NOW}', '${NOW}')`);
      user.run('u-hart', 'hart', 'Captain Hart', 'captain');
      user.run('u-mia', 'mia', 'Mia Chief', 'head_of_department');
      // Two accounts with one name: which one was meant is unknown, so the name stays a name.
      user.run('u-sam1', 'sam.a', 'Sam Lee', 'recruiter');
      user.run('u-sam2', 'sam.b', 'Sam Lee', 'recruiter');
      const interview = s.prepare(
        `INSERT INTO interviews (id, application_id, kind, mode, interviewers, starts_at, time_zone, duration_minutes, questions, status, created_at, updated_at)
         VALUES (?, 'app', 'captain', 'video', ?, '2026-02-01T10:00:00.000Z', 'UTC', 45, '[]', 'completed', '${NOW}', '${NOW}')`,
      );
      interview.run('i-1', JSON.stringify(['captain hart', 'MIA', 'Sam Lee', 'Pat Former']));
      interview.run('i-2', JSON.stringify(['Captain Hart']));
      const feedback = s.prepare(
        `INSERT INTO interview_feedback (id, interview_id, interviewer, ratings, overall, recommendation, created_at, updated_at) VALUES (?, ?, ?, '{"technical":4}', ?, 'hire', '${NOW}', '${NOW}')`,
      );
      feedback.run('f-1', 'i-1', 'captain hart', 4);
      feedback.run('f-2', 'i-1', 'Pat Former', 3);
      feedback.run('f-3', 'i-1', 'Sam Lee', 5);
      // The same account under its display name and its user name on one interview: the first stays the account's.
      feedback.run('f-4', 'i-2', 'Captain Hart', 2);
      feedback.run('f-5', 'i-2', 'hart', 1);
    })();
    before.close();

    restore();
    const after = openDatabase({ file, backupsDir, migrationsFolder: migrations });
    expect(after.migration.applied).toBe(pending);
    const interviewers = (id: string) => JSON.parse((after.sqlite.prepare('SELECT interviewers FROM interviews WHERE id = ?').get(id) as { interviewers: string }).interviewers) as unknown;
    expect(interviewers('i-1')).toEqual([
      { userId: 'u-hart', name: 'captain hart' },
      { userId: 'u-mia', name: 'MIA' },
      { userId: null, name: 'Sam Lee' },
      { userId: null, name: 'Pat Former' },
    ]);
    expect(interviewers('i-2')).toEqual([{ userId: 'u-hart', name: 'Captain Hart' }]);
    const feedback = after.sqlite.prepare('SELECT id, interviewer, interviewer_id AS interviewerId, overall FROM interview_feedback ORDER BY id').all();
    expect(feedback).toEqual([
      { id: 'f-1', interviewer: 'captain hart', interviewerId: 'u-hart', overall: 4 },
      { id: 'f-2', interviewer: 'Pat Former', interviewerId: null, overall: 3 },
      { id: 'f-3', interviewer: 'Sam Lee', interviewerId: null, overall: 5 },
      { id: 'f-4', interviewer: 'Captain Hart', interviewerId: 'u-hart', overall: 2 },
      { id: 'f-5', interviewer: 'hart', interviewerId: null, overall: 1 },
    ]);
    // Once per account now: a second feedback of Captain Hart's account on i-1 is refused by the database itself.
    expect(() =>
      write(after.sqlite, () =>
        after.sqlite
          .prepare(`INSERT INTO interview_feedback (id, interview_id, interviewer, interviewer_id, ratings, overall, recommendation, created_at, updated_at) VALUES ('f-6', 'i-1', 'Captain Hart', 'u-hart', '{}', 3, 'hire', '${NOW}', '${NOW}')`)
          .run(),
      ),
    ).toThrow(/UNIQUE/);
    after.close();
  });
});
