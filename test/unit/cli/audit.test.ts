import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { bufferIo, expectPlain } from '../../helpers/cli-io';
import { tempDir } from '../../helpers/temp-core';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const harmony = async (...args: string[]) => {
  const io = bufferIo();
  const code = await runCli([...args, '--data-dir', dir.path], io);
  return { code, ...io };
};

/** Tampers with the database file as someone with the file system could: the append-only triggers dropped first. */
function tamper(sql: string): void {
  const db = new Database(join(dir.path, 'harmony.db'));
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

describe('harmony audit', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    const csv = join(dir.path, 'people.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(csv, 'given_names,surname,date_of_birth,email\nAda,Lovelace,1990-12-10,ada@example.org\nGrace,Hopper,1986-12-09,grace@example.org\n');
    expect((await harmony('import', 'people', csv)).code).toBe(0);
  });

  it('verify: exit 0 and the number of entries when intact', async () => {
    const run = await harmony('audit', 'verify');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^The audit log is intact: \d+ entries, the last is \d+\.\n$/);
  });

  it('verify: exit 1 and where, for an edited entry and for a deleted last entry', async () => {
    tamper("UPDATE audit_log SET actor_name = 'Nobody' WHERE seq = 2");
    const edited = await harmony('audit', 'verify');
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/^The audit log is broken at entry 2: An entry was changed\. Entry 2 was changed after it was written/);
    expectPlain(edited.stderr);
  });

  it('verify: finds the last entries deleted', async () => {
    tamper('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
    const run = await harmony('audit', 'verify');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The last entries were deleted\. The last entry \(\d+\) was deleted\./);
  });

  it('list: newest first, by person and by user, with the changes in words', async () => {
    const all = await harmony('audit', 'list');
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(all.stdout).toMatch(/Created Person of Grace Hopper — .*Surname: — → Hopper/);
    expect(all.stdout).not.toMatch(/given_names|person_id/);
    const seqs = lines.map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const byUser = await harmony('audit', 'list', '--user', 'nobody-at-all');
    expect(byUser.stdout).toBe('No entries.\n');
    const future = await harmony('audit', 'list', '--since', '2999-01-01');
    expect(future.stdout).toBe('No entries.\n');
    const bad = await harmony('audit', 'list', '--since', 'yesterday');
    expect(bad.code).not.toBe(0);
    expectPlain(bad.stderr);
  });
});
