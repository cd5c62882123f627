import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { addDaysIso, todayIsoDate } from '../../../src/shared/domain/dates';
import { bufferIo } from '../../helpers/cli-io';
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

describe('harmony demo / import / export', () => {
  it('loads the sample fleet once, then refuses with exit code 1', async () => {
    const first = await harmony('demo');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Loaded the sample fleet: 4 vessels, \d+ positions, \d+ people/);
    const again = await harmony('demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^This database already has 4 vessels/);
    // Two sample-fleet loads through the command line: past vitest's 5 s default on a busy machine.
  }, 60_000);

  it('imports a person under 16 and says to check their date of birth', async () => {
    const csv = join(dir.path, 'young.csv');
    writeFileSync(csv, `given_names,surname,date_of_birth\nYoung,Deckhand,${addDaysIso(todayIsoDate(), -(10 * 365 + 30))}\n`);
    const result = await harmony('import', 'people', csv);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Imported, check — line 2, date_of_birth: Aged 10 today: nobody under 16 may work at sea; check the date of birth');
  });

  it('imports the good rows of a CSV, prints a per-row report, and exports them again', async () => {
    const csv = join(dir.path, 'people.csv');
    writeFileSync(csv, 'given_names,surname,date_of_birth,nationalities\nJoanna,Smith,1990-04-12,GBR\nBad,Date,12/04/1990,GBR\n');
    const result = await harmony('import', 'people', csv);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Skipped — line 3, date_of_birth: Enter a date as YYYY-MM-DD');
    expect(result.stdout).toContain('Imported 1 person; skipped 1 row.');

    const out = await harmony('export', 'people');
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').slice(0, 2)).toEqual([
      'given_names,surname,date_of_birth,nationalities,languages,email,phone,emergency_contact_name,emergency_contact_phone,emergency_contact_relation,notice_days',
      'Joanna,Smith,1990-04-12,GBR,,,,,,,',
    ]);
    const file = join(dir.path, 'out.csv');
    expect((await harmony('export', 'people', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${out.stdout}`);

    writeFileSync(file, 'kept');
    const again = await harmony('export', 'people', file);
    expect(again).toMatchObject({ code: 1, stderr: `${file} already exists. Add --force to replace it.\n` });
    expect(readFileSync(file, 'utf8')).toBe('kept');
    expect((await harmony('export', 'people', file, '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${out.stdout}`);
  });

  it('reads its own export back, the UTF-8 mark for spreadsheets included', async () => {
    const csv = join(dir.path, 'accents.csv');
    writeFileSync(csv, 'given_names,surname,date_of_birth,nationalities\nJosé,Peña,1990-04-12,ESP\n');
    expect((await harmony('import', 'people', csv)).code).toBe(0);
    const file = join(dir.path, 'exported.csv');
    expect((await harmony('export', 'people', file)).code).toBe(0);
    const other = tempDir();
    try {
      const imported = await runCli(['import', 'people', file, '--data-dir', other.path], bufferIo());
      expect(imported).toBe(0);
      const io = bufferIo();
      await runCli(['export', 'people', '--data-dir', other.path], io);
      expect(io.stdout).toContain('José,Peña,1990-04-12,ESP');
    } finally {
      other.remove();
    }
  });

  it('exits 1 when nothing could be imported or the file is rejected, and 2 on wrong usage', async () => {
    const csv = join(dir.path, 'again.csv');
    writeFileSync(csv, 'given_names,surname,date_of_birth\nJoanna,Smith,1990-04-12\n');
    expect((await harmony('import', 'people', csv)).code).toBe(0);
    const duplicate = await harmony('import', 'people', csv);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('line 2, surname: Already stored: Joanna Smith');

    const wrong = join(dir.path, 'wrong.csv');
    writeFileSync(wrong, 'name,birthday\nJoanna Smith,1990-04-12\n');
    const rejected = await harmony('import', 'people', wrong);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('File rejected — line 1, name: Unknown column "name"');
    expect(rejected.stderr).toContain('Nothing was imported.');

    expect((await harmony('import', 'people', join(dir.path, 'missing.csv'))).code).toBe(1);
    expect((await harmony('import', 'vessels', csv)).code).toBe(2);
    expect((await harmony('import', 'people')).code).toBe(2);
    const maybe = await harmony('export', 'people', '--archived', 'maybe');
    expect(maybe.code).toBe(2);
    expect(maybe.stderr).toContain('--archived must be exclude, include or only, not "maybe"');
  });

  it('previews without writing with --dry-run', async () => {
    const csv = join(dir.path, 'dry.csv');
    writeFileSync(csv, 'given_names,surname,date_of_birth\nJoanna,Smith,1990-04-12\n');
    const dry = await harmony('import', 'people', csv, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1 of 1 rows would be imported.');
    expect((await harmony('export', 'people')).stdout.trim().split('\n')).toHaveLength(1);
  });
});
