import fQuantile from '@stdlib/stats-base-dists-f-quantile';
import { inverseFromEigen, median, pseudoInverseDiagonal, submatrix, symmetricEigen, variance } from './matrix';
import { omegaOneFactor } from './omega';

/**
 * Cronbach's alpha and its companions exactly as `psych::alpha` 2.2.9 computes them for pre-scored items with
 * `keys = NULL` (docs/psychometrics.md#3-reliability-the-alpha-family). Works from the pairwise covariance of the
 * scale's scored items; the raw data are needed only for the total score's mean, sd and item–total correlations,
 * which the caller supplies.
 */
export interface AlphaFigures {
  raw: number;
  std: number;
  g6: number;
  averageR: number;
  signalNoise: number;
  /** Duhachek & Iacobucci's Q; the standard error is √(Q/N). */
  q: number;
  varR: number;
  medianR: number;
}

export interface ItemReliability {
  item: string;
  n: number;
  mean: number;
  sd: number;
  rawR: number;
  stdR: number;
  rCor: number;
  rDrop: number;
  /** alpha.drop of psych: the figures with this item left out, `ase` = √(Q₋ⱼ/N) (NaN when N ≤ items). */
  alphaIfDropped: AlphaFigures & { ase: number };
}

export interface Reliability {
  /** Items analysed (items without variance are dropped, as psych does with a warning). */
  items: number;
  dropped: string[];
  alpha: AlphaFigures & { ase: number };
  /** Feldt 95% interval (psych::alpha.ci). */
  feldt: { lower: number; upper: number };
  /** Mean and sd of the total score (the mean of the items). */
  total: { mean: number; sd: number };
  omega: { total: number; hierarchical: number; heywood: boolean } | null;
  itemStats: ItemReliability[];
}

/** What the caller knows of a scale's items (scored, pairwise). */
export interface ScaleStatistics {
  itemIds: string[];
  /** Scored pairwise covariance, m × m. */
  cov: Float64Array;
  /** Scored pairwise correlation (cor_pw, for omega), m × m. */
  cor: Float64Array;
  count: ArrayLike<number>;
  mean: ArrayLike<number>;
  /** Rows of data, including those with every item missing (psych's nsub). */
  respondents: number;
}

/** Total score statistics over the kept items: mean, sd and cor(total, item) (pairwise) per kept item. */
export interface TotalStatistics {
  mean: number;
  sd: number;
  rawR: Float64Array;
}

/** Items with a positive variance; psych drops the others (sd ≤ 0 or NA). */
export function keptItems(stats: Pick<ScaleStatistics, 'cov' | 'itemIds'>): number[] {
  const m = stats.itemIds.length;
  return Array.from({ length: m }, (_, j) => j).filter((j) => stats.cov[j * m + j]! > 0);
}

/** cov2cor, as stats::cov2cor computes it: Is·V·Is with Is = √(1/diag), diagonal set to 1. */
export function covToCor(c: Float64Array, m: number): Float64Array {
  const is = Float64Array.from({ length: m }, (_, j) => Math.sqrt(1 / c[j * m + j]!));
  const r = new Float64Array(m * m);
  for (let i = 0; i < m; i += 1) for (let j = 0; j < m; j += 1) r[i * m + j] = i === j ? 1 : is[i]! * c[i * m + j]! * is[j]!;
  return r;
}

/** psych::smc from the diagonal of the (pseudo-)inverse: 1 − 1/d, clamped to [0, 1]. */
function smcFromInverseDiagonal(d: ArrayLike<number>): Float64Array {
  return Float64Array.from(d, (x) => Math.min(1, Math.max(0, 1 - 1 / x)));
}

/** alpha.1 of psych over the items `index` of C and R, given the SMCs of R[index, index]. */
function alphaOne(c: Float64Array, r: Float64Array, m: number, index: readonly number[], smc: ArrayLike<number>): AlphaFigures {
  const n = index.length;
  let sumC = 0;
  let trC = 0;
  let trC2 = 0;
  let sumCC = 0;
  let sumR = 0;
  const lower: number[] = [];
  for (let a = 0; a < n; a += 1) {
    const ia = index[a]! * m;
    let rowC = 0;
    for (let b = 0; b < n; b += 1) {
      const cab = c[ia + index[b]!]!;
      rowC += cab;
      trC2 += cab * cab;
      sumR += r[ia + index[b]!]!;
      if (b < a) lower.push(r[ia + index[b]!]!);
    }
    sumC += rowC;
    sumCC += rowC * rowC;
    trC += c[ia + index[a]!]!;
  }
  let sumSmc = 0;
  for (let a = 0; a < n; a += 1) sumSmc += smc[a]!;
  const averageR = (sumR - n) / (n * (n - 1));
  return {
    raw: (1 - trC / sumC) * (n / (n - 1)),
    std: (1 - n / sumR) * (n / (n - 1)),
    g6: 1 - (n - sumSmc) / sumR,
    averageR,
    signalNoise: (n * averageR) / (1 - averageR),
    q: ((2 * n * n) / ((n - 1) ** 2 * sumC ** 3)) * (sumC * (trC2 + trC * trC) - 2 * (trC * sumCC)),
    varR: variance(lower),
    medianR: median(lower),
  };
}

const nan = Number.NaN;
const nanFigures = (): AlphaFigures & { ase: number } => ({ raw: nan, std: nan, g6: nan, averageR: nan, signalNoise: nan, q: nan, varR: nan, medianR: nan, ase: nan });

/**
 * SMCs of R with each item left out. With R comfortably positive definite (eigenvalues above 1e-6 of the
 * largest; by interlacing every submatrix is then too) the inverse of R₋ⱼ follows from R⁻¹ by a rank-one
 * update; otherwise each submatrix gets its own pseudo-inverse, as psych computes it.
 */
function smcWithoutEach(r: Float64Array, m: number): { full: Float64Array; dropped: Float64Array[] } {
  const eigen = symmetricEigen(r, m);
  const inverseDiagonal = pseudoInverseDiagonal(r, m, eigen);
  const full = smcFromInverseDiagonal(inverseDiagonal);
  const smallest = eigen.values[m - 1]!;
  const wellConditioned = smallest > 1e-6 * eigen.values[0]!;
  const dropped: Float64Array[] = [];
  if (wellConditioned) {
    // A = R⁻¹ (exact inverse here): (R₋ⱼ)⁻¹ = A₋ⱼ₋ⱼ − A₋ⱼ,ⱼ Aⱼ,₋ⱼ / Aⱼⱼ.
    const inverse = inverseFromEigen(eigen, m);
    for (let j = 0; j < m; j += 1) {
      const ajj = inverse[j * m + j]!;
      const d: number[] = [];
      for (let i = 0; i < m; i += 1) if (i !== j) d.push(inverse[i * m + i]! - inverse[i * m + j]! ** 2 / ajj);
      dropped.push(smcFromInverseDiagonal(d));
    }
  } else {
    for (let j = 0; j < m; j += 1) {
      const index = Array.from({ length: m }, (_, i) => i).filter((i) => i !== j);
      dropped.push(smcFromInverseDiagonal(pseudoInverseDiagonal(submatrix(r, m, index), m - 1)));
    }
  }
  return { full, dropped };
}

/** Feldt's interval (psych::alpha.ci, p = .05). */
export function feldtInterval(alpha: number, respondents: number, items: number): { lower: number; upper: number } {
  const df1 = respondents - 1;
  const df2 = (respondents - 1) * (items - 1);
  if (!(df1 > 0 && df2 > 0) || !Number.isFinite(alpha)) return { lower: nan, upper: nan };
  return { lower: 1 - (1 - alpha) * fQuantile(0.975, df1, df2), upper: 1 - (1 - alpha) * fQuantile(0.025, df1, df2) };
}

/**
 * The whole of psych::alpha for one scale. `total` gives the statistics of the total score over the kept items
 * (psych: rowMeans of the kept items, adjusted for dropped ones), in the order of `keptItems`.
 */
export function reliability(stats: ScaleStatistics, kept: readonly number[], total: TotalStatistics): Reliability {
  const mAll = stats.itemIds.length;
  const dropped = stats.itemIds.filter((_, j) => !kept.includes(j));
  const m = kept.length;
  const c = submatrix(stats.cov, mAll, kept);
  const r = covToCor(c, m);
  const omega = omegaOneFactor(stats.cor, mAll);
  const N = stats.respondents;
  const base = {
    items: m,
    dropped,
    total: { mean: total.mean, sd: total.sd },
    omega: omega && { total: omega.total, hierarchical: omega.hierarchical, heywood: omega.heywood },
  };
  const itemBasics = (a: number) => {
    const j = kept[a]!;
    return { item: stats.itemIds[j]!, n: stats.count[j]!, mean: stats.mean[j]!, sd: Math.sqrt(c[a * m + a]!) };
  };
  if (m < 2 || c.some((x) => !Number.isFinite(x))) {
    return {
      ...base,
      alpha: nanFigures(),
      feldt: { lower: nan, upper: nan },
      itemStats: kept.map((_, a) => ({ ...itemBasics(a), rawR: total.rawR[a]!, stdR: nan, rCor: nan, rDrop: nan, alphaIfDropped: nanFigures() })),
    };
  }
  const all = Array.from({ length: m }, (_, i) => i);
  const smc = smcWithoutEach(r, m);
  const figures = alphaOne(c, r, m, all, smc.full);
  const alpha = { ...figures, ase: Math.sqrt(figures.q / N) };

  let sumR = 0;
  let sumRC = 0;
  const colR = new Float64Array(m);
  const colC = new Float64Array(m);
  let sumC = 0;
  for (let a = 0; a < m; a += 1) {
    for (let b = 0; b < m; b += 1) {
      colR[a] = colR[a]! + r[b * m + a]!;
      colC[a] = colC[a]! + c[b * m + a]!;
    }
    sumR += colR[a]!;
    sumC += colC[a]!;
    sumRC += colR[a]! - 1 + smc.full[a]!;
  }

  const itemStats = all.map((a): ItemReliability => {
    let drop: AlphaFigures & { ase: number };
    if (m > 2) {
      const f = alphaOne(c, r, m, all.filter((b) => b !== a), smc.dropped[a]!);
      drop = { ...f, ase: N > m ? Math.sqrt(f.q / N) : nan };
    } else {
      // psych special-cases two items: the "alpha" left is the other item's regression on this one, etc.
      const other = 1 - a;
      const r12 = r[1]!;
      drop = { raw: c[1]! / c[other * m + other]!, std: r12, g6: smc.full[0]!, averageR: r12, signalNoise: r12 / (1 - r12), q: nan, varR: 0, medianR: r12, ase: nan };
    }
    const cjj = c[a * m + a]!;
    return {
      ...itemBasics(a),
      rawR: total.rawR[a]!,
      stdR: colR[a]! / Math.sqrt(sumR),
      rCor: (colR[a]! - 1 + smc.full[a]!) / Math.sqrt(sumRC),
      rDrop: (colC[a]! - cjj) / Math.sqrt(cjj * (sumC - 2 * colC[a]! + cjj)),
      alphaIfDropped: drop,
    };
  });
  return { ...base, alpha, feldt: feldtInterval(figures.raw, N, m), itemStats };
}
