import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinInstrument } from '../../../src/core/psychometrics/builtin';
import { analysisReportSchema } from '../../../src/shared/psychometrics';
import { harmony } from '../../helpers/cli';
import { simulate, toCsv } from '../../helpers/psych-sim';
import { tempDir } from '../../helpers/temp-core';

/** `harmony analyze` (issue 3 §9): flags, CSV formats, errors and the exact JSON shape. */
const dir = tempDir();
afterAll(() => dir.remove());
const file = (name: string, text: string) => {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
};

const ipip = builtinInstrument('ipip-neo-120')!;
const items = ipip.items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed }));
const data = simulate(items, { n: 80, seed: 4, missingRate: 0.02, straight: 2, random: 2 });
const responses = file('responses.csv', toCsv(items.map((i) => i.id), data.ids, data.values));

describe('harmony analyze --json', () => {
  it('prints exactly the documented shape, with null where a figure is undefined', async () => {
    const { code, out } = await harmony('analyze', '--instrument', 'ipip-neo-120', '--responses', responses, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown>;
    // Strict schema: no field more, none less, the documented types.
    expect(analysisReportSchema.safeParse(report).success).toBe(true);
    const parsed = analysisReportSchema.parse(report);
    expect(Object.keys(report)).toEqual(['instrument', 'scales', 'facets', 'people']);
    expect(parsed.instrument).toEqual({ id: 'ipip-neo-120', items: 120, min: 1, max: 5 });
    expect(Object.keys(parsed.scales)).toEqual(['N', 'E', 'O', 'A', 'C']);
    expect(Object.keys(parsed.facets)).toHaveLength(30);
    expect(Object.keys(parsed.scales.N!)).toEqual(['items', 'alpha', 'omega', 'itemStats']);
    expect(Object.keys(parsed.scales.N!.alpha)).toEqual(['raw', 'std', 'g6', 'averageR', 'signalNoise', 'ase', 'medianR', 'varR']);
    expect(Object.keys(parsed.scales.N!.itemStats[0]!)).toEqual(['item', 'n', 'mean', 'sd', 'rawR', 'stdR', 'rCor', 'rDrop', 'alphaIfDropped']);
    const person = parsed.people[0]!;
    expect(Object.keys(person)).toEqual(['id', 'answered', 'scales', 'facets', 'careless', 'responseTime', 'validity']);
    expect(Object.keys(person.careless)).toEqual(['longstringMax', 'longstringAvg', 'irv', 'mahalanobis', 'mahalanobisFlag', 'evenOdd', 'evenOddFacets', 'psychSyn', 'psychAnt']);
    expect(person.responseTime).toBeNull();
    // No norms: z, T and percentile are null; an incomplete scale has no sum.
    expect(parsed.people.every((p) => p.scales.N!.z === null && p.scales.N!.percentile === null)).toBe(true);
    const incomplete = parsed.people.find((p) => p.answered < 120)!;
    expect(Object.values(incomplete.scales).some((s) => s.sum === null)).toBe(true);
  });

  it('prints full double precision', async () => {
    const { out } = await harmony('analyze', '--instrument', 'ipip-neo-120', '--responses', responses, '--json');
    const raw = /"raw":(-?[\d.e-]+)/.exec(out)![1]!;
    expect(raw.replace(/^-?0\./, '').length).toBeGreaterThan(12);
  });

  it('gives {} facets and a null evenOddFacets for an instrument without facets (--keys, --min, --max)', async () => {
    const keys = file('keys.csv', ['item,scale,keyed', ...items.map((i) => `${i.id},${i.scale},${i.keyed > 0 ? '+' : '-'}`)].join('\n'));
    const { code, out, err } = await harmony('analyze', '--keys', keys, '--min', '1', '--max', '5', '--responses', responses, '--json', '--psychsyn-critval', '0.95', '--mahad-confidence', '0.95');
    expect(code).toBe(0);
    const report = analysisReportSchema.parse(JSON.parse(out));
    expect(report.instrument.id).toBe('keys');
    expect(report.facets).toEqual({});
    expect(report.people.every((p) => p.careless.evenOddFacets === null)).toBe(true);
    expect(report.people.every((p) => p.careless.psychSyn === null)).toBe(true);
    // Notes go to stderr, so stdout stays pure JSON.
    expect(err).toMatch(/^Note: Mahalanobis D², psychometric synonyms and psychometric antonyms compare each person's answers with a group's and need at least 360 people/m);
  });

  it('adds z, T, percentile with --norms and response times with --rt', async () => {
    const norms = file('norms.csv', 'scale,mean,sd,n,source,label,population\nN,3,0.7,900,Test,Crew 2024,incumbent\nC,3.2,0.6,900,Test,Crew 2024,incumbent\n');
    const rtRows = data.ids.map((id, r) => [id, ...items.map((_, j) => (r === 0 ? 900 : 2500 + ((r * 31 + j * 17) % 3000)))].join(','));
    const rt = file('rt.csv', [['id', ...items.map((i) => i.id)].join(','), ...rtRows].join('\n'));
    const { code, out, err } = await harmony('analyze', '--instrument', 'ipip-neo-120', '--responses', responses, '--norms', norms, '--rt', rt, '--respondents', 'incumbent', '--json');
    expect(code).toBe(0);
    const report = analysisReportSchema.parse(JSON.parse(out));
    const first = report.people[0]!;
    const expectedZ = (first.scales.N!.mean! - 3) / 0.7;
    expect(first.scales.N!.z).toBeCloseTo(expectedZ, 14);
    expect(first.scales.N!.t).toBeCloseTo(50 + 10 * expectedZ, 12);
    expect(first.scales.E!.percentile).toBeNull();
    expect(first.responseTime).toEqual({ totalSeconds: 108, medianSeconds: 0.9, itemsUnderThreshold: 120, pageTimeIndex: 12 });
    expect(first.validity.verdict).toBe('invalid');
    expect(first.validity.reasons).toContainEqual(expect.objectContaining({ index: 'secondsPerItem', value: 0.9, cutoff: 2 }));
    expect(report.people[1]!.responseTime!.pageTimeIndex).toBe(0);
    expect(err).toContain('no row for E, O, A');
  });
});

describe('harmony analyze', () => {
  it('prints a readable report by default and writes one row per respondent with --csv-out', async () => {
    const csv = join(dir.path, 'out.csv');
    const { code, out } = await harmony('analyze', '--instrument', 'ipip-neo-120', '--responses', responses, '--csv-out', csv);
    expect(code).toBe(0);
    expect(out).toMatch(/IPIP-NEO-120 \(Johnson 2014\): 80 respondents, 120 items, answers 1–5/);
    expect(out).toMatch(/Reliability of the facets[\s\S]*C6 Cautiousness/);
    expect(out).toMatch(/Validity: \d+ valid, \d+ questionable, \d+ invalid/);
    expect(out).toContain(`Wrote 80 respondents to ${csv}`);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(81);
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['id', 'answered', 'N_mean', 'N_sum']);
    expect(lines[0]).toContain('psychsyn_scored');
  });

  it('names row and column of a value out of range, and exits 1', async () => {
    const bad = file('bad.csv', `id,${items.map((i) => i.id).join(',')}\np1,${items.map((_, j) => (j === 9 ? 6 : 3)).join(',')}\n`);
    const { code, err } = await harmony('analyze', '--instrument', 'ipip-neo-120', '--responses', bad, '--json');
    expect(code).toBe(1);
    expect(err).toContain('bad.csv row 2, column i10: 6 is outside the response range 1–5');
  });

  it('says what is wrong with the command line, and exits 2', async () => {
    expect(await harmony('analyze', '--instrument', 'ipip-neo-120')).toMatchObject({ code: 2, err: expect.stringContaining('--responses FILE.csv is required') });
    expect(await harmony('analyze', '--keys', 'k.csv', '--responses', responses)).toMatchObject({ code: 2, err: expect.stringContaining('give --min and --max') });
    expect(await harmony('analyze', '--instrument', 'neo-pi-r', '--responses', responses)).toMatchObject({ code: 2, err: expect.stringContaining('neither a built-in instrument') });
    expect(await harmony('analyze', '--instrument', 'ipip-neo-120', '--responses', responses, '--psychsyn-critval', '1.5')).toMatchObject({ code: 2 });
    expect(await harmony('analyze', '--instrument', 'ipip-neo-120', '--responses', join(dir.path, 'nope.csv'))).toMatchObject({ code: 1, err: expect.stringContaining('does not exist') });
  });
});
