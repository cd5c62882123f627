/**
 * Which interpretation text of @bigfive-org/results a score reads (docs/questionnaires.md#the-profile): low,
 * average or high against the chosen norm, by T-score. T 45 and 55 are the 31st and 69th percentiles, so about a
 * third of the norm group reads each text. Without a norm there is no level: the scale midpoint is not a norm.
 */
import type { ScoreLevel } from '../../shared/questionnaires';

export type { ScoreLevel };

export const LOW_BELOW_T = 45;
export const HIGH_ABOVE_T = 55;

export function levelOf(t: number | null): ScoreLevel | null {
  if (t === null || !Number.isFinite(t)) return null;
  return t < LOW_BELOW_T ? 'low' : t > HIGH_ABOVE_T ? 'high' : 'neutral';
}

/** The package's texts carry HTML line breaks: plain paragraphs instead, never markup. */
export function paragraphs(text: string): string[] {
  return text
    .split(/<br\s*\/?>\s*(?:<br\s*\/?>)?/i)
    .map((p) => p.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}
