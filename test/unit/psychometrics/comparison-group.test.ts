import { beforeAll, describe, expect, it } from 'vitest';
import { builtinInstrument } from '../../../src/core/psychometrics/builtin';
import { analysisReport, analyze, comparisonMinimum, layoutFor, type AnalysisResult, type ReferenceSample } from '../../../src/engine/psychometrics';
import { analysisOptionsSchema, analysisReportSchema, type AnalysisOptionsInput } from '../../../src/shared/psychometrics';
import { simulate } from '../../helpers/psych-sim';

/**
 * Mahalanobis D² and psychometric synonyms and antonyms compare a person with a group (issue 10, finding 18): a
 * batch too small to be that group is compared together with a reference sample, or the verdict says which
 * indices could not be computed and why — never "valid" as if they had been.
 */
const ipip = builtinInstrument('ipip-neo-120')!;
const items = ipip.items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed }));
const layout = layoutFor(ipip, items.map((i) => i.id));
const K = items.length;

function run(data: { ids: string[]; values: Float64Array }, reference: ReferenceSample | null = null, options: AnalysisOptionsInput = {}): AnalysisResult {
  return analyze({ layout, responses: { ids: data.ids, n: data.ids.length, k: K, values: data.values }, times: null, norms: null, options: analysisOptionsSchema.parse(options), reference });
}

// Seed 2: four attentive people and one random answer sheet, which the indices that need no group let through.
const batch = simulate(items, { n: 5, seed: 2, random: 1 });
const randomRow = batch.kinds.indexOf('random');
const attentive = simulate(items, { n: 400, seed: 77 });
const reference: ReferenceSample = { n: 400, values: attentive.values, label: 'stored results of applicants' };
// Omega's fit on five people takes its time: each analysis is run once.
const SLOW = 60_000;
let alone: AnalysisResult;
let screened: AnalysisResult;

describe('a batch too small to compare people with each other', { timeout: SLOW }, () => {
  beforeAll(() => {
    alone = run(batch);
    screened = run(batch, reference);
  }, SLOW);

  it('needs max(100, 3 × items) respondents by default', () => {
    expect(comparisonMinimum(120)).toBe(360);
    expect(comparisonMinimum(13)).toBe(100);
    expect(comparisonMinimum(120, 50)).toBe(50);
  });

  it('without a reference sample: a random answer sheet in a batch of five is not "valid", and the verdict says what was not computed', () => {
    const result = alone;
    expect(result.comparison).toMatchObject({ computed: false, size: 5, minimum: 360, batch: 5, reference: 0 });
    expect(result.verdicts[randomRow]).not.toBe('valid');
    expect(result.verdicts.every((v) => v !== 'valid')).toBe(true);
    const reason = result.findings[randomRow]!.find((f) => f.index === 'comparisonGroup')!;
    expect(reason).toMatchObject({ value: 5, cutoff: 360, level: 'questionable' });
    expect(reason.message).toBe(
      "Not checked for random answering: Mahalanobis D², psychometric synonyms and psychometric antonyms compare a person's answers with those of at least 360 people, and 5 were available.",
    );
    expect(result.notComputed[randomRow]!.map((n) => n.index)).toEqual(['mahalanobis', 'psychSyn', 'psychAnt']);
    expect(result.notComputed[randomRow]![0]!.message).toBe('Needs at least 360 people to compare answers with; 5 were available.');
    expect(Array.from(result.careless.mahalanobis).every(Number.isNaN)).toBe(true);
    expect(result.notices.join(' ')).toMatch(/need at least 360 people to compare with; there were 5 people scored together, so they were not computed/);
  });

  it('with a reference sample large enough: compared with it, the random answer sheet is caught', () => {
    const result = screened;
    expect(result.comparison).toMatchObject({ computed: true, size: 405, batch: 5, reference: 400 });
    expect(result.careless.mahalanobis[randomRow]).toBeGreaterThan(result.careless.mahalanobisCutoff);
    expect(result.verdicts[randomRow]).not.toBe('valid');
    expect(result.findings[randomRow]!.map((f) => f.index)).toContain('mahalanobis');
    expect(result.findings.flat().some((f) => f.index === 'comparisonGroup')).toBe(false);
    expect(result.notices.join(' ')).toMatch(/5 people are too few to compare with each other .* so they were compared together with 400 stored results of applicants/);
  });

  it('compares exactly as if the batch had been scored together with the reference sample', () => {
    const together = new Float64Array((5 + 400) * K);
    together.set(batch.values);
    together.set(attentive.values, 5 * K);
    const pooled = run({ ids: [...batch.ids, ...attentive.ids.map((id) => `ref-${id}`)], values: together });
    for (let i = 0; i < 5; i += 1) {
      expect(screened.careless.mahalanobis[i]).toBeCloseTo(pooled.careless.mahalanobis[i]!, 9);
      for (const index of ['psychSyn', 'psychAnt'] as const) {
        const [a, b] = [screened.careless[index][i]!, pooled.careless[index][i]!];
        if (Number.isNaN(b)) expect(a).toBeNaN();
        else expect(a).toBeCloseTo(b, 12);
      }
    }
    // Reliabilities still describe the batch itself.
    expect(screened.scales[0]!.alpha.raw).toBe(alone.scales[0]!.alpha.raw);
  });

  it('with a reference sample still too small: says how many were available and computes nothing from them', () => {
    const small: ReferenceSample = { n: 100, values: attentive.values.subarray(0, 100 * K), label: 'stored results of applicants' };
    const result = run(batch, small);
    expect(result.comparison).toMatchObject({ computed: false, size: 105, reference: 100 });
    expect(result.findings[0]!.find((f) => f.index === 'comparisonGroup')).toMatchObject({ value: 105, cutoff: 360 });
    expect(result.notices.join(' ')).toMatch(/there were 5 people scored together and 100 stored results of applicants, so they were not computed/);
  });

  it('names nothing as not computed when every group index is switched off', () => {
    const off = { questionable: null, invalid: null };
    const result = run(batch, null, { thresholds: { mahalanobis: off, psychSyn: off, psychAnt: off } });
    expect(result.findings.flat().some((f) => f.index === 'comparisonGroup')).toBe(false);
    expect(result.notComputed.flat()).toEqual([]);
  });

  it('keeps the reason out of the count of questionable findings that makes a verdict invalid', () => {
    const result = run(batch, null, { thresholds: { questionableForInvalid: 1 } });
    const attentiveRows = batch.kinds.flatMap((kind, i) => (kind === 'attentive' && result.findings[i]!.length === 1 ? [i] : []));
    expect(attentiveRows.length).toBeGreaterThan(0);
    for (const i of attentiveRows) expect(result.verdicts[i]).toBe('questionable');
  });

  it('reports what was not computed in the documented JSON shape', () => {
    const report = analysisReport(alone);
    expect(analysisReportSchema.safeParse(report).success).toBe(true);
    expect(report.people[randomRow]!.validity.notComputed).toHaveLength(3);
  });
});

describe('a batch large enough to be its own comparison group', { timeout: SLOW }, () => {
  it('ignores a reference sample: the result is the same, bit for bit', () => {
    const full = simulate(items, { n: 360, seed: 3, random: 8 });
    const alone = run(full);
    const offered = run(full, reference);
    expect(offered.comparison).toMatchObject({ computed: true, size: 360, reference: 0 });
    expect(analysisReport(offered)).toEqual(analysisReport(alone));
  });

  it('says why psychometric synonyms are missing when no item pair qualifies', () => {
    const full = simulate(items, { n: 2000, seed: 5 });
    const result = run(full);
    expect(result.pairs.synonyms).toBe(0);
    expect(result.notComputed[0]).toContainEqual({
      index: 'psychSyn',
      message: 'No two items are answered alike strongly enough by the 2,000 people compared (r above .60).',
    });
  });
});
