import type { TeamInsight } from '../../../../shared/api';

/** Badge colours and number formats of the Team dynamics screen; its words are the dictionary's (src/shared/words). */
export const SEVERITY_BADGE: Record<TeamInsight['severity'], string> = { warning: 'bad', notice: 'warn', info: 'info' };

/** A figure with `digits` decimals; a value that rounds to zero shows without a minus sign. */
export function fixed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined) return '—';
  const text = x.toFixed(digits);
  return Number(text) === 0 ? Math.abs(Number(text)).toFixed(digits) : text;
}
export function signed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined) return '—';
  const size = Math.abs(x).toFixed(digits);
  return Number(size) === 0 ? size : `${x > 0 ? '+' : '−'}${size}`;
}
export const percent = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** How much an insight rests on: few members or few valid results make it a rough sketch. */
export function confidence(evidence: TeamInsight['evidence']): string {
  const share = evidence.validShare;
  const level = evidence.n < 3 || (share !== null && share < 0.5) ? 'low' : evidence.n < 8 || (share !== null && share < 0.8) ? 'moderate' : 'reasonable';
  const valid = share === null ? '' : `, ${percent(share)} of the group with a valid result`;
  return `Confidence ${level}: rests on ${evidence.n} ${evidence.n === 1 ? 'member' : 'members'}${valid}.`;
}

/** The advisory line every panel carries. */
export const ADVISORY_SHORT = 'Advisory: a figure to discuss, not a decision about anyone.';
