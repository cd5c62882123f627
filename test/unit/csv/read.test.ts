import { describe, expect, it } from 'vitest';
import { readCsv, readCsvInSlices } from '../../../src/engine/csv';
import { csvSlices } from '../../../src/engine/csv/slices';
import { CSV_LIMITS } from '../../../src/engine/csv/limits';
import { TextFileError } from '../../../src/shared/files/text-file';

const read = (text: string, limits = {}) => readCsv(text, { source: 'x.csv', limits });

function refusal(fn: () => unknown): TextFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TextFileError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('readCsv', () => {
  it('reads comma, semicolon and tab separated files, found from the header', () => {
    for (const delimiter of [',', ';', '\t']) {
      const table = read(['id', 'i1', 'i2'].join(delimiter) + '\n' + ['p1', '3', '4'].join(delimiter) + '\n');
      expect(table.header).toEqual(['id', 'i1', 'i2']);
      expect(table.rows).toEqual([['p1', '3', '4']]);
    }
    // A semicolon inside a quoted header name does not make the file semicolon-separated.
    expect(read('"a;b",c\n1,2\n').header).toEqual(['a;b', 'c']);
  });

  it('numbers rows by the line they start on, across blank lines and quoted line breaks', () => {
    const table = read('\uFEFFa,b\n\n1,2\n"x\ny",3\n4,5');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([['1', '2'], ['x\ny', '3'], ['4', '5']]);
    expect(table.lines).toEqual([3, 4, 6]);
  });

  it('keeps line numbers right where its own count of records and the parser\'s differ (a lone tab in a tab-separated file)', () => {
    const table = read('a\tb\n\t\n1\t2\n');
    expect(table.rows).toEqual([['', ''], ['1', '2']]);
    expect(table.lines).toEqual([2, 3]);
  });

  it('drops spaces around unquoted values and keeps those inside quotes', () => {
    expect(read('a,b\n  x , "  y  " \n').rows).toEqual([['x', '  y  ']]);
  });

  it('takes off exactly the prefix that neutralises a formula', () => {
    const table = read(`a,b,c,d,e\n'=1+2,''=x,'plain,'－3,"'\t"\n`);
    expect(table.rows[0]).toEqual(['=1+2', "'=x", "'plain", '－3', '\t']);
  });

  it('reads a file of many slices with the right line numbers and problems on the right line', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `p${i},"a ""quoted"" value",${i % 5}`);
    const text = ['id,text,n', ...rows].join('\n');
    const table = await readCsvInSlices(text, { source: 'x.csv', pause: async () => undefined });
    expect(table.rows).toHaveLength(60_000);
    expect(table.rows[59_999]).toEqual(['p59999', 'a "quoted" value', '4']);
    expect(table.lines[59_999]).toBe(60_001);
    const broken = [...rows.slice(0, 50_000), 'p,"unclosed,1', ...rows.slice(50_000)].join('\n');
    // The quote that never closes swallows the rest of the file: refused at its line, not somewhere later.
    const error = refusal(() => read(`id,text,n\n${broken}`));
    expect(error.line).toBe(50_002);
  });

  it('pauses between slices', async () => {
    const text = ['id,n', ...Array.from({ length: 100_000 }, (_, i) => `p${i},1`)].join('\n');
    let pauses = 0;
    await readCsvInSlices(text, { source: 'x.csv', pause: async () => void (pauses += 1) });
    expect(pauses).toBeGreaterThan(3);
  });

  it('says in plain words what is wrong with quoting, naming the line', () => {
    expect(refusal(() => read('a,b\n1,2\nc"x,d\n')).message).toBe('x.csv, line 3: the file is not valid CSV: a value has a quote (") inside it: put the whole value in quotes and double the quote inside ("").');
    expect(refusal(() => read('a,b\n"c"x,d\n')).message).toMatch(/line 2: .*followed by other characters/);
    expect(refusal(() => read('a,b\n1,2\n"c,d\n')).message).toMatch(/line 3: .*not closed/);
  });

  it('refuses an empty file', () => {
    expect(refusal(() => read('  \n\n')).message).toBe('x.csv: the file is empty.');
  });
});

describe('CSV limits', () => {
  it('refuses a 10 MB line before parsing it, naming the line and the limit', () => {
    const text = `id,name\np1,ok\np2,${'x'.repeat(10 * 1024 * 1024)}\np3,ok\n`;
    const started = performance.now();
    const error = refusal(() => read(text));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error.line).toBe(3);
    expect(error.reason).toBe(`the line is 10,485,763 characters long; a line may hold at most ${CSV_LIMITS.maxLineChars.toLocaleString('en')}.`);
  });

  it('stops scanning at the long line: no slice holding it is ever cut', () => {
    const slices = csvSlices(`a\n${'y'.repeat(200)}\n`, 'x.csv', { ...CSV_LIMITS, maxLineChars: 100 }, 1);
    expect(slices.next().value).toEqual({ text: 'a\n', firstLine: 1, lines: [1] });
    expect(() => slices.next()).toThrow(/line 2: the line is 200 characters long; a line may hold at most 100/);
  });

  it('refuses a quoted value that never closes within the line limit', () => {
    expect(refusal(() => read(`a,b\n"${'z\n'.repeat(80)}`, { maxLineChars: 100 })).message).toMatch(/line 2: a quoted value opens here and does not close within 100 characters/);
  });

  it('refuses too many columns and too many rows, naming the line', () => {
    expect(refusal(() => read('a,b,c\n1,2,3,4,5\n', { maxColumns: 4 })).message).toBe('x.csv, line 2: the row has 5 values; a row may hold at most 4.');
    expect(refusal(() => read('a\n1\n2\n3\n', { maxRows: 2 })).message).toBe('x.csv, line 4: the file has more than 2 rows under its header.');
    expect(read('a\n1\n2\n', { maxRows: 2 }).rows).toHaveLength(2);
  });
});
