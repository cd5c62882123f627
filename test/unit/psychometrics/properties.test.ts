import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateMoments, layoutFor, longstring, mergeMoments } from '../../../src/engine/psychometrics';
import { scoreRow } from '../../../src/engine/psychometrics/blocks';
import { analyzeRows, instrument } from '../../helpers/psych-fixtures';

/** Invariants of the scoring identities (issue 3: tests that must exist). */
const RUNS = 60;

/** A data set: rows × items of answers in [min, max] (or missing), with a keying per item. */
const dataset = (options: { missing: boolean; minItems?: number }) =>
  fc
    .record({ min: fc.integer({ min: -2, max: 1 }), span: fc.integer({ min: 2, max: 6 }), items: fc.integer({ min: options.minItems ?? 3, max: 7 }), rows: fc.integer({ min: 12, max: 40 }) })
    .chain(({ min, span, items, rows }) =>
      fc.record({
        min: fc.constant(min),
        max: fc.constant(min + span),
        keys: fc.array(fc.constantFrom(1 as const, -1 as const), { minLength: items, maxLength: items }),
        rows: fc.array(
          fc.array(options.missing ? fc.option(fc.integer({ min, max: min + span }), { freq: 8 }) : fc.integer({ min, max: min + span }), { minLength: items, maxLength: items }),
          { minLength: rows, maxLength: rows },
        ),
      }),
    );

const defOf = (keys: Array<1 | -1>, min: number, max: number) =>
  instrument('prop', keys.map((keyed, i): [string, string, 1 | -1] => [`i${i}`, 'S', keyed]), { min, max });

describe('scoring identities', () => {
  it('reverse keying twice is the identity', () => {
    fc.assert(
      fc.property(dataset({ missing: true }), ({ min, max, keys, rows }) => {
        const layout = layoutFor(defOf(keys, min, max), keys.map((_, i) => `i${i}`));
        for (const row of rows) {
          const raw = Float64Array.from(row, (x) => (x === null ? Number.NaN : x));
          const once = new Float64Array(row.length);
          const twice = new Float64Array(row.length);
          scoreRow(raw, 0, layout, once);
          scoreRow(once, 0, layout, twice);
          expect(Array.from(twice)).toEqual(Array.from(raw));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('longstring of a constant row is its length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: -3, max: 9 }), (k, value) => {
        expect(longstring(new Float64Array(k).fill(value), 0, k)).toEqual({ max: k, average: k });
      }),
      { numRuns: RUNS },
    );
  });

  it('alpha does not depend on the order of the items', () => {
    fc.assert(
      fc.property(dataset({ missing: true }), fc.integer({ min: 1, max: 1000 }), ({ min, max, keys, rows }, seed) => {
        const order = keys.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97));
        const a = analyzeRows(defOf(keys, min, max), rows).scales[0]!.alpha;
        const b = analyzeRows(
          defOf(order.map((i) => keys[i]!), min, max),
          rows.map((row) => order.map((i) => row[i]!)),
        ).scales[0]!.alpha;
        for (const figure of ['raw', 'std', 'g6', 'averageR', 'ase', 'medianR', 'varR'] as const) {
          if (Number.isNaN(a[figure])) expect(b[figure]).toBeNaN();
          else expect(b[figure]).toBeCloseTo(a[figure], 10);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('Mahalanobis D² is the same on raw and on reverse-keyed answers', () => {
    fc.assert(
      fc.property(dataset({ missing: true, minItems: 2 }), ({ min, max, keys, rows }) => {
        // Any group size: the property is about the formula, not about how large a group it takes to mean much.
        const anyGroup = { comparisonMinimum: 2 };
        const raw = analyzeRows(defOf(keys, min, max), rows, anyGroup).careless.mahalanobis;
        const flipped = rows.map((row) => row.map((x, j) => (x === null || keys[j]! > 0 ? x : min + max - x)));
        const scored = analyzeRows(defOf(keys, min, max), flipped, anyGroup).careless.mahalanobis;
        raw.forEach((d, i) => {
          if (Number.isNaN(d)) expect(scored[i]).toBeNaN();
          else expect(scored[i]).toBeCloseTo(d, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(d) + 1))));
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('moments added up from any split of the rows equal those of all rows, to the bit', () => {
    fc.assert(
      fc.property(dataset({ missing: true }), fc.array(fc.nat(), { maxLength: 5 }), ({ rows }, cuts) => {
        const k = rows[0]!.length;
        const values = Float64Array.from(rows.flat(), (x) => (x === null ? Number.NaN : x));
        const bounds = [...new Set([0, ...cuts.map((c) => c % rows.length), rows.length])].sort((a, b) => a - b);
        const parts = bounds.slice(1).map((end, i) => accumulateMoments(values, k, bounds[i]!, end));
        const merged = mergeMoments(k, parts);
        const whole = accumulateMoments(values, k, 0, rows.length);
        expect(merged.cross).toEqual(whole.cross);
        expect(merged.sum).toEqual(whole.sum);
        expect(merged.deficit?.sumSq).toEqual(whole.deficit?.sumSq);
      }),
      { numRuns: RUNS },
    );
  });
});
