import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinInstrument } from '../../../src/core/psychometrics/builtin';
import { analysisReportSchema } from '../../../src/shared/psychometrics';
import { harmony } from '../../helpers/cli';
import { simulate, toCsv } from '../../helpers/psych-sim';
import { tempDir } from '../../helpers/temp-core';

/** Issue 10 findings 3, 6 and 7 at the command line: what `harmony` reads, and the CSV it writes. */
const dir = tempDir();
afterAll(() => dir.remove());
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
};
const fifo = join(dir.path, 'pipe');
execFileSync('mkfifo', [fifo]);

const ipip = builtinInstrument('ipip-neo-120')!;
const items = ipip.items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed }));
const data = simulate(items, { n: 40, seed: 7, missingRate: 0.01 });
const itemIds = items.map((i) => i.id);
const responsesText = toCsv(itemIds, data.ids, data.values);
const responses = file('responses.csv', responsesText);
const analyze = (...args: string[]) => harmony('analyze', '--instrument', 'ipip-neo-120', ...args);

describe('only regular files are read, and only so much of them', () => {
  it.each([
    ['/dev/zero', '/dev/zero'],
    ['a pipe', fifo],
    ['a folder', dir.path],
  ])('harmony import refuses %s at once', async (_name, path) => {
    const { code, err } = await harmony('import', 'people', path, '--data-dir', join(dir.path, 'data'));
    expect(code).toBe(1);
    expect(err).toMatch(/not a regular file|is a folder/);
  }, 10_000);

  it.each([
    ['--responses', '/dev/zero'],
    ['--responses', fifo],
    ['--norms', '/dev/zero'],
    ['--rt', fifo],
  ])('harmony analyze refuses %s %s at once', async (flag, path) => {
    const args = flag === '--responses' ? ['--responses', path] : ['--responses', responses, flag, path];
    const { code, err } = await analyze(...args);
    expect(code).toBe(1);
    expect(err).toContain(`${path} is not a regular file`);
  }, 10_000);

  it('harmony verify answers review for a device or a pipe, and goes on with the other files', async () => {
    const { code, out } = await harmony('verify', '/dev/zero', fifo, '--json');
    expect(code).toBe(1);
    const results = JSON.parse(out) as Array<{ status: string; checks: Array<{ message: string }> }>;
    expect(results.map((r) => r.status)).toEqual(['review', 'review']);
    expect(results[0]!.checks[0]!.message).toMatch(/not a regular file/);
  }, 20_000);

  it('caps what it reads from a file', async () => {
    const big = file('thresholds.json', `{"irv":null,"pad":"${'x'.repeat(1024 * 1024)}"}`);
    const { code, err } = await analyze('--responses', responses, '--thresholds', big);
    expect(code).toBe(1);
    expect(err).toContain(`${big} is larger than 1 MB, the most read from a thresholds file.`);
  });
});

describe('text encodings', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('refuses a Latin-1 responses file naming the file and the line, instead of analysing “Jos\\uFFFD”', async () => {
    const lines = responsesText.split('\n');
    lines[3] = lines[3]!.replace(/^[^,]+/, 'José');
    const { code, err, out } = await analyze('--responses', file('latin1.csv', latin1(lines.join('\n'))), '--json');
    expect(out).toBe('');
    expect(code).toBe(1);
    expect(err).toContain('latin1.csv, line 4: the file is not UTF-8 text');
    expect(err).toContain('after “Jos”');
  });

  it('refuses a binary file given as responses', async () => {
    const { code, err } = await analyze('--responses', file('binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0xff, 0xfe, 0x9c])));
    expect(code).toBe(1);
    expect(err).toMatch(/binary\.csv, line 1: (this is not a text file|the file is not UTF-8 text)/);
  });

  it('refuses Latin-1 norms, keys and instrument files too', async () => {
    const norms = file('norms-latin1.csv', latin1('scale,mean,sd,label\nN,3,0.7,Équipage\n'));
    expect((await analyze('--responses', responses, '--norms', norms)).err).toContain('norms-latin1.csv, line 2: the file is not UTF-8 text');
    const keys = file('keys-latin1.csv', latin1(`item,scale,keyed\n${itemIds.map((id, j) => `${id},${j ? 'N' : 'Névrosisme'},+`).join('\n')}\n`));
    expect((await harmony('analyze', '--keys', keys, '--min', '1', '--max', '5', '--responses', responses)).err).toContain('keys-latin1.csv, line 2: the file is not UTF-8 text');
    const definition = file('instrument-latin1.json', latin1(JSON.stringify({ ...ipip, name: 'Inventaire é' })));
    expect((await harmony('analyze', '--instrument', definition, '--responses', responses)).err).toContain('instrument-latin1.json, line 1: the file is not UTF-8 text');
  });

  it('reads UTF-16 (as a spreadsheet saves “Unicode text”, tab-separated)', async () => {
    const tabbed = responsesText.replace(/,/g, '\t');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]);
    const { code, out } = await analyze('--responses', file('unicode.txt', utf16), '--json');
    expect(code).toBe(0);
    expect(analysisReportSchema.parse(JSON.parse(out)).people).toHaveLength(40);
  });

  it('refuses a Latin-1 people file at import, naming the line', async () => {
    const people = file('people-latin1.csv', latin1('given_names,surname,date_of_birth\nAnna,Berg,1990-01-01\nJosé,Pérez,1990-01-01\n'));
    const { code, err } = await harmony('import', 'people', people, '--data-dir', join(dir.path, 'data'));
    expect(code).toBe(1);
    expect(err).toContain('File rejected — line 3: The file is not UTF-8 text');
  });
});

describe('harmony analyze --csv-out', () => {
  it('neutralises a respondent id a spreadsheet would run, and leaves negative figures as numbers', async () => {
    const lines = responsesText.split('\n');
    lines[1] = lines[1]!.replace(/^[^,]+/, '"=HYPERLINK(""http://evil.example"",""x"")"');
    lines[2] = lines[2]!.replace(/^[^,]+/, '-2+3');
    const out = join(dir.path, 'out.csv');
    const { code } = await analyze('--responses', file('ids.csv', lines.join('\n')), '--csv-out', out, '--norms', file('norms.csv', 'scale,mean,sd\nN,4.5,0.2\n'));
    expect(code).toBe(0);
    const rows = readFileSync(out, 'utf8').split('\n');
    expect(rows[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)",/);
    expect(rows[2]).toMatch(/^'-2\+3,/);
    // A z-score below the norm is a number, not a formula: written as it is.
    expect(rows.slice(1).some((row) => /,-\d/.test(row))).toBe(true);
  });

  it('computes without touching the data folder', async () => {
    const data = join(dir.path, 'untouched');
    const previous = process.env.HARMONY_DATA_DIR;
    process.env.HARMONY_DATA_DIR = data;
    try {
      expect((await analyze('--responses', responses)).code).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.HARMONY_DATA_DIR;
      else process.env.HARMONY_DATA_DIR = previous;
    }
    expect(existsSync(data)).toBe(false);
  });
});
