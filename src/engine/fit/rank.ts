import type { Weights } from '../../shared/fit/model';
import { fitScore, type FitResult, type PreparedPosition } from './score';
import type { CandidateData } from './types';
import { checkThreshold } from './weights';

/**
 * Ranking (docs/fit-and-prediction.md#ranking): every candidate scored, ordered by score (then confidence, then
 * name and id, so the same input always gives the same order), each with their percentile among all candidates
 * scored for the position; then the threshold and the top N.
 */
export interface RankedCandidate extends FitResult {
  /** Percentile among every candidate with a score for this position (mid-rank: ties share it). */
  percentile: number | null;
  /** Place in the full ranking, 1 = best. */
  place: number | null;
}

export interface Ranking {
  considered: number;
  scored: number;
  candidates: RankedCandidate[];
}

export const byScore = (a: FitResult, b: FitResult): number =>
  (b.score ?? -1) - (a.score ?? -1) || b.confidence - a.confidence || a.name.localeCompare(b.name) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

/** Mid-rank percentile of each score among `scores`: 100 × (below + ½ · equal) / n. */
export function percentiles(scores: readonly number[]): number[] {
  const sorted = Float64Array.from(scores).sort();
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const upperBound = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return scores.map((x) => {
    const below = lowerBound(x);
    const equal = upperBound(x) - below;
    return (100 * (below + 0.5 * equal)) / sorted.length;
  });
}

export function rankAll(results: readonly FitResult[]): RankedCandidate[] {
  const ordered = [...results].sort(byScore);
  const withScore = ordered.filter((r) => r.score !== null);
  const pct = percentiles(withScore.map((r) => r.score!));
  const percentileOf = new Map(withScore.map((r, i) => [r.personId, pct[i]!]));
  return ordered.map((r, i) => ({ ...r, percentile: percentileOf.get(r.personId) ?? null, place: r.score === null ? null : i + 1 }));
}

export function rankCandidates(candidates: readonly CandidateData[], prepared: PreparedPosition, options: { weights: Weights; threshold: number; limit: number | null }): Ranking {
  const threshold = checkThreshold(options.threshold);
  const all = rankAll(candidates.map((c) => fitScore(c, prepared, options.weights)));
  const passing = all.filter((r) => r.score !== null && r.score >= threshold);
  return { considered: candidates.length, scored: all.filter((r) => r.score !== null).length, candidates: options.limit === null ? passing : passing.slice(0, options.limit) };
}
