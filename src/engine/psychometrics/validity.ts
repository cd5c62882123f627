import type { ValidityIndex, ValidityReason, ValidityThresholds, Verdict } from '../../shared/psychometrics';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import { GROUP_INDICES, groupIndexNames, type Comparison, type GroupIndex } from './comparison';

/**
 * The validity verdict of one respondent (issue 3 §6): each index is held against its cut-offs (defaults in
 * options.ts, documented in docs/psychometrics.md#validity-verdict); a finding names the index, its value and the
 * cut-off in plain words. Invalid when any index crosses its "invalid" cut-off or enough indices are questionable
 * together.
 */
export interface RespondentIndices {
  answered: number;
  longstringMax: number;
  irv: number;
  mahalanobis: number;
  evenOdd: number;
  evenOddFacets: number;
  psychSyn: number;
  psychAnt: number;
  /** NaN when there are no times. */
  totalSeconds: number;
  timedItems: number;
  pageTimeIndex: number;
}

export interface ValidityContext {
  items: number;
  min: number;
  max: number;
  hasFacets: boolean;
  thresholds: ValidityThresholds;
}

/**
 * careless::mahad's flag cut-off: the χ² quantile at `confidence` with k degrees of freedom (k = 120, .99:
 * 158.9502). Here rather than in mahalanobis.ts so that the worker threads load no npm package.
 */
export function mahalanobisCutoff(confidence: number, k: number): number {
  return chisquareQuantile(confidence, k);
}

export interface Finding extends ValidityReason {
  level: 'questionable' | 'invalid';
}

const f2 = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Cut-offs that depend only on the instrument, computed once per analysis. */
export interface ResolvedCutoffs {
  answered: { questionable: number | null; invalid: number | null };
  longstring: { questionable: number | null; invalid: number | null };
  irv: { questionable: number | null; invalid: number | null };
  mahalanobis: { questionable: number | null; invalid: number | null; questionableConfidence: number | null; invalidConfidence: number | null };
}

export function resolveCutoffs(context: ValidityContext): ResolvedCutoffs {
  const { items, min, max, thresholds: t } = context;
  const inItems = (f: number | null, floor = 1) => (f === null ? null : Math.max(floor, Math.ceil(f * items)));
  const inRange = (f: number | null) => (f === null ? null : f * (max - min));
  const chi = (confidence: number | null) => (confidence === null ? null : mahalanobisCutoff(confidence, items));
  return {
    answered: { questionable: inItems(t.answered.questionable), invalid: inItems(t.answered.invalid) },
    longstring: { questionable: inItems(t.longstring.questionable, 4), invalid: inItems(t.longstring.invalid, 4) },
    irv: { questionable: inRange(t.irv.questionable), invalid: inRange(t.irv.invalid) },
    mahalanobis: {
      questionable: chi(t.mahalanobis.questionable),
      invalid: chi(t.mahalanobis.invalid),
      questionableConfidence: t.mahalanobis.questionable,
      invalidConfidence: t.mahalanobis.invalid,
    },
  };
}

type Direction = 'above' | 'atLeast' | 'below';

function crossed(value: number, cutoff: number | null, direction: Direction): boolean {
  if (cutoff === null || !Number.isFinite(value)) return false;
  return direction === 'above' ? value > cutoff : direction === 'atLeast' ? value >= cutoff : value < cutoff;
}

/** The finding for the stricter cut-off crossed (invalid before questionable), or none. */
function check(
  value: number,
  cutoffs: { questionable: number | null; invalid: number | null },
  direction: Direction,
  index: ValidityIndex,
  message: (cutoff: number, level: Finding['level']) => string,
): Finding | null {
  for (const level of ['invalid', 'questionable'] as const) {
    const cutoff = cutoffs[level];
    if (cutoff !== null && crossed(value, cutoff, direction)) return { index, value, cutoff, level, message: message(cutoff, level) };
  }
  return null;
}

/** The group indices whose cut-offs are switched on. */
function enabledGroupIndices(t: ValidityThresholds): GroupIndex[] {
  const on = (c: { questionable: number | null; invalid: number | null }) => c.questionable !== null || c.invalid !== null;
  return GROUP_INDICES.filter((index) => on(index === 'mahalanobis' ? t.mahalanobis : t[index]));
}

/** The finding that names the comparison group too small for the group indices, so no verdict rests on them. */
export const COMPARISON_INDEX: ValidityIndex = 'comparisonGroup';

/**
 * Questionable only because no comparison group was large enough to check for random answering — no sign of
 * careless answering was found. Screens say so in those words rather than "signs of careless answering".
 */
export const onlyUnchecked = (verdict: Verdict, reasons: ReadonlyArray<{ index: string }>): boolean =>
  verdict === 'questionable' && reasons.length > 0 && reasons.every((r) => r.index === COMPARISON_INDEX);

function comparisonFinding(comparison: Pick<Comparison, 'computed' | 'size' | 'minimum'>, t: ValidityThresholds): Finding | null {
  const missing = enabledGroupIndices(t);
  if (comparison.computed || missing.length === 0) return null;
  return {
    index: COMPARISON_INDEX,
    value: comparison.size,
    cutoff: comparison.minimum,
    level: 'questionable',
    message: `Not checked for random answering: ${groupIndexNames(missing)} compare a person's answers with those of at least ${comparison.minimum.toLocaleString('en')} people, and ${comparison.size.toLocaleString('en')} ${comparison.size === 1 ? 'was' : 'were'} available.`,
  };
}

export function assessValidity(
  x: RespondentIndices,
  context: ValidityContext,
  cutoffs: ResolvedCutoffs,
  comparison: Pick<Comparison, 'computed' | 'size' | 'minimum'>,
): { verdict: Verdict; findings: Finding[] } {
  const t = context.thresholds;
  const scale = `the ${context.min}–${context.max} scale`;
  const findings = [
    check(x.answered, cutoffs.answered, 'below', 'answered', (c) => `Answered ${x.answered} of ${context.items} items; fewer than ${c} (${pct(c / context.items)}) is too little to score reliably.`),
    check(x.longstringMax, cutoffs.longstring, 'atLeast', 'longstringMax', (c) => `Gave the same answer to ${x.longstringMax} items in a row (longstring); ${c} or more suggests answering without reading.`),
    check(x.irv, cutoffs.irv, 'below', 'irv', (c) => `Answers hardly vary (IRV ${f2(x.irv)}, below ${f2(c)} on ${scale}): a sign of straight-lining.`),
    check(x.mahalanobis, cutoffs.mahalanobis, 'above', 'mahalanobis', (c, level) => {
      const confidence = level === 'invalid' ? cutoffs.mahalanobis.invalidConfidence : cutoffs.mahalanobis.questionableConfidence;
      return `Unusual answer pattern for the group compared with (Mahalanobis D² ${x.mahalanobis.toFixed(1)}, above the ${pct(confidence ?? 0)} χ² cut-off ${f2(c)}); Likert answers are not normally distributed, so read this relative to the group.`;
    }),
    context.hasFacets
      ? check(x.evenOddFacets, t.evenOdd, 'above', 'evenOddFacets', (c) => `Answers to the two halves of each facet do not agree (even-odd index ${f2(x.evenOddFacets)}, above ${f2(c)}).`)
      : check(x.evenOdd, t.evenOdd, 'above', 'evenOdd', (c) => `Answers to the two halves of each scale do not agree (even-odd index ${f2(x.evenOdd)}, above ${f2(c)}).`),
    check(x.psychSyn, t.psychSyn, 'below', 'psychSyn', (c) => `Items that the group answers alike were answered inconsistently (psychometric synonyms r = ${f2(x.psychSyn)}, below ${f2(c)}).`),
    check(x.psychAnt, t.psychAnt, 'above', 'psychAnt', (c) => `Items that the group answers in opposite ways were answered alike (psychometric antonyms r = ${f2(x.psychAnt)}, above ${f2(c)}).`),
    comparisonFinding(comparison, t),
  ];
  const rt = t.responseTime;
  const threshold = rt.thresholdMs / 1000;
  if (rt.rushedOverall && x.timedItems > 0 && Number.isFinite(x.totalSeconds)) {
    const perItem = x.totalSeconds / x.timedItems;
    findings.push(
      check(perItem, { questionable: null, invalid: threshold }, 'below', 'secondsPerItem', (c) => `Answered in ${perItem.toFixed(1)} s per item on average; under ${c} s per item is too fast to read the items (Huang et al. 2012).`),
    );
  }
  if (rt.rushedPages !== null) {
    findings.push(
      check(x.pageTimeIndex, { questionable: rt.rushedPages, invalid: null }, 'atLeast', 'pageTimeIndex', () => `${x.pageTimeIndex} page${x.pageTimeIndex === 1 ? ' was' : 's were'} answered faster than ${threshold} s per item.`),
    );
  }
  const found = findings.filter((f): f is Finding => f !== null);
  return { verdict: verdictOf(found, t), findings: found };
}

/**
 * The verdict of a set of findings: invalid when one is invalid or enough are questionable together, else
 * questionable when there is any. A comparison group too small is no sign of careless answering: it keeps the
 * verdict from "valid" but does not add up towards "invalid".
 */
export function verdictOf(found: readonly Finding[], t: ValidityThresholds): Verdict {
  const questionable = found.filter((f) => f.level === 'questionable' && f.index !== COMPARISON_INDEX).length;
  const invalid = found.some((f) => f.level === 'invalid') || (t.questionableForInvalid !== null && questionable >= t.questionableForInvalid);
  return invalid ? 'invalid' : found.length ? 'questionable' : 'valid';
}
