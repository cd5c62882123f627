import { critvalPairs, selectPairs, type ItemPair } from './careless';
import type { Layout } from './layout';
import { mahalanobisModel, type MahalanobisModel } from './mahalanobis';
import { itemMeans, pairwiseCorrelation, pairwiseCovariance, type Moments } from './moments';
import { words } from '../../shared/words';

/**
 * Mahalanobis D² and psychometric synonyms and antonyms compare a respondent's answer pattern with a group's
 * (docs/psychometrics.md#5-careless-responding): the item covariance and the item pairs come from the respondents
 * scored together. A handful of respondents is no group: with fewer respondents than items the covariance cannot be
 * inverted, the D² of a sample of n can never exceed (n − 1)²/n, and a few people make chance correlations above
 * .60 look like synonym pairs. So these indices need a comparison group of a minimum size; a batch smaller than
 * that is compared together with a reference sample (stored answers of the same instrument and population), and
 * without one the indices are not computed and the verdict says so.
 */
export const GROUP_INDICES = ['mahalanobis', 'psychSyn', 'psychAnt'] as const;
export type GroupIndex = (typeof GROUP_INDICES)[number];

/** The floor and the respondents per item of the minimum comparison group (why: docs/psychometrics.md#5-careless-responding). */
export const COMPARISON_FLOOR = 100;
export const COMPARISON_PER_ITEM = 3;

/** The fewest respondents the group indices are computed from: max(100, 3 × items), unless set. */
export function comparisonMinimum(items: number, override: number | null = null): number {
  return override ?? Math.max(COMPARISON_FLOOR, COMPARISON_PER_ITEM * items);
}

/** Answers of people outside the batch to compare it with, in the batch's item order (NaN = missing). */
export interface ReferenceSample {
  n: number;
  values: Float64Array;
  /** Who they are, in words: "stored results of applicants". */
  label: string;
}

/** Who the group indices of an analysis were computed from. */
export interface Comparison {
  /** Whether the group indices were computed (the group reached the minimum). */
  computed: boolean;
  /** Respondents in the comparison group: the batch, plus the reference sample when it was used or offered. */
  size: number;
  minimum: number;
  batch: number;
  /** Reference respondents in the group (0 when the batch was enough or there was none). */
  reference: number;
  referenceLabel: string | null;
}

/** The batch alone when it is large enough; else the batch with the reference sample, if that is enough. */
export function chooseComparison(batch: number, items: number, reference: ReferenceSample | null, override: number | null): Comparison {
  const minimum = comparisonMinimum(items, override);
  if (batch >= minimum) return { computed: true, size: batch, minimum, batch, reference: 0, referenceLabel: null };
  const referenceN = reference?.n ?? 0;
  return { computed: batch + referenceN >= minimum, size: batch + referenceN, minimum, batch, reference: referenceN, referenceLabel: reference?.label ?? null };
}

const count = (n: number) => n.toLocaleString('en');

/** "5 people scored together and 40 stored results of applicants". */
function comparisonWords(c: Comparison): string {
  const batch = `${count(c.batch)} ${c.batch === 1 ? 'person' : 'people'} scored together`;
  return c.reference > 0 ? `${batch} and ${count(c.reference)} ${c.referenceLabel ?? 'other answers'}` : batch;
}

/** "Mahalanobis D², psychometric synonyms and psychometric antonyms". */
export function groupIndexNames(indices: readonly GroupIndex[]): string {
  const names = indices.map((i) => words.validityIndices[i]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** What an analysis tells about its comparison group, for its notices. */
export function comparisonNotice(c: Comparison): string | null {
  const all = groupIndexNames([...GROUP_INDICES]);
  if (!c.computed) {
    return `${all} compare each person's answers with a group's and need at least ${count(c.minimum)} people to compare with; there were ${comparisonWords(c)}, so they were not computed.`;
  }
  if (c.reference > 0) {
    return `${count(c.batch)} ${c.batch === 1 ? 'person is' : 'people are'} too few to compare with each other (${all} need at least ${count(c.minimum)}), so they were compared together with ${count(c.reference)} ${c.referenceLabel ?? 'other answers'}.`;
  }
  return null;
}

const fmt = (x: number) => x.toFixed(2).replace(/^(-?)0\./, '$1.');

/** The item pairs and D² model of the comparison group; none when the group was too small. */
export function comparisonModel(
  layout: Layout,
  moments: Moments | null,
  critval: number,
  notices: string[],
): { correlation: Float64Array | null; mahalanobis: MahalanobisModel; synonyms: Int32Array; antonyms: Int32Array; synonymsScored: Int32Array } {
  const k = layout.items.length;
  const none = new Int32Array(0);
  if (!moments) return { correlation: null, mahalanobis: { k, means: new Float64Array(k), inverse: null }, synonyms: none, antonyms: none, synonymsScored: none };
  const cor = pairwiseCorrelation(moments);
  const mahalanobis = mahalanobisModel(pairwiseCovariance(moments), itemMeans(moments), k);
  if (!mahalanobis.inverse) notices.push('The item covariance matrix is singular (an item without variance, or items that duplicate each other), so Mahalanobis D² cannot be computed.');
  const synonyms = selectPairs(cor, k, critval, false);
  const antonyms = selectPairs(cor, k, critval, true);
  const scoredCor = Float64Array.from(cor, (r, i) => r * layout.keys[Math.floor(i / k)]! * layout.keys[i % k]!);
  const synonymsScored = selectPairs(scoredCor, k, critval, false);
  const people = `${moments.rows.toLocaleString('en')} people compared`;
  const name = (p: ItemPair) => `${layout.items[p.first]}–${layout.items[p.second]} (r = ${fmt(p.r)})`;
  if (!synonyms.length) {
    const [best] = critvalPairs(cor, k);
    notices.push(`No item pair correlates above ${fmt(critval)} among the ${people}, so psychometric synonyms are not computed.${best && Number.isFinite(best.r) ? ` The strongest pair is ${name(best)}; a lower critical value would use it.` : ''}`);
  }
  if (!antonyms.length) {
    const [best] = critvalPairs(cor, k, true);
    notices.push(`No item pair correlates below −${fmt(critval)} among the ${people}, so psychometric antonyms are not computed.${best && Number.isFinite(best.r) ? ` The most negative pair is ${name(best)}.` : ''}`);
  }
  return { correlation: cor, mahalanobis, synonyms, antonyms, synonymsScored };
}
