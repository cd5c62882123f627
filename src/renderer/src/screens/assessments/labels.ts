import type { AssessmentContext, Grouping } from '../../../../shared/api';
import type { Population, Verdict } from '../../../../shared/psychometrics';

/** Words for the assessments screen: the population kind is always spelled out (SPEC §2). */
export const CONTEXT_LABELS: Record<AssessmentContext, string> = { applicant: 'Applicant', incumbent: 'In post (incumbent)' };
export const POPULATION_LABELS: Record<Population, string> = { applicant: 'applicants', incumbent: 'incumbents', volunteer: 'volunteers', unspecified: 'unspecified group' };
export const VERDICT_LABELS: Record<Verdict, string> = { valid: 'Valid', questionable: 'Questionable', invalid: 'Invalid' };
export const VERDICT_BADGE: Record<Verdict, string> = { valid: 'ok', questionable: 'warn', invalid: 'bad' };
export const GROUPING_LABELS: Record<Grouping, string> = { position: 'Position', department: 'Department', context: 'Applicants vs incumbents' };

export const fixed = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '—' : x.toFixed(digits));
