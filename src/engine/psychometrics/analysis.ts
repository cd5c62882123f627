import type { AnalysisOptions, IndexNotComputed, NormTable } from '../../shared/psychometrics';
import { blockRanges, firstPass, secondPass, totalSlots, type FirstPass, type FirstPassInput, type SecondPass, type SecondPassInput, type TotalPlan } from './blocks';
import { clampCorrelation, critvalPairs, type ItemPair } from './careless';
import { chooseComparison, comparisonModel, comparisonNotice, type Comparison, type ReferenceSample } from './comparison';
import type { Layout, ScaleLayout } from './layout';
import { accumulateMoments, mergeMoments, pairwiseCorrelation, pairwiseCovariance, type Moments } from './moments';
import { indicesNotComputed } from './not-computed';
import { checkNormPopulation, placeOnNorms } from './norms';
import { keptItems, reliability, type Reliability, type ScaleStatistics, type TotalStatistics } from './reliability';
import type { ResponseMatrix, ResponseTimes } from './responses';
import { assessValidity, mahalanobisCutoff, resolveCutoffs, type Finding } from './validity';

/** Everything one analysis needs: the instrument laid over the data, the data, and what to compare with. */
export interface AnalysisInput {
  layout: Layout;
  responses: ResponseMatrix;
  times: ResponseTimes | null;
  norms: NormTable | null;
  options: AnalysisOptions;
  /** Answers to compare a batch with when it is too small to be its own comparison group (comparison.ts). */
  reference?: ReferenceSample | null;
}

/** Per-respondent figures as columns (arrays over respondents; NaN = undefined). */
export interface AnalysisResult {
  layout: Layout;
  ids: string[];
  n: number;
  scales: Reliability[];
  facets: Reliability[];
  answered: Float64Array;
  /** n × scales (or facets), row-major. */
  scaleMeans: Float64Array;
  scaleSums: Float64Array;
  facetMeans: Float64Array;
  facetSums: Float64Array;
  /** z and percentile against the norm table (NaN where the table has no row for the scale). */
  scaleZ: Float64Array;
  scalePercentile: Float64Array;
  facetZ: Float64Array;
  facetPercentile: Float64Array;
  normed: boolean;
  careless: {
    longstringMax: Float64Array;
    longstringAvg: Float64Array;
    irv: Float64Array;
    mahalanobis: Float64Array;
    mahalanobisCutoff: number;
    evenOdd: Float64Array;
    evenOddFacets: Float64Array;
    psychSyn: Float64Array;
    psychAnt: Float64Array;
    psychSynScored: Float64Array;
  };
  /** Item pairs behind psychsyn/psychant, and the strongest ones (careless::psychsyn_critval) to choose from. */
  pairs: { critval: number; synonyms: number; antonyms: number; synonymsScored: number; strongest: ItemPair[]; strongestNegative: ItemPair[] };
  responseTime: {
    present: Uint8Array;
    totalSeconds: Float64Array;
    medianSeconds: Float64Array;
    itemsUnderThreshold: Float64Array;
    pageTimeIndex: Float64Array;
    timed: Float64Array;
  } | null;
  /** Who Mahalanobis D² and psychometric synonyms and antonyms compared each person with. */
  comparison: Comparison;
  verdicts: Array<'valid' | 'questionable' | 'invalid'>;
  findings: Finding[][];
  /** Per person: indices switched on that have no value, and why. */
  notComputed: IndexNotComputed[][];
  /** Things a person should know about this analysis (no synonym pairs, dropped items, norm population…). */
  notices: string[];
}

interface GroupModel {
  group: ScaleLayout;
  stats: ScaleStatistics;
  kept: number[];
  /** Closed-form totals (no missing answers, nothing dropped), or the plan index for the second pass. */
  total: TotalStatistics | null;
  plan: number | null;
}

/** What the first pass tells about the sample, and the input of the second pass. */
export interface SampleModel {
  moments: Moments;
  comparison: Comparison;
  /** Item correlations of the comparison group; null when the group indices were not computed. */
  correlation: Float64Array | null;
  scales: GroupModel[];
  facets: GroupModel[];
  second: Omit<SecondPassInput, 'layout' | 'k' | 'values'>;
  notices: string[];
}

function groupModel(group: ScaleLayout, layout: Layout, moments: Moments, cov: Float64Array, cor: Float64Array, values: Float64Array, n: number, plans: TotalPlan[]): GroupModel {
  const { columns } = group;
  const k = layout.items.length;
  const m = columns.length;
  const key = (a: number) => layout.keys[columns[a]!]!;
  const sub = (matrix: Float64Array) => {
    const out = new Float64Array(m * m);
    for (let a = 0; a < m; a += 1) for (let b = 0; b < m; b += 1) out[a * m + b] = key(a) * key(b) * matrix[columns[a]! * k + columns[b]!]!;
    return out;
  };
  const flip = layout.min + layout.max;
  const scoredSum = (a: number) => {
    const c = columns[a]!;
    return key(a) > 0 ? moments.sum[c]! : flip * moments.count[c]! - moments.sum[c]!;
  };
  const count = Float64Array.from(columns, (c) => moments.count[c]!);
  const stats: ScaleStatistics = {
    itemIds: Array.from(columns, (c) => layout.items[c]!),
    cov: sub(cov),
    cor: sub(cor),
    count,
    mean: Float64Array.from({ length: m }, (_, a) => (count[a]! > 0 ? scoredSum(a) / count[a]! : Number.NaN)),
    respondents: n,
  };
  const kept = keptItems(stats);
  const complete = count.every((c) => c === n);
  if (complete && kept.length === m) {
    // Every row answers every item: total = row mean, so its variance is 1'C1/m² and cov(total, item j) = Σ_l C_lj/m.
    let sumC = 0;
    let sumScores = 0;
    const colC = new Float64Array(m);
    for (let a = 0; a < m; a += 1) {
      for (let b = 0; b < m; b += 1) colC[a] = colC[a]! + stats.cov[b * m + a]!;
      sumC += colC[a]!;
      sumScores += scoredSum(a);
    }
    const total = {
      mean: sumScores / (n * m),
      sd: Math.sqrt(sumC) / m,
      rawR: Float64Array.from(colC, (col, a) => col / Math.sqrt(sumC * stats.cov[a * m + a]!)),
    };
    return { group, stats, kept, total, plan: null };
  }
  let sumBad = 0;
  for (let a = 0; a < m; a += 1) {
    if (kept.includes(a)) continue;
    const x = values[columns[a]!]!;
    if (x === x) sumBad += key(a) > 0 ? x : flip - x;
  }
  plans.push({ columns: Int32Array.from(kept, (a) => columns[a]!), dropped: m - kept.length, sumBad });
  return { group, stats, kept, total: null, plan: plans.length - 1 };
}

/**
 * The sample model from the batch's item moments: reliabilities always from the batch; the group indices from
 * the comparison group — the batch, the batch with the reference sample (`reference`, its moments), or none.
 */
export function buildSampleModel(layout: Layout, responses: ResponseMatrix, moments: Moments, options: AnalysisOptions, comparison: Comparison, reference: Moments | null = null): SampleModel {
  const { n, values } = responses;
  const cov = pairwiseCovariance(moments);
  const cor = pairwiseCorrelation(moments);
  const plans: TotalPlan[] = [];
  const scales = layout.scales.map((g) => groupModel(g, layout, moments, cov, cor, values, n, plans));
  const facets = layout.facets.map((g) => groupModel(g, layout, moments, cov, cor, values, n, plans));
  const notices: string[] = [];
  for (const g of [...scales, ...facets]) {
    const dropped = g.stats.itemIds.filter((_, a) => !g.kept.includes(a));
    if (dropped.length) notices.push(`In ${g.group.id}, item${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')} had no variance and ${dropped.length > 1 ? 'were' : 'was'} left out of its reliability.`);
  }
  const about = comparisonNotice(comparison);
  if (about) notices.push(about);
  const groupMoments = !comparison.computed ? null : comparison.reference > 0 && reference ? mergeMoments(layout.items.length, [moments, reference]) : moments;
  const { correlation, ...second } = comparisonModel(layout, groupMoments, options.psychsynCritval, notices);
  if (layout.scales.length < 2) notices.push('Even-odd consistency needs at least two scales; this instrument has one.');
  return { moments, comparison, correlation, scales, facets, second: { ...second, totals: plans }, notices };
}

function totalsFromAccumulators(acc: Float64Array, offset: number, m: number, shift: number): TotalStatistics {
  const n = acc[offset]!;
  const su = acc[offset + 1]!;
  const suu = acc[offset + 2]!;
  const rawR = new Float64Array(m);
  for (let p = 0; p < m; p += 1) {
    const q = offset + 3 + 6 * p;
    const np = acc[q]!;
    const a = np * acc[q + 2]! - acc[q + 1]! ** 2;
    const b = np * acc[q + 4]! - acc[q + 3]! ** 2;
    rawR[p] = np < 2 || a <= 0 || b <= 0 ? Number.NaN : clampCorrelation((np * acc[q + 5]! - acc[q + 1]! * acc[q + 3]!) / (Math.sqrt(a) * Math.sqrt(b)));
  }
  return {
    mean: n > 0 ? shift + su / n : Number.NaN,
    sd: n > 1 ? Math.sqrt(Math.max(0, suu - (su * su) / n) / (n - 1)) : Number.NaN,
    rawR,
  };
}

function concat(parts: readonly Float64Array[], total: number): Float64Array {
  const out = new Float64Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Puts the passes together: reliabilities, norms and the verdicts. */
export function finishAnalysis(input: AnalysisInput, model: SampleModel, first: readonly FirstPass[], second: readonly SecondPass[]): AnalysisResult {
  const { layout, responses, options } = input;
  const { n, k } = responses;
  const nScales = layout.scales.length;
  const nFacets = layout.facets.length;
  const join = (pick: (f: FirstPass) => Float64Array, width = 1) => concat(first.map(pick), n * width);
  const join2 = (pick: (s: SecondPass) => Float64Array) => concat(second.map(pick), n);

  // Total-score accumulators, added in block order (deterministic whatever the threading).
  const acc = new Float64Array(second[0]?.totals.length ?? 0);
  for (const s of second) for (let i = 0; i < acc.length; i += 1) acc[i] = acc[i]! + s.totals[i]!;
  const offsets: number[] = [];
  model.second.totals.reduce((o, plan) => (offsets.push(o), o + totalSlots(plan)), 0);
  const shift = (layout.min + layout.max) / 2;
  const reliabilityOf = (g: GroupModel) =>
    reliability(g.stats, g.kept, g.total ?? totalsFromAccumulators(acc, offsets[g.plan!]!, model.second.totals[g.plan!]!.columns.length, shift));

  const notices = [...model.notices];
  const scaleMeans = join((f) => f.scaleMeans, nScales);
  const facetMeans = join((f) => f.facetMeans, nFacets);
  const normed = placeOnNorms(input.layout, input.norms, options, scaleMeans, facetMeans, notices);

  const mahalanobis = join2((s) => s.mahalanobis);
  const cutoff = mahalanobisCutoff(options.mahadConfidence, k);
  const careless = {
    longstringMax: join((f) => f.longstringMax),
    longstringAvg: join((f) => f.longstringAvg),
    irv: join((f) => f.irv),
    mahalanobis,
    mahalanobisCutoff: cutoff,
    evenOdd: join((f) => f.evenOdd),
    evenOddFacets: join((f) => f.evenOddFacets),
    psychSyn: join2((s) => s.psychSyn),
    psychAnt: join2((s) => s.psychAnt),
    psychSynScored: join2((s) => s.psychSynScored),
  };
  const responseTime = input.times
    ? {
        present: input.times.present,
        totalSeconds: join((f) => f.rt!.totalSeconds),
        medianSeconds: join((f) => f.rt!.medianSeconds),
        itemsUnderThreshold: join((f) => f.rt!.itemsUnderThreshold),
        pageTimeIndex: join((f) => f.rt!.pageTimeIndex),
        timed: join((f) => f.rt!.timed),
      }
    : null;
  const answered = join((f) => f.answered);

  const context = { items: k, min: layout.min, max: layout.max, hasFacets: nFacets > 1, thresholds: options.thresholds };
  const cutoffs = resolveCutoffs(context);
  const { comparison } = model;
  const facts = {
    comparison,
    singular: model.second.mahalanobis.inverse === null,
    synonymPairs: model.second.synonyms.length / 2,
    antonymPairs: model.second.antonyms.length / 2,
    critval: options.psychsynCritval,
  };
  const verdicts: AnalysisResult['verdicts'] = new Array(n);
  const findings: Finding[][] = new Array(n);
  const notComputed: IndexNotComputed[][] = new Array(n);
  const none: Finding[] = [];
  for (let i = 0; i < n; i += 1) {
    const indices = {
      answered: answered[i]!,
      longstringMax: careless.longstringMax[i]!,
      irv: careless.irv[i]!,
      mahalanobis: mahalanobis[i]!,
      evenOdd: careless.evenOdd[i]!,
      evenOddFacets: careless.evenOddFacets[i]!,
      psychSyn: careless.psychSyn[i]!,
      psychAnt: careless.psychAnt[i]!,
      totalSeconds: responseTime?.present[i] ? responseTime.totalSeconds[i]! : Number.NaN,
      timedItems: responseTime?.present[i] ? responseTime.timed[i]! : 0,
      pageTimeIndex: responseTime?.present[i] ? responseTime.pageTimeIndex[i]! : 0,
    };
    const assessed = assessValidity(indices, context, cutoffs, comparison);
    verdicts[i] = assessed.verdict;
    findings[i] = assessed.findings.length ? assessed.findings : none;
    notComputed[i] = indicesNotComputed(indices, options.thresholds, context.hasFacets, nScales, facts);
  }

  const scales = model.scales.map(reliabilityOf);
  const facets = model.facets.map(reliabilityOf);
  const improper = [...layout.scales.filter((_, i) => scales[i]!.omega?.heywood), ...layout.facets.filter((_, i) => facets[i]!.omega?.heywood)].map((g) => g.id);
  if (improper.length) {
    notices.push(`The one-factor fit behind omega of ${improper.join(', ')} is improper (an item's communality reached the bound, a Heywood case): read those omegas with care.`);
  }
  return {
    layout,
    ids: responses.ids,
    n,
    scales,
    facets,
    answered,
    scaleMeans,
    scaleSums: join((f) => f.scaleSums, nScales),
    facetMeans,
    facetSums: join((f) => f.facetSums, nFacets),
    ...normed,
    careless,
    pairs: {
      critval: options.psychsynCritval,
      synonyms: model.second.synonyms.length / 2,
      antonyms: model.second.antonyms.length / 2,
      synonymsScored: model.second.synonymsScored.length / 2,
      strongest: model.correlation ? critvalPairs(model.correlation, k).slice(0, 5) : [],
      strongestNegative: model.correlation ? critvalPairs(model.correlation, k, true).slice(0, 5) : [],
    },
    responseTime,
    comparison,
    verdicts,
    findings,
    notComputed,
    notices,
  };
}

export function checkAnalysisInput(input: AnalysisInput): void {
  if (input.norms) checkNormPopulation(input.options.respondents, input.norms, input.options.allowNormMismatch);
}

export interface AnalysisControl {
  signal?: AbortSignal;
  /** Called after each block: done and total units of work. */
  onProgress?: (done: number, total: number) => void;
}

export function firstPassInput(input: AnalysisInput): FirstPassInput {
  const { thresholdMs, pageSize } = input.options.thresholds.responseTime;
  return { layout: input.layout, k: input.responses.k, values: input.responses.values, times: input.times, rt: { thresholdMs, pageSize } };
}

/** The comparison group of an analysis, and the reference blocks to read when the reference sample is used. */
export function planComparison(input: AnalysisInput): { comparison: Comparison; referenceRanges: Array<[number, number]> } {
  const reference = input.reference ?? null;
  const comparison = chooseComparison(input.responses.n, input.responses.k, reference, input.options.comparisonMinimum);
  if (reference && reference.values.length !== reference.n * input.responses.k) throw new Error('The reference sample does not have one answer per item of every row');
  return { comparison, referenceRanges: reference && comparison.computed && comparison.reference > 0 ? blockRanges(reference.n) : [] };
}

/** The whole analysis in this thread (tests, the CLI on small files); the worker pool runs the same passes. */
export function analyze(input: AnalysisInput, control: AnalysisControl = {}): AnalysisResult {
  checkAnalysisInput(input);
  const { n, k, values } = input.responses;
  const ranges = blockRanges(n);
  const { comparison, referenceRanges } = planComparison(input);
  const total = 2 * ranges.length + referenceRanges.length;
  let done = 0;
  const step = () => {
    control.signal?.throwIfAborted();
    control.onProgress?.((done += 1), total);
  };
  const firstIn = firstPassInput(input);
  const first = ranges.map(([start, end]) => {
    const pass = firstPass(firstIn, start, end);
    step();
    return pass;
  });
  const referenceBlocks = referenceRanges.map(([start, end]) => {
    const moments = accumulateMoments(input.reference!.values, k, start, end);
    step();
    return moments;
  });
  const reference = referenceBlocks.length ? mergeMoments(k, referenceBlocks) : null;
  const model = buildSampleModel(input.layout, input.responses, mergeMoments(k, first.map((f) => f.moments)), input.options, comparison, reference);
  const secondIn: SecondPassInput = { layout: input.layout, k, values, ...model.second };
  const second = ranges.map(([start, end]) => {
    const pass = secondPass(secondIn, start, end);
    step();
    return pass;
  });
  return finishAnalysis(input, model, first, second);
}
