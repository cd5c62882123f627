import type { AssessmentContext, NormOption } from '../../../../shared/api';
import { POPULATION_WORDS, type Grouping, type Population, type Verdict } from '../../../../shared/psychometrics';

/** Words for the assessments screens: one name per thing, shared with the core's messages (names.ts). */
const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
export const CONTEXT_LABELS: Record<AssessmentContext, string> = { applicant: 'Applicant', incumbent: capital(POPULATION_WORDS.incumbent) };
export const POPULATION_LABELS: Record<Population, string> = POPULATION_WORDS;
export const VERDICT_LABELS: Record<Verdict, string> = { valid: 'Valid', questionable: 'Questionable', invalid: 'Invalid' };
export const VERDICT_BADGE: Record<Verdict, string> = { valid: 'ok', questionable: 'warn', invalid: 'bad' };
export const GROUPING_LABELS: Record<Grouping, string> = { position: 'Position', department: 'Department', context: `Applicants and ${POPULATION_WORDS.incumbent}` };

/** The validity indices by name, in words (the verdict's reasons say the rest). */
export const INDEX_LABELS: Record<string, string> = {
  answered: 'Share of items answered',
  longstringMax: 'Longest run of one answer',
  irv: 'Spread of answers (IRV)',
  mahalanobis: 'Mahalanobis D²',
  evenOdd: 'Even-odd inconsistency',
  evenOddFacets: 'Even-odd inconsistency',
  psychSyn: 'Psychometric synonyms',
  psychAnt: 'Psychometric antonyms',
  comparisonGroup: 'Group to compare with',
  secondsPerItem: 'Time per item',
  pageTimeIndex: 'Rushed pages',
};

export const fixed = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** A norm as offered in a "Compare with" list: name, population (unless the name says it), size, sufficiency. */
export function normOptionLabel(o: Pick<NormOption, 'ref' | 'norm' | 'sufficient'>): string {
  const n = o.norm.n === null ? '' : `, n = ${o.norm.n}`;
  // "All applicants" names its population already.
  const population = o.ref.kind === 'local' && o.ref.by === 'context' ? '' : ` — ${POPULATION_LABELS[o.norm.population]}`;
  return `${o.norm.label}${population}${n}${o.sufficient ? '' : ' (below the minimum size)'}`;
}
