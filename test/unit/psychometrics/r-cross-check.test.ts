import { beforeAll, describe, expect, it } from 'vitest';
import { builtinInstrument } from '../../../src/core/psychometrics/builtin';
import { analyze, layoutFor, parseInstrumentDefinition, parseResponsesCsv, type AnalysisResult } from '../../../src/engine/psychometrics';
import { analysisOptionsSchema, type InstrumentDefinition } from '../../../src/shared/psychometrics';
import { compareWithR } from '../../helpers/compare-r';
import { customItems, simulate, type SimItem } from '../../helpers/psych-sim';
import { exportBfi, rscriptAvailable, rSkipReason, runReference, type Reference } from '../../helpers/r-reference';

/**
 * The engine against R 4.2.2 + psych 2.2.9 + careless 1.2.2 (mirrored in test/helpers/r/reference.R) on seeded
 * data it was not tuned on: missing answers, reverse keys, several scales, careless respondents.
 */
if (!rscriptAvailable) console.warn(rSkipReason);
const R_TIMEOUT = 120_000;

function definitionOf(id: string, items: readonly SimItem[], min: number, max: number): InstrumentDefinition {
  const scales = [...new Set(items.map((i) => i.scale))];
  const facets = [...new Set(items.flatMap((i) => (i.facet ? [i.facet] : [])))];
  return parseInstrumentDefinition({
    id,
    response: { min, max },
    scales: scales.map((s) => ({ id: s })),
    facets: facets.map((f) => ({ id: f, scale: items.find((i) => i.facet === f)!.scale })),
    items: items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed })),
  });
}

interface Case {
  result: AnalysisResult;
  ref: Reference;
}

function runCase(definition: InstrumentDefinition, items: readonly SimItem[], data: { ids: string[]; values: Float64Array }, critval: number, confidence = 0.99): Case {
  const layout = layoutFor(definition, items.map((i) => i.id));
  const options = analysisOptionsSchema.parse({ psychsynCritval: critval, mahadConfidence: confidence });
  const result = analyze({ layout, responses: { ids: data.ids, n: data.ids.length, k: items.length, values: data.values }, times: null, norms: null, options });
  const ref = runReference({ items, ids: data.ids, values: data.values, min: definition.response.min, max: definition.response.max, critval, confidence });
  return { result, ref };
}

function expectEqualToR({ result, ref }: Case): void {
  const comparison = compareWithR(result, ref);
  expect(comparison.mismatches).toEqual([]);
  expect(comparison.compared).toBeGreaterThan(1000);
}

describe.skipIf(!rscriptAvailable)('equal to psych 2.2.9 and careless 1.2.2', () => {
  describe('IPIP-NEO-120 with missing answers and careless respondents', () => {
    let c: Case;
    beforeAll(() => {
      const definition = builtinInstrument('ipip-neo-120')!;
      const items = definition.items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed }));
      const data = simulate(items, { n: 400, seed: 20240501, missingRate: 0.03, emptyRows: 2, random: 20, straight: 10, alternating: 6, loading: 0.65 });
      c = runCase(definition, items, data, 0.3, 0.975);
    }, R_TIMEOUT);

    it('gives every reliability, item statistic, omega, score and careless index of R', () => expectEqualToR(c));

    it('finds the synonym and antonym pairs R finds, and lists pairs in psychsyn_critval order', () => {
      expect(c.result.pairs.synonyms).toBeGreaterThan(2);
      expect(c.result.pairs.antonyms).toBeGreaterThan(2);
      const { layout } = c.result;
      const top = c.ref.text('critval.pairs').split(',');
      expect(c.result.pairs.strongest.map((p) => `${layout.items[p.first]}:${layout.items[p.second]}`)).toEqual(top.slice(0, 5));
      expect(c.result.pairs.strongest.map((p) => p.r)).toEqual(c.ref.vector('critval.r').slice(0, 5).map((r) => expect.closeTo(r, 12)));
    });
  });

  it('on complete data (the closed-form path), a 1–7 range and antonym pairs', () => {
    const items = customItems(3, 2, 4);
    const definition = definitionOf('custom-complete', items, 1, 7);
    const data = simulate(items, { n: 250, seed: 99, min: 1, max: 7, random: 10, straight: 5, alternating: 4, loading: 0.7 });
    const c = runCase(definition, items, data, 0.35);
    expect(c.result.pairs.antonyms).toBeGreaterThan(2);
    expectEqualToR(c);
  }, R_TIMEOUT);

  it('with an item without variance (psych drops it and corrects the total) and a two-item scale', () => {
    const items: SimItem[] = [
      ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id, i) => ({ id, scale: 'A', facet: null, keyed: (i % 2 ? -1 : 1) as 1 | -1 })),
      { id: 'b1', scale: 'B', facet: null, keyed: 1 },
      { id: 'b2', scale: 'B', facet: null, keyed: -1 },
      ...['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => ({ id, scale: 'C', facet: null, keyed: 1 as const })),
    ];
    const definition = definitionOf('custom-edge', items, 1, 5);
    const data = simulate(items, { n: 150, seed: 5, missingRate: 0.06, random: 6, straight: 3 });
    // Item a3 is answered 4 by everyone who answered it; the first respondent answered it (psych's sum.bad).
    for (let r = 0; r < data.ids.length; r += 1) if (!Number.isNaN(data.values[r * items.length + 2]!) || r === 0) data.values[r * items.length + 2] = 4;
    const c = runCase(definition, items, data, 0.3);
    expect(c.result.scales[0]!.dropped).toEqual(['a3']);
    expect(c.result.careless.mahalanobis.every(Number.isNaN)).toBe(true);
    expectEqualToR(c);
  }, R_TIMEOUT);

  it("on psych's bfi (2800 people, 1–6, missing answers)", () => {
    const bfi = exportBfi();
    const items: SimItem[] = ['A', 'C', 'E', 'N', 'O'].flatMap((s) =>
      [1, 2, 3, 4, 5].map((i) => ({ id: `${s}${i}`, scale: s, facet: null, keyed: ['A1', 'C4', 'C5', 'E1', 'E2', 'O2', 'O5'].includes(`${s}${i}`) ? -1 : 1 }) as SimItem),
    );
    const definition = definitionOf('bfi', items, 1, 6);
    const { responses } = parseResponsesCsv(bfi, definition, { source: 'bfi.csv' });
    const c = runCase(definition, items, responses, 0.45);
    // docs/psychometrics.md#3-reliability-the-alpha-family: bfi C's standardised alpha with cov2cor of the pairwise covariance is .73007, not .73016.
    expect(c.result.scales[1]!.alpha.std).toBeCloseTo(0.73007, 5);
    expectEqualToR(c);
  }, R_TIMEOUT);
});
