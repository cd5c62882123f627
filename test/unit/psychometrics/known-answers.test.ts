import { describe, expect, it } from 'vitest';
import {
  evenOdd,
  feldtInterval,
  irv,
  layoutFor,
  longstring,
  normScores,
  responseTimeIndices,
  synonymScore,
} from '../../../src/engine/psychometrics';
import { scoreRow } from '../../../src/engine/psychometrics/blocks';
import { omegaOneFactor } from '../../../src/engine/psychometrics/omega';
import { analyzeRows, instrument } from '../../helpers/psych-fixtures';

/** Small cases worked out by hand (exact fractions where they exist) from the definitions in docs/psychometrics.md. */
const NA = Number.NaN;

describe('scoring (docs/psychometrics.md#1-data-conventions, docs/psychometrics.md#2-scale-scores-and-norms)', () => {
  const def = instrument('kat', [
    ['a', 'S', 1],
    ['b', 'S', -1],
    ['c', 'S', 1],
  ]);

  it('reverse-keys as (min + max) − x and keeps missing answers missing', () => {
    const out = new Float64Array(3);
    scoreRow(Float64Array.of(2, 2, NA), 0, layoutFor(def, ['a', 'b', 'c']), out);
    expect(Array.from(out)).toEqual([2, 4, NA]);
  });

  it('means over answered items, sums only when complete', () => {
    const result = analyzeRows(def, [
      [4, 2, null],
      [5, 1, 3],
    ]);
    expect(Array.from(result.scaleMeans)).toEqual([4, 13 / 3]);
    expect(Array.from(result.scaleSums)).toEqual([NA, 13]);
  });

  it('places a mean on the norm: z, T = 50 + 10z, percentile = 100·Φ(z)', () => {
    expect(normScores(3.5, { mean: 3, sd: 0.5 })).toEqual({ z: 1, t: 60, percentile: expect.closeTo(84.1344746068543, 12) });
    expect(normScores(3, { mean: 3, sd: 0.5 }).percentile).toBe(50);
  });
});

describe('psych::alpha (docs/psychometrics.md#3-reliability-the-alpha-family) on five people, three items', () => {
  // C = [[5/2, 3/2, 2], [3/2, 1, 5/4], [2, 5/4, 11/5]]: 1'C1 = 76/5, tr C = 57/10.
  const def = instrument('kat', [
    ['x1', 'S', 1],
    ['x2', 'S', 1],
    ['x3', 'S', 1],
  ]);
  const rows = [
    [1, 2, 1],
    [2, 2, 3],
    [3, 3, 3],
    [4, 4, 5],
    [5, 4, 4],
  ];
  const r = analyzeRows(def, rows).scales[0]!;

  it('raw alpha = (1 − tr C/1′C1)·n/(n − 1) = 15/16', () => expect(r.alpha.raw).toBeCloseTo(15 / 16, 14));

  it('standardised alpha and the average r from cov2cor(C)', () => {
    const r12 = 1.5 / Math.sqrt(2.5);
    const r13 = 2 / Math.sqrt(2.5 * 2.2);
    const r23 = 1.25 / Math.sqrt(2.2);
    const sumR = 3 + 2 * (r12 + r13 + r23);
    expect(r.alpha.std).toBeCloseTo((1 - 3 / sumR) * 1.5, 14);
    expect(r.alpha.averageR).toBeCloseTo((r12 + r13 + r23) / 3, 14);
    expect(r.alpha.medianR).toBeCloseTo([r12, r13, r23].sort()[1]!, 14);
  });

  it('r.drop of item 1 = (c12 + c13)/√(c11·(c22 + c33 + 2c23)) = 3.5/√14.25', () => {
    expect(r.itemStats[0]!.rDrop).toBeCloseTo(3.5 / Math.sqrt(14.25), 14);
  });

  it('alpha without item 3: C = [[5/2, 3/2], [3/2, 1]] → (1 − 3.5/6.5)·2 = 12/13', () => {
    expect(r.itemStats[2]!.alphaIfDropped.raw).toBeCloseTo(12 / 13, 14);
  });

  it('the total is the row mean: sd = √(1′C1)/n, and item means and sds', () => {
    expect(r.total.mean).toBeCloseTo(46 / 15, 14);
    expect(r.total.sd).toBeCloseTo(Math.sqrt(15.2) / 3, 14);
    expect(r.itemStats.map((s) => [s.n, s.mean, s.sd])).toEqual([
      [5, 3, Math.sqrt(2.5)],
      [5, 3, 1],
      [5, 3.2, expect.closeTo(Math.sqrt(2.2), 14)],
    ]);
  });

  it("gives Feldt's interval from the F quantiles (tables: F.975(4, 8) = 5.0526, F.975(8, 4) = 8.9796)", () => {
    const ci = feldtInterval(15 / 16, 5, 3);
    expect(ci.lower).toBeCloseTo(1 - (1 / 16) * 5.0526, 5);
    expect(ci.upper).toBeCloseTo(1 - (1 / 16) / 8.9796, 5);
  });

  it('drops an item without variance, as psych does', () => {
    const withConstant = analyzeRows(
      instrument('kat', [
        ['x1', 'S', 1],
        ['x2', 'S', 1],
        ['k', 'S', 1],
        ['x3', 'S', 1],
      ]),
      rows.map(([a, b, c]) => [a!, b!, 3, c!]),
    ).scales[0]!;
    expect(withConstant.dropped).toEqual(['k']);
    expect(withConstant.items).toBe(3);
    expect(withConstant.alpha.raw).toBeCloseTo(15 / 16, 14);
  });
});

describe('omega from one factor (docs/psychometrics.md#4-mcdonalds-omega)', () => {
  it('recovers the loadings of an exact one-factor matrix: ω = (Σλ)²/((Σλ)² + Σu²)', () => {
    const lambda = [0.8, 0.7, 0.6, 0.5];
    const r = new Float64Array(16);
    lambda.forEach((a, i) => lambda.forEach((b, j) => (r[i * 4 + j] = i === j ? 1 : a * b)));
    const omega = omegaOneFactor(r, 4)!;
    Array.from(omega.loadings).forEach((l, i) => expect(l).toBeCloseTo(lambda[i]!, 10));
    expect(omega.total).toBeCloseTo(6.76 / (6.76 + 2.26), 10);
    expect(omega.hierarchical).toBeCloseTo(6.76 / (6.76 + 2.26), 10);
  });

  it('flips items that load negatively before summing', () => {
    const lambda = [0.8, -0.7, 0.6, 0.5];
    const r = new Float64Array(16);
    lambda.forEach((a, i) => lambda.forEach((b, j) => (r[i * 4 + j] = i === j ? 1 : a * b)));
    expect(omegaOneFactor(r, 4)!.total).toBeCloseTo(6.76 / (6.76 + 2.26), 10);
  });

  it('is undefined for fewer than three items', () => expect(omegaOneFactor(Float64Array.of(1, 0.5, 0.5, 1), 2)).toBeNull());
});

describe('careless indices (docs/psychometrics.md#5-careless-responding)', () => {
  it('longstring: NA equals nothing, so it is a run of its own', () => {
    expect(longstring(Float64Array.of(1, 1, 2, 2, 2, NA, 3, 3), 0, 8)).toEqual({ max: 3, average: 2 });
    expect(longstring(Float64Array.of(NA, NA, NA), 0, 3)).toEqual({ max: 1, average: 1 });
  });

  it('irv is the sd of the answered items (n − 1), undefined below two answers', () => {
    expect(irv(Float64Array.of(1, 2, 3, 4, 5), 0, 5)).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(irv(Float64Array.of(3, NA, 5), 0, 3)).toBeCloseTo(Math.SQRT2, 15);
    expect(irv(Float64Array.of(3, NA), 0, 2)).toBeNaN();
  });

  const groups = [Int32Array.of(0, 1, 2, 3), Int32Array.of(4, 5, 6, 7), Int32Array.of(8, 9, 10, 11)];
  const eo = (values: number[]) => evenOdd(Float64Array.from(values), groups, new Float64Array(3), new Float64Array(3));

  it('even-odd: halves that agree give −1 (careless ≥ 1.2.0: higher = less consistent)', () => {
    // Odd positions (1, 3) and even positions (2, 4) have the same means per scale: 2, 3, 4.
    expect(eo([2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4])).toBeCloseTo(-1, 15);
  });

  it('even-odd: halves that disagree perfectly give r = −1 → Spearman–Brown −∞ → floored at −1 → 1', () => {
    expect(eo([2, 4, 2, 4, 3, 3, 3, 3, 4, 2, 4, 2])).toBe(1);
  });

  it('even-odd is undefined when one half does not vary across scales', () => {
    expect(eo([3, 2, 3, 4, 3, 3, 3, 3, 3, 4, 3, 2])).toBeNaN();
  });

  it('psychsyn: r over the answered pairs, needing more than two', () => {
    const pairs = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7);
    expect(synonymScore(Float64Array.of(1, 2, 3, 4, 4, 5, 2, 3), 0, pairs)).toBeCloseTo(1, 15);
    expect(synonymScore(Float64Array.of(1, 5, 3, 3, 5, 1, 2, 4), 0, pairs)).toBeCloseTo(-1, 15);
    expect(synonymScore(Float64Array.of(1, 2, 3, 4, NA, 5, 2, NA), 0, pairs)).toBeNaN();
  });

  it('Mahalanobis D² = x̃′Σ⁻¹x̃ with the pairwise covariance: Σ = diag(4/3, 16/3) → (1, 2) has D² = 3/4 + 3/4', () => {
    const def = instrument('kat', [
      ['a', 'S', 1],
      ['b', 'T', 1],
    ]);
    const rows = [
      [4, 5],
      [2, 1],
      [4, 1],
      [2, 5],
    ];
    // Four people are far too few to mean anything (comparison.ts); the formula is what is checked here.
    const result = analyzeRows(def, rows, { comparisonMinimum: 4 });
    expect(Array.from(result.careless.mahalanobis)).toEqual([1.5, 1.5, 1.5, 1.5].map((d) => expect.closeTo(d, 14)));
  });
});

describe('response time (docs/psychometrics.md#6-response-time)', () => {
  it('counts items under 2 s and pages of ten answered under 2 s per item', () => {
    const times = Float64Array.from({ length: 20 }, (_, j) => (j < 10 ? 1500 : 3000));
    expect(responseTimeIndices(times, 0, 20, 2000, 10)).toEqual({ totalSeconds: 45, medianSeconds: 2.25, itemsUnderThreshold: 10, pageTimeIndex: 1, timed: 20 });
  });

  it('judges a page by the items that have a time', () => {
    const times = Float64Array.from({ length: 10 }, (_, j) => (j < 5 ? 2500 : NA));
    expect(responseTimeIndices(times, 0, 10, 2000, 10)).toMatchObject({ totalSeconds: 12.5, pageTimeIndex: 0, timed: 5 });
  });
});

describe('validity verdict (issue 3 §6)', () => {
  const items = Array.from({ length: 40 }, (_, i): [string, string, 1 | -1] => [`i${i + 1}`, `S${(i % 4) + 1}`, i % 3 ? 1 : -1]);
  const def = instrument('kat', items);
  const attentive = (seed: number) => items.map(([, , keyed], j) => (keyed > 0 ? 2 + ((j * 7 + seed) % 3) : 4 - ((j * 7 + seed) % 3)));

  it('names the index, its value and the cut-off for a straight-liner', () => {
    const rows = [...Array.from({ length: 12 }, (_, s) => attentive(s)), items.map(() => 3)];
    const result = analyzeRows(def, rows);
    expect(result.verdicts[12]).toBe('invalid');
    const reasons = result.findings[12]!.map(({ index, value, cutoff }) => ({ index, value, cutoff }));
    expect(reasons).toContainEqual({ index: 'longstringMax', value: 40, cutoff: 10 });
    expect(reasons).toContainEqual({ index: 'irv', value: 0, cutoff: expect.closeTo(0.2, 12) });
    expect(result.findings[12]!.find((f) => f.index === 'longstringMax')!.message).toBe(
      'Gave the same answer to 40 items in a row (longstring); 10 or more suggests answering without reading.',
    );
  });

  it('calls too few answers questionable or invalid by the share answered', () => {
    const rows: Array<Array<number | null>> = Array.from({ length: 12 }, (_, s) => attentive(s));
    rows.push(attentive(1).map((x, j) => (j < 28 ? x : null)));
    rows.push(attentive(2).map((x, j) => (j < 15 ? x : null)));
    const result = analyzeRows(def, rows);
    expect(result.findings[12]!.find((f) => f.index === 'answered')).toMatchObject({ value: 28, cutoff: 32, level: 'questionable' });
    expect(result.findings[13]!.find((f) => f.index === 'answered')).toMatchObject({ value: 15, cutoff: 20, level: 'invalid' });
    expect(result.verdicts[13]).toBe('invalid');
  });

  it('switches a cut-off off with null', () => {
    const rows = [...Array.from({ length: 12 }, (_, s) => attentive(s)), items.map(() => 3)];
    const result = analyzeRows(def, rows, { thresholds: { longstring: { questionable: null, invalid: null }, irv: { invalid: null, questionable: null } } });
    expect(result.findings[12]!.map((f) => f.index)).not.toContain('longstringMax');
  });
});

describe('omega in a Heywood case', () => {
  it('stops a communality at psych’s bound (uniqueness ≥ 0.005) and says the fit is improper', () => {
    // r12 = r13 = .8, r23 = .5: a free one-factor fit wants λ1² = .8·.8/.5 = 1.28.
    const r = Float64Array.of(1, 0.8, 0.8, 0.3, 0.8, 1, 0.5, 0.2, 0.8, 0.5, 1, 0.25, 0.3, 0.2, 0.25, 1);
    const omega = omegaOneFactor(r, 4)!;
    expect(omega.heywood).toBe(true);
    expect(omega.loadings[0]!).toBeGreaterThan(Math.sqrt(0.995));
    expect(Number.isFinite(omega.total)).toBe(true);
  });
});
