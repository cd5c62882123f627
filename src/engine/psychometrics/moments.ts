import { clampCorrelation } from './careless';

/**
 * Pairwise-complete moments of the raw responses, accumulated in one pass over the rows
 * (docs/psychometrics.md#1-data-conventions: `cov_pw`,
 * `cor_pw`). Responses are whole numbers, so every sum here is an exact integer in double precision (up to
 * 2^53); blocks of rows can be accumulated separately, in any order or thread, and added up without changing a
 * bit of the result.
 *
 * Missing data: products treat NA as 0, so `cross` holds Σ x_j x_l over rows where both are present. The
 * per-pair counts and sums come from "deficits": for each row with item l missing, what item j contributed
 * (presence, x_j, x_j²) is recorded under (l, j); a pair's sums are the item's sums minus that deficit.
 */
export interface Moments {
  k: number;
  /** Rows seen. */
  rows: number;
  /** Σ x_j x_l over rows where both are present; lower triangle, [j * k + l] with l ≤ j. */
  cross: Float64Array;
  /** Per item: answers, Σ x, Σ x². */
  count: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
  /** [l * k + j]: over rows where item l is missing, the presence, Σ x_j and Σ x_j² of item j. Null if none. */
  deficit: { count: Float64Array; sum: Float64Array; sumSq: Float64Array } | null;
}

/** Rows handled together in the cross-product kernel: each load of an accumulator serves eight rows. */
const ROW_BLOCK = 8;

export function emptyMoments(k: number): Moments {
  return {
    k,
    rows: 0,
    cross: new Float64Array(k * k),
    count: new Float64Array(k),
    sum: new Float64Array(k),
    sumSq: new Float64Array(k),
    deficit: null,
  };
}

/** Accumulates rows [start, end) of an n × k row-major matrix (NaN = missing). */
export function accumulateMoments(values: Float64Array, k: number, start: number, end: number): Moments {
  const m = emptyMoments(k);
  m.rows = end - start;
  const { cross, count, sum, sumSq } = m;
  const buffer = new Float64Array(ROW_BLOCK * k);
  const missing: number[] = [];
  for (let r0 = start; r0 < end; r0 += ROW_BLOCK) {
    const rowsHere = Math.min(ROW_BLOCK, end - r0);
    buffer.fill(0);
    for (let b = 0; b < rowsHere; b += 1) {
      const base = (r0 + b) * k;
      const target = b * k;
      missing.length = 0;
      for (let j = 0; j < k; j += 1) {
        const x = values[base + j]!;
        if (x !== x) {
          missing.push(j);
          continue;
        }
        buffer[target + j] = x;
        count[j] = count[j]! + 1;
        sum[j] = sum[j]! + x;
        sumSq[j] = sumSq[j]! + x * x;
      }
      if (missing.length) addDeficits(m, values, base, missing);
    }
    crossKernel(cross, buffer, k);
  }
  return m;
}

function addDeficits(m: Moments, values: Float64Array, base: number, missing: readonly number[]): void {
  const k = m.k;
  m.deficit ??= { count: new Float64Array(k * k), sum: new Float64Array(k * k), sumSq: new Float64Array(k * k) };
  const { count, sum, sumSq } = m.deficit;
  for (const l of missing) {
    const o = l * k;
    for (let j = 0; j < k; j += 1) {
      const x = values[base + j]!;
      if (x !== x) continue;
      count[o + j] = count[o + j]! + 1;
      sum[o + j] = sum[o + j]! + x;
      sumSq[o + j] = sumSq[o + j]! + x * x;
    }
  }
}

/** cross[j,l] += Σ_b x_bj x_bl for the eight buffered rows (missing = 0, unused rows = 0). */
function crossKernel(cross: Float64Array, v: Float64Array, k: number): void {
  const k2 = 2 * k, k3 = 3 * k, k4 = 4 * k, k5 = 5 * k, k6 = 6 * k, k7 = 7 * k;
  for (let j = 0; j < k; j += 1) {
    const a0 = v[j]!, a1 = v[k + j]!, a2 = v[k2 + j]!, a3 = v[k3 + j]!;
    const a4 = v[k4 + j]!, a5 = v[k5 + j]!, a6 = v[k6 + j]!, a7 = v[k7 + j]!;
    const o = j * k;
    for (let l = 0; l <= j; l += 1) {
      cross[o + l] =
        cross[o + l]! +
        (a0 * v[l]! + a1 * v[k + l]! + a2 * v[k2 + l]! + a3 * v[k3 + l]! + a4 * v[k4 + l]! + a5 * v[k5 + l]! + a6 * v[k6 + l]! + a7 * v[k7 + l]!);
    }
  }
}

function addInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i += 1) target[i] = target[i]! + source[i]!;
}

/** Adds block moments together (exact: integer sums). */
export function mergeMoments(k: number, parts: readonly Moments[]): Moments {
  const total = emptyMoments(k);
  for (const part of parts) {
    total.rows += part.rows;
    addInto(total.cross, part.cross);
    addInto(total.count, part.count);
    addInto(total.sum, part.sum);
    addInto(total.sumSq, part.sumSq);
    if (part.deficit) {
      total.deficit ??= { count: new Float64Array(k * k), sum: new Float64Array(k * k), sumSq: new Float64Array(k * k) };
      addInto(total.deficit.count, part.deficit.count);
      addInto(total.deficit.sum, part.deficit.sum);
      addInto(total.deficit.sumSq, part.deficit.sumSq);
    }
  }
  return total;
}

/** Pairwise sums of one ordered pair: over rows where both j and l are present. */
interface PairSums {
  n: number;
  sj: number;
  sjj: number;
  sl: number;
  sll: number;
  sjl: number;
}

function pairSums(m: Moments, j: number, l: number, out: PairSums): PairSums {
  const k = m.k;
  const d = m.deficit;
  out.sjl = j >= l ? m.cross[j * k + l]! : m.cross[l * k + j]!;
  if (j === l) {
    out.n = m.count[j]!;
    out.sj = out.sl = m.sum[j]!;
    out.sjj = out.sll = m.sumSq[j]!;
    return out;
  }
  out.n = m.count[j]! - (d ? d.count[l * k + j]! : 0);
  out.sj = m.sum[j]! - (d ? d.sum[l * k + j]! : 0);
  out.sjj = m.sumSq[j]! - (d ? d.sumSq[l * k + j]! : 0);
  out.sl = m.sum[l]! - (d ? d.sum[j * k + l]! : 0);
  out.sll = m.sumSq[l]! - (d ? d.sumSq[j * k + l]! : 0);
  return out;
}

/**
 * `cov(X, use = "pairwise")`: for each pair the rows where both are present, their own means, n − 1. The
 * numerator n·Σxy − Σx·Σy is an exact integer, so the result is correctly rounded. NaN where n < 2.
 */
export function pairwiseCovariance(m: Moments): Float64Array {
  const k = m.k;
  const out = new Float64Array(k * k);
  const s: PairSums = { n: 0, sj: 0, sjj: 0, sl: 0, sll: 0, sjl: 0 };
  for (let j = 0; j < k; j += 1) {
    for (let l = 0; l <= j; l += 1) {
      pairSums(m, j, l, s);
      const c = s.n < 2 ? Number.NaN : (s.n * s.sjl - s.sj * s.sl) / (s.n * (s.n - 1));
      out[j * k + l] = c;
      out[l * k + j] = c;
    }
  }
  return out;
}

/**
 * `cor(X, use = "pairwise")`: each pair's own means and standard deviations. NaN where n < 2 or a variance is
 * zero (R gives NA and warns); rounding excursions beyond ±1 are cut as R does.
 */
export function pairwiseCorrelation(m: Moments): Float64Array {
  const k = m.k;
  const out = new Float64Array(k * k);
  const s: PairSums = { n: 0, sj: 0, sjj: 0, sl: 0, sll: 0, sjl: 0 };
  for (let j = 0; j < k; j += 1) {
    for (let l = 0; l < j; l += 1) {
      pairSums(m, j, l, s);
      const vj = s.n * s.sjj - s.sj * s.sj;
      const vl = s.n * s.sll - s.sl * s.sl;
      const r = s.n < 2 || vj <= 0 || vl <= 0 ? Number.NaN : clampCorrelation((s.n * s.sjl - s.sj * s.sl) / (Math.sqrt(vj) * Math.sqrt(vl)));
      out[j * k + l] = r;
      out[l * k + j] = r;
    }
    const n = m.count[j]!;
    out[j * k + j] = n < 2 || n * m.sumSq[j]! - m.sum[j]! ** 2 <= 0 ? Number.NaN : 1;
  }
  return out;
}

/** Per-item means over answered rows (`colMeans(X, na.rm = TRUE)`). */
export function itemMeans(m: Moments): Float64Array {
  return Float64Array.from(m.count, (n, j) => (n > 0 ? m.sum[j]! / n : Number.NaN));
}
