import { variance } from '../psychometrics/matrix';

/**
 * Descriptive statistics of one trait over the members who have a score (docs/team-dynamics.md#2-composition):
 * n, mean, sd (n − 1), sd (n), min, max and range. Undefined figures are null, never NaN: no member gives nulls
 * throughout, one member has no sd (n − 1) but a population sd of 0.
 */
export interface Stats {
  n: number;
  mean: number | null;
  sd: number | null;
  sdPop: number | null;
  min: number | null;
  max: number | null;
  range: number | null;
}

export const EMPTY_STATS: Stats = { n: 0, mean: null, sd: null, sdPop: null, min: null, max: null, range: null };

/** The present values, ascending: summing in one fixed order makes every figure independent of member order. */
export function presentSorted(values: ReadonlyArray<number | null | undefined>): Float64Array {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return Float64Array.from(present).sort();
}

export function sumOf(sorted: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < sorted.length; i += 1) sum += sorted[i]!;
  return sum;
}

export function describe(values: ReadonlyArray<number | null | undefined>): Stats {
  const sorted = presentSorted(values);
  const n = sorted.length;
  if (n === 0) return EMPTY_STATS;
  const mean = sumOf(sorted) / n;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (n === 1) return { n, mean, sd: null, sdPop: 0, min, max, range: 0 };
  // Equal values have no spread; summing them can leave a rounding residue that is not one.
  if (min === max) return { n, mean: min, sd: 0, sdPop: 0, min, max, range: 0 };
  const v = variance(sorted);
  return { n, mean, sd: Math.sqrt(v), sdPop: Math.sqrt((v * (n - 1)) / n), min, max, range: max - min };
}
