import { evenOdd, irv, longstring, synonymScore } from './careless';
import type { Layout, ScaleLayout } from './layout';
import { mahalanobisRows, type MahalanobisModel } from './mahalanobis';
import { accumulateMoments, type Moments } from './moments';
import { responseTimeIndices } from './response-time';

/**
 * The two passes over the respondents. Each works on a block of rows and returns plain data (typed arrays), so
 * a worker thread can run it on its share of a shared response matrix; blocks have a fixed size and are merged
 * in order, so the result does not depend on how many threads did the work.
 */
export const BLOCK_ROWS = 2048;

export function blockRanges(n: number, size = BLOCK_ROWS): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start < n; start += size) ranges.push([start, Math.min(n, start + size)]);
  return ranges;
}

/** What the first pass needs: the layout and the data. */
export interface FirstPassInput {
  layout: Layout;
  k: number;
  values: Float64Array;
  times: { values: Float64Array; present: Uint8Array } | null;
  rt: { thresholdMs: number; pageSize: number };
}

/** Per-respondent figures of the first pass, each an array over the block's rows (NaN = undefined). */
export interface FirstPass {
  start: number;
  end: number;
  moments: Moments;
  answered: Float64Array;
  /** rows × scales / facets, row-major. */
  scaleMeans: Float64Array;
  scaleSums: Float64Array;
  facetMeans: Float64Array;
  facetSums: Float64Array;
  longstringMax: Float64Array;
  longstringAvg: Float64Array;
  irv: Float64Array;
  evenOdd: Float64Array;
  evenOddFacets: Float64Array;
  rt: { totalSeconds: Float64Array; medianSeconds: Float64Array; itemsUnderThreshold: Float64Array; pageTimeIndex: Float64Array; timed: Float64Array } | null;
}

/** Reverse keying (docs/psychometrics.md#1-data-conventions): S = (min + max) − X for reverse-keyed items; NaN stays NaN. */
export function scoreRow(values: Float64Array, start: number, layout: Layout, out: Float64Array): void {
  const flip = layout.min + layout.max;
  const { keys } = layout;
  for (let j = 0; j < keys.length; j += 1) {
    const x = values[start + j]!;
    out[j] = keys[j]! < 0 ? flip - x : x;
  }
}

/** Scale means over answered items; sums only when every item is answered (docs/psychometrics.md#2-scale-scores-and-norms). */
function groupScores(scored: Float64Array, groups: readonly ScaleLayout[], means: Float64Array, sums: Float64Array, offset: number): void {
  groups.forEach((group, g) => {
    let sum = 0;
    let answered = 0;
    const { columns } = group;
    for (let p = 0; p < columns.length; p += 1) {
      const x = scored[columns[p]!]!;
      if (x === x) {
        sum += x;
        answered += 1;
      }
    }
    means[offset + g] = answered ? sum / answered : Number.NaN;
    sums[offset + g] = answered === columns.length ? sum : Number.NaN;
  });
}

export function firstPass(input: FirstPassInput, start: number, end: number): FirstPass {
  const { layout, k, values, times } = input;
  const rows = end - start;
  const nScales = layout.scales.length;
  const nFacets = layout.facets.length;
  const out: FirstPass = {
    start,
    end,
    moments: accumulateMoments(values, k, start, end),
    answered: new Float64Array(rows),
    scaleMeans: new Float64Array(rows * nScales),
    scaleSums: new Float64Array(rows * nScales),
    facetMeans: new Float64Array(rows * nFacets),
    facetSums: new Float64Array(rows * nFacets),
    longstringMax: new Float64Array(rows),
    longstringAvg: new Float64Array(rows),
    irv: new Float64Array(rows),
    evenOdd: new Float64Array(rows),
    evenOddFacets: new Float64Array(rows),
    rt: times
      ? {
          totalSeconds: new Float64Array(rows),
          medianSeconds: new Float64Array(rows),
          itemsUnderThreshold: new Float64Array(rows),
          pageTimeIndex: new Float64Array(rows),
          timed: new Float64Array(rows),
        }
      : null,
  };
  const scored = new Float64Array(k);
  const scaleColumns = layout.scales.map((s) => s.columns);
  const facetColumns = layout.facets.map((f) => f.columns);
  const even = new Float64Array(Math.max(nScales, nFacets));
  const odd = new Float64Array(Math.max(nScales, nFacets));
  for (let r = 0; r < rows; r += 1) {
    const base = (start + r) * k;
    let answered = 0;
    for (let j = 0; j < k; j += 1) if (values[base + j] === values[base + j]) answered += 1;
    out.answered[r] = answered;
    scoreRow(values, base, layout, scored);
    groupScores(scored, layout.scales, out.scaleMeans, out.scaleSums, r * nScales);
    groupScores(scored, layout.facets, out.facetMeans, out.facetSums, r * nFacets);
    const ls = longstring(values, base, k);
    out.longstringMax[r] = ls.max;
    out.longstringAvg[r] = ls.average;
    out.irv[r] = irv(values, base, k);
    out.evenOdd[r] = nScales > 1 ? evenOdd(scored, scaleColumns, even, odd) : Number.NaN;
    out.evenOddFacets[r] = nFacets > 1 ? evenOdd(scored, facetColumns, even, odd) : Number.NaN;
    if (times && out.rt) {
      if (times.present[start + r]) {
        const rt = responseTimeIndices(times.values, base, k, input.rt.thresholdMs, input.rt.pageSize);
        out.rt.totalSeconds[r] = rt.totalSeconds;
        out.rt.medianSeconds[r] = rt.medianSeconds;
        out.rt.itemsUnderThreshold[r] = rt.itemsUnderThreshold;
        out.rt.pageTimeIndex[r] = rt.pageTimeIndex;
        out.rt.timed[r] = rt.timed;
      } else {
        out.rt.totalSeconds[r] = Number.NaN;
        out.rt.medianSeconds[r] = Number.NaN;
        out.rt.timed[r] = Number.NaN;
      }
    }
  }
  return out;
}

/**
 * A scale whose total-score statistics need the rows (missing answers or dropped items): the kept columns,
 * how many items psych dropped and its quirky correction `sum.bad` (the first row's values of those items).
 */
export interface TotalPlan {
  columns: Int32Array;
  dropped: number;
  sumBad: number;
}

/** What the second pass needs from the sample: the D² model, the synonym pairs and the total-score plans. */
export interface SecondPassInput {
  layout: Layout;
  k: number;
  values: Float64Array;
  mahalanobis: MahalanobisModel;
  synonyms: Int32Array;
  antonyms: Int32Array;
  synonymsScored: Int32Array;
  totals: TotalPlan[];
}

/** Accumulator layout of one total plan: [n, Σu, Σu²] then per kept item [n, Σu, Σu², Σv, Σv², Σuv]. */
export const totalSlots = (plan: TotalPlan): number => 3 + 6 * plan.columns.length;

export interface SecondPass {
  start: number;
  end: number;
  mahalanobis: Float64Array;
  psychSyn: Float64Array;
  psychAnt: Float64Array;
  psychSynScored: Float64Array;
  totals: Float64Array;
}

export function secondPass(input: SecondPassInput, start: number, end: number): SecondPass {
  const { layout, k, values } = input;
  const rows = end - start;
  const out: SecondPass = {
    start,
    end,
    mahalanobis: new Float64Array(rows),
    psychSyn: new Float64Array(rows),
    psychAnt: new Float64Array(rows),
    psychSynScored: new Float64Array(rows),
    totals: new Float64Array(input.totals.reduce((s, p) => s + totalSlots(p), 0)),
  };
  mahalanobisRows(input.mahalanobis, values, start, end, out.mahalanobis);
  const scored = new Float64Array(k);
  // Shifting by the middle of the range keeps the one-pass sums of the (non-integer) total well conditioned.
  const shift = (layout.min + layout.max) / 2;
  const acc = out.totals;
  for (let r = 0; r < rows; r += 1) {
    const base = (start + r) * k;
    out.psychSyn[r] = input.synonyms.length ? synonymScore(values, base, input.synonyms) : Number.NaN;
    out.psychAnt[r] = input.antonyms.length ? synonymScore(values, base, input.antonyms) : Number.NaN;
    if (input.totals.length || input.synonymsScored.length) scoreRow(values, base, layout, scored);
    out.psychSynScored[r] = input.synonymsScored.length ? synonymScore(scored, 0, input.synonymsScored) : Number.NaN;
    let o = 0;
    for (const plan of input.totals) {
      const { columns } = plan;
      let sum = 0;
      let answered = 0;
      for (let p = 0; p < columns.length; p += 1) {
        const x = scored[columns[p]!]!;
        if (x === x) {
          sum += x;
          answered += 1;
        }
      }
      if (answered) {
        // psych::alpha: total = (nvar · rowMeans(kept) + sum.bad) / (nvar + n.bad).
        const m = columns.length;
        const total = plan.dropped ? (m * (sum / answered) + plan.sumBad) / (m + plan.dropped) : sum / answered;
        const u = total - shift;
        acc[o] = acc[o]! + 1;
        acc[o + 1] = acc[o + 1]! + u;
        acc[o + 2] = acc[o + 2]! + u * u;
        for (let p = 0; p < m; p += 1) {
          const x = scored[columns[p]!]!;
          if (x !== x) continue;
          const v = x - shift;
          const q = o + 3 + 6 * p;
          acc[q] = acc[q]! + 1;
          acc[q + 1] = acc[q + 1]! + u;
          acc[q + 2] = acc[q + 2]! + u * u;
          acc[q + 3] = acc[q + 3]! + v;
          acc[q + 4] = acc[q + 4]! + v * v;
          acc[q + 5] = acc[q + 5]! + u * v;
        }
      }
      o += totalSlots(plan);
    }
  }
  return out;
}
