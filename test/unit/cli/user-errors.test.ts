import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
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

describe('user errors of every command are plain, and a fault goes to the log', () => {
  it('a missing folder, a folder for a file, a device', async () => {
    const exported = await harmony('export', 'people', join(out.path, 'missing', 'people.csv'));
    expect(exported).toMatchObject({ code: 1, stderr: `The folder ${join(out.path, 'missing')} does not exist.\n` });

    const folder = await harmony('import', 'people', out.path);
    expect(folder).toMatchObject({ code: 1, stderr: `${out.path} is a folder, not a people file.\n` });

    const device = await harmony('import', 'people', '/dev/zero');
    expect(device).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a regular file') });

    const io = bufferIo();
    const analyzed = { code: await runCli(['analyze', '--instrument', 'ipip-neo-120', '--responses', out.path], io), stderr: io.stderr };
    expect(analyzed).toMatchObject({ code: 1, stderr: `${out.path} is a folder, not a responses file.\n` });
    for (const result of [exported, folder, device, analyzed]) expectPlain(result.stderr);
  });

  it('a file this user may not write', async () => {
    if (process.getuid?.() === 0) {
      // root may write anywhere; check the message as a person would meet it instead.
      const locked = join(out.path, 'locked');
      mkdirSync(locked);
      execFileSync('chattr', ['+i', locked], { stdio: 'ignore' });
      try {
        const result = await harmony('export', 'people', join(locked, 'people.csv'));
        expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('is not allowed to read or write') });
      } finally {
        execFileSync('chattr', ['-i', locked], { stdio: 'ignore' });
      }
      return;
    }
    const readOnly = join(out.path, 'read-only');
    mkdirSync(readOnly, { mode: 0o500 });
    const result = await harmony('export', 'people', join(readOnly, 'people.csv'));
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('is not allowed to read or write') });
  });

  it("keeps a fault's stack trace in the data folder's log and says where it is", async () => {
    await harmony('demo');
    // A table gone from under the app is no mistake of the person's: a fault.
    const db = new Database(join(dir.path, 'harmony.db'));
    db.exec('PRAGMA foreign_keys = OFF; DROP TABLE people');
    db.close();
    const result = await harmony('export', 'people');
    const log = join(dir.path, 'logs', 'harmony.log');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Unexpected error: no such table: people\nThis is a fault in Harmony Crew; the details are in ${log}.\n`);
    expect(readFileSync(log, 'utf8')).toMatch(/people\.exportCsv\nSqliteError: no such table: people\n\s+at /);
    // It loads the sample fleet through the command line first: about 5 s alone, more on a busy machine.
  }, 60_000);
});
