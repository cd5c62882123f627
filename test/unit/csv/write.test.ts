import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, readCsv, restoreCell, writeCsv } from '../../../src/engine/csv';
import { decodeText } from '../../../src/shared/files/text-file';

describe('writeCsv: formula injection (OWASP)', () => {
  const dangerous = ['=HYPERLINK("http://evil.example","x")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3', '\t=1+1', '\r=1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)'];

  it.each(dangerous)('prefixes %j with a quote', (value) => {
    const csv = writeCsv(['name'], [[value]]);
    const cell = csv.split('\n')[1]!;
    expect(cell.replace(/^"/, '').startsWith(`'${value.slice(0, 1)}`)).toBe(true);
    expect(readCsv(csv, { source: 'x.csv' }).rows[0]![0]).toBe(value);
  });

  it('leaves ordinary text and numbers written as numbers alone', () => {
    expect(writeCsv(['a', 'b', 'c', 'd', 'e'], [['Anna', -2.5, 0, true, null]])).toBe('a,b,c,d,e\nAnna,-2.5,0,TRUE,\n');
    expect(writeCsv(['a'], [[Number.NaN]])).toBe('a\n\n');
  });

  it('adds a quote to a text that already starts with quotes before a formula, so the prefix is never ambiguous', () => {
    expect(neutraliseCell("'=x")).toBe("''=x");
    expect(restoreCell("''=x")).toBe("'=x");
    expect(neutraliseCell("'plain")).toBe("'plain");
    expect(restoreCell("'plain")).toBe("'plain");
  });

  it('round-trips any text: written by the app, read by the app, it is the same value', () => {
    const cell = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, fc.oneof(cell, fc.constant(''))), { minLength: 1, maxLength: 8 }), (rows) => {
        const bytes = new TextEncoder().encode(writeCsv(['a', 'b', 'c'], rows));
        const table = readCsv(decodeText(bytes, 'x.csv'), { source: 'x.csv' });
        expect(table.rows).toEqual(rows.map((row) => [...row]));
      }),
      { numRuns: 300 },
    );
  });
});
