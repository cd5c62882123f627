/**
 * Careless-responding indices of one respondent, as careless 1.2.2 computes them
 * (docs/psychometrics.md#5-careless-responding). Each takes one row of the response matrix (NaN = missing); the
 * sample-level parts (item pairs, covariance) come from outside.
 */

/** longstring (Johnson 2005) via rle: NA equals nothing, so each NA is a run of 1. All-NA → 1, 1. */
export function longstring(values: Float64Array, start: number, k: number): { max: number; average: number } {
  let runs = 1;
  let run = 1;
  let max = 1;
  for (let j = 1; j < k; j += 1) {
    const x = values[start + j]!;
    if (x === values[start + j - 1]!) {
      run += 1;
      if (run > max) max = run;
    } else {
      runs += 1;
      run = 1;
    }
  }
  return { max, average: k / runs };
}

/** irv (Dunn et al. 2018): the standard deviation of the answered items (n − 1); NaN below two answers. */
export function irv(values: Float64Array, start: number, k: number): number {
  let n = 0;
  let sum = 0;
  for (let j = 0; j < k; j += 1) {
    const x = values[start + j]!;
    if (x === x) {
      n += 1;
      sum += x;
    }
  }
  if (n < 2) return Number.NaN;
  const mean = sum / n;
  let ss = 0;
  for (let j = 0; j < k; j += 1) {
    const x = values[start + j]!;
    if (x === x) ss += (x - mean) * (x - mean);
  }
  return Math.sqrt(ss / (n - 1));
}

/** R's cor() cuts rounding excursions beyond ±1 (so r = −1 stays −1 and Spearman–Brown gives −1). */
export const clampCorrelation = (r: number): number => (r >= 1 ? 1 : r <= -1 ? -1 : r);

/** Pearson r of two equally long lists over the positions where both are present; NaN when undefined. */
export function pearsonPairwise(a: ArrayLike<number>, b: ArrayLike<number>, length: number): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let firstA = Number.NaN;
  let firstB = Number.NaN;
  let constA = true;
  let constB = true;
  for (let i = 0; i < length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== x || y !== y) continue;
    if (n === 0) {
      firstA = x;
      firstB = y;
    } else {
      if (x !== firstA) constA = false;
      if (y !== firstB) constB = false;
    }
    n += 1;
    sa += x;
    sb += y;
  }
  if (n < 2 || constA || constB) return Number.NaN;
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== x || y !== y) continue;
    sab += (x - ma) * (y - mb);
    saa += (x - ma) * (x - ma);
    sbb += (y - mb) * (y - mb);
  }
  return clampCorrelation(sab / (Math.sqrt(saa) * Math.sqrt(sbb)));
}

/**
 * evenodd (Johnson 2005; careless ≥ 1.2.0 sign): per group of columns (a scale or facet, items in
 * presentation order) the mean of the scored items at even and at odd positions; r over groups; Spearman–Brown
 * `2r/(1+r)`, floored at −1; negated so that higher = more careless.
 */
export function evenOdd(
  scored: Float64Array,
  groups: readonly Int32Array[],
  evenMeans: Float64Array,
  oddMeans: Float64Array,
): number {
  groups.forEach((columns, g) => {
    let evenSum = 0;
    let evenN = 0;
    let oddSum = 0;
    let oddN = 0;
    for (let p = 0; p < columns.length; p += 1) {
      const x = scored[columns[p]!]!;
      if (x !== x) continue;
      // Position p + 1 in the scale: even positions are 2, 4, … (p odd).
      if (p % 2 === 1) {
        evenSum += x;
        evenN += 1;
      } else {
        oddSum += x;
        oddN += 1;
      }
    }
    evenMeans[g] = evenN ? evenSum / evenN : Number.NaN;
    oddMeans[g] = oddN ? oddSum / oddN : Number.NaN;
  });
  const r = pearsonPairwise(evenMeans, oddMeans, groups.length);
  if (r !== r) return Number.NaN;
  let sb = (2 * r) / (1 + r);
  if (sb < -1) sb = -1;
  return -sb;
}

/**
 * psychsyn / psychant for one respondent (Meade & Craig 2012; careless `resample_na = FALSE`): over the item
 * pairs where both are answered, if there are more than two, the Pearson r between first and second items.
 * `pairs` holds column indices [a0, b0, a1, b1, …]. Responses are whole numbers, so the sums are exact.
 */
export function synonymScore(row: Float64Array, start: number, pairs: Int32Array): number {
  let n = 0;
  let su = 0;
  let sv = 0;
  let suu = 0;
  let svv = 0;
  let suv = 0;
  for (let p = 0; p < pairs.length; p += 2) {
    const u = row[start + pairs[p]!]!;
    const v = row[start + pairs[p + 1]!]!;
    if (u !== u || v !== v) continue;
    n += 1;
    su += u;
    sv += v;
    suu += u * u;
    svv += v * v;
    suv += u * v;
  }
  if (n <= 2) return Number.NaN;
  const vu = n * suu - su * su;
  const vv = n * svv - sv * sv;
  if (vu <= 0 || vv <= 0) return Number.NaN;
  return clampCorrelation((n * suv - su * sv) / (Math.sqrt(vu) * Math.sqrt(vv)));
}

/** An item pair and its sample correlation, as careless::psychsyn_critval lists them. */
export interface ItemPair {
  /** Column indices: `first` is the later item (careless' var1), `second` the earlier (var2). */
  first: number;
  second: number;
  r: number;
}

/** All pairs of the lower triangle in careless' order (column by column), with their correlation. */
export function lowerTrianglePairs(cor: Float64Array, k: number): ItemPair[] {
  const pairs: ItemPair[] = [];
  for (let second = 0; second < k; second += 1) {
    for (let first = second + 1; first < k; first += 1) pairs.push({ first, second, r: cor[first * k + second]! });
  }
  return pairs;
}

/** psychsyn's pairs: r > critval (synonyms) or r < −critval (antonyms), strict; |critval| is used. */
export function selectPairs(cor: Float64Array, k: number, critval: number, antonyms: boolean): Int32Array {
  const c = Math.abs(critval);
  const out: number[] = [];
  for (const pair of lowerTrianglePairs(cor, k)) {
    if (antonyms ? pair.r < -c : pair.r > c) out.push(pair.first, pair.second);
  }
  return Int32Array.from(out);
}

/** careless::psychsyn_critval: every pair, highest r first (lowest first for antonyms); NA last. */
export function critvalPairs(cor: Float64Array, k: number, antonyms = false): ItemPair[] {
  const pairs = lowerTrianglePairs(cor, k);
  const key = (p: ItemPair) => (Number.isNaN(p.r) ? Number.POSITIVE_INFINITY : antonyms ? p.r : -p.r);
  // Array.prototype.sort is stable: ties keep careless' order.
  return pairs.sort((a, b) => key(a) - key(b) || 0);
}
