import { describe, expect, it } from 'vitest';
import { builtinInstrument } from '../../../src/core/psychometrics/builtin';
import { buildIpipNeo120, checkNormPopulation, instrumentSummary, localNorms, PsychometricsInputError } from '../../../src/engine/psychometrics';
import type { NormTable } from '../../../src/shared/psychometrics';
import { analyzeRows, instrument } from '../../helpers/psych-fixtures';

describe('the built-in IPIP-NEO-120 (docs/psychometrics.md#1-data-conventions)', () => {
  const ipip = builtinInstrument('ipip-neo-120')!;

  it('has 120 items in 39 languages, domain "NEOAC"[(p−1) mod 5] and facet ⌊(p−1)/5⌋ mod 6 + 1', () => {
    expect(ipip.items).toHaveLength(120);
    expect(ipip.languages).toHaveLength(39);
    ipip.items.forEach((item, i) => {
      expect(item.scale).toBe('NEOAC'[i % 5]);
      expect(item.facet).toBe(`${'NEOAC'[i % 5]}${(Math.floor(i / 5) % 6) + 1}`);
      expect(Object.keys(item.text)).toHaveLength(39);
    });
  });

  it('reverse-keys N 7, E 6, O 12, A 17, C 13 of 24 items', () => {
    const reversed = Object.fromEntries([...'NEOAC'].map((d) => [d, ipip.items.filter((i) => i.scale === d && i.keyed < 0).length]));
    expect(reversed).toEqual({ N: 7, E: 6, O: 12, A: 17, C: 13 });
  });

  it('names the facets as @bigfive-org/results does', () => {
    const summary = instrumentSummary(ipip);
    expect(summary.facets.filter((f) => f.scale === 'C').map((f) => f.name)).toEqual([
      'Self-Efficacy',
      'Orderliness',
      'Dutifulness',
      'Achievement-Striving',
      'Self-Discipline',
      'Cautiousness',
    ]);
    expect(summary.scales.map((s) => `${s.id} ${s.name}`)).toEqual(['N Neuroticism', 'E Extraversion', 'O Openness To Experience', 'A Agreeableness', 'C Conscientiousness']);
    expect(instrumentSummary(ipip, 'de').facets[0]!.name).not.toBe('Anxiety');
  });

  it('accepts item numbers and the package ids as column names', () => {
    const first = ipip.items[0]!;
    expect(first.id).toBe('i1');
    expect(first.aliases).toEqual(expect.arrayContaining(['1', 'q1', 'item1', '43c98ce8-a07a-4dc2-80f6-c1b2a2485f06']));
    expect(first.text.en).toBe('Worry about things');
  });

  it('refuses package data keyed differently in another language', () => {
    const english = ipip.items.map((item) => ({ id: item.aliases[3]!, text: item.text.en!, keyed: item.keyed > 0 ? 'plus' : 'minus', domain: item.scale, facet: Number(item.facet!.slice(1)) }));
    const broken = english.map((q, i) => (i === 7 ? { ...q, keyed: q.keyed === 'plus' ? 'minus' : 'plus' } : q));
    expect(() => buildIpipNeo120({ version: 'x', questions: { en: english, xx: broken }, choices: {}, templates: {} })).toThrow(/xx items are not keyed like the English/);
  });
});

describe('norm populations (docs/psychometrics.md#2-scale-scores-and-norms)', () => {
  const table = (population: NormTable['population']): NormTable => ({ label: 'Crew 2024', population, source: null, rows: [{ scale: 'S', mean: 3, sd: 1, n: 100, source: null, label: null }] });

  it('refuses applicants against volunteer or incumbent norms unless asked', () => {
    expect(() => checkNormPopulation('applicant', table('volunteer'), false)).toThrow(PsychometricsInputError);
    expect(() => checkNormPopulation('incumbent', table('applicant'), false)).toThrow(/d = \.45/);
    expect(checkNormPopulation('applicant', table('incumbent'), true)[0]).toMatch(/Compared anyway/);
    expect(checkNormPopulation('applicant', table('applicant'), false)).toEqual([]);
  });

  it('says so when either side is unspecified', () => {
    expect(checkNormPopulation('unspecified', table('volunteer'), false)[0]).toMatch(/describes volunteers; the respondents are an unspecified group/);
  });

  it('refuses a mismatch before analysing', () => {
    const def = instrument('n', [
      ['a', 'S', 1],
      ['b', 'S', 1],
    ]);
    expect(() => analyzeRows(def, [[1, 2], [2, 3], [3, 3]], { respondents: 'applicant' }, table('volunteer'))).toThrow(PsychometricsInputError);
    const result = analyzeRows(def, [[1, 2], [2, 3], [3, 3]], { respondents: 'applicant' }, table('applicant'));
    expect(result.scaleZ[0]).toBeCloseTo(-1.5, 14);
    expect(result.scalePercentile[0]).toBeCloseTo(6.680720126885807, 12);
  });
});

describe('local norm groups (issue 3 §3)', () => {
  const records = (group: string, population: 'applicant' | 'incumbent', n: number) =>
    Array.from({ length: n }, (_, i) => ({ group, population, scores: { N: 2 + (i % 5) * 0.5, E: i % 7 === 0 ? null : 3 + (i % 3) * 0.25 } }));

  it('gives mean and sd per scale, and a norm table, for a large enough group', () => {
    const [deck] = localNorms(records('Deck', 'incumbent', 40));
    expect(deck).toMatchObject({ group: 'Deck', population: 'incumbent', n: 40, sufficient: true, message: null });
    expect(deck!.scales.find((s) => s.scale === 'N')).toMatchObject({ n: 40, mean: 3 });
    expect(deck!.table!.rows.map((r) => r.scale)).toEqual(['N', 'E']);
    expect(deck!.table!.population).toBe('incumbent');
  });

  it('says so instead of giving norms below the minimum group size (default 30)', () => {
    const [small] = localNorms(records('Galley', 'incumbent', 12));
    expect(small!.sufficient).toBe(false);
    expect(small!.table).toBeNull();
    expect(small!.message).toBe('Only 10 people have scores in "Galley" (crew in post); at least 30 are needed before percentiles are shown.');
    expect(localNorms(records('Galley', 'incumbent', 12), { minGroupSize: 10 })[0]!.sufficient).toBe(true);
  });

  it('keeps applicants and incumbents of one label apart', () => {
    const groups = localNorms([...records('Deck', 'incumbent', 35), ...records('Deck', 'applicant', 31)]);
    expect(groups.map((g) => [g.group, g.population, g.n])).toEqual([
      ['Deck', 'incumbent', 35],
      ['Deck', 'applicant', 31],
    ]);
  });
});
