import type { ScoringConfig, TraitRange } from '../../shared/fit/model';
import { sdFromNorm } from '../team/words';
import { harmonyAfter, type PreparedTeam } from './harmony-delta';
import type { CandidateData, SubScore } from './types';

/**
 * Culture (docs/fit-and-prediction.md#culture): fit to the position's trait profile (target ranges in SD from
 * the norm) and to the team — the change in the harmony index when the person joins the crew (in place of
 * themselves if they are already in it, or of the person leaving). Each part 0–1; the mean of those that exist,
 * weighted. Never scored without a questionnaire result.
 */
type Config = ScoringConfig['culture'];

export function rangeCredit(z: number, range: TraitRange, tolerance: number): number {
  const below = range.min !== null && z < range.min ? range.min - z : 0;
  const above = range.max !== null && z > range.max ? z - range.max : 0;
  return Math.max(0, 1 - (below + above) / tolerance);
}

/** 0.5 for no change; towards 1 for a gain in harmony, towards 0 for a loss (a logistic curve). */
export const teamCredit = (delta: number, scale: number): number => 1 / (1 + Math.exp(-delta / scale));

export interface CultureContext {
  ranges: TraitRange[] | null;
  profileLabel: string | null;
  team: PreparedTeam | null;
  noTeam: string | null;
  domainNames: Record<string, string>;
}

export function profileFit(z: Record<string, number | null>, ranges: readonly TraitRange[], tolerance: number, names: Record<string, string>) {
  let sum = 0;
  let n = 0;
  const gaps: string[] = [];
  const missing: string[] = [];
  for (const range of ranges) {
    const value = z[range.scale];
    const name = (names[range.scale] ?? range.scale).toLowerCase();
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      missing.push(name);
      continue;
    }
    const credit = rangeCredit(value, range, tolerance);
    sum += credit;
    n += 1;
    if (credit < 1) {
      const below = range.min !== null && value < range.min;
      gaps.push(`${name[0]!.toUpperCase()}${name.slice(1)} ${below ? 'below' : 'above'} the position’s range (${sdFromNorm(value)}; the range ${below ? 'starts at' : 'ends at'} ${sdFromNorm(below ? range.min! : range.max!)})`);
    }
  }
  return { score: n ? sum / n : null, scored: n, gaps, missing };
}

export function cultureScore(candidate: Pick<CandidateData, 'personId' | 'result' | 'noResult'>, context: CultureContext, config: Config): SubScore & { harmonyDelta: number | null } {
  const out = { name: 'culture' as const, score: null as number | null, confidence: 0, strengths: [] as string[], gaps: [] as string[], notes: [] as string[], harmonyDelta: null as number | null };
  const result = candidate.result;
  if (!result) {
    out.notes.push(`${candidate.noResult ?? 'No questionnaire result'}, so culture is not scored.`);
    return out;
  }
  if (!result.z) {
    out.notes.push(`Their result could not be compared with a norm (${result.note ?? 'no norm in use'}), so culture is not scored.`);
    return out;
  }
  const parts: Array<{ score: number; weight: number }> = [];
  let possible = 0;
  if (context.ranges) {
    possible += config.profileWeight;
    const fit = profileFit(result.z, context.ranges, config.rangeTolerance, context.domainNames);
    out.gaps.push(...fit.gaps);
    if (fit.score !== null) {
      parts.push({ score: fit.score, weight: config.profileWeight * (fit.scored / context.ranges.length) });
      if (fit.gaps.length === 0) out.strengths.push(`Within the ${context.profileLabel ?? 'position’s'} range on all ${fit.scored} traits it sets`);
    }
    if (fit.missing.length) out.notes.push(`Their result has no score for ${fit.missing.join(', ')}.`);
  } else out.notes.push('There is no trait profile for this position.');
  possible += config.teamWeight;
  const team = context.team;
  if (team && team.base !== null) {
    const self = team.index.get(candidate.personId) ?? -1;
    const after = harmonyAfter(team, self, result.z);
    if (after !== null) {
      const delta = after - team.base;
      out.harmonyDelta = delta;
      parts.push({ score: teamCredit(delta, config.harmonyScale), weight: config.teamWeight });
      if (delta >= 1) out.strengths.push(`Harmony of the crew rises by ${delta.toFixed(1)} points if they join`);
      else if (delta <= -1) out.gaps.push(`Harmony of the crew falls by ${(-delta).toFixed(1)} points if they join`);
    } else out.notes.push('The crew’s harmony index cannot be worked out with them in it.');
  } else out.notes.push(context.noTeam ?? team?.reason ?? 'There is no crew to compare with.');
  const weight = parts.reduce((s, p) => s + p.weight, 0);
  if (weight === 0) return out;
  out.score = parts.reduce((s, p) => s + p.weight * p.score, 0) / weight;
  let confidence = weight / possible;
  if (result.mixed) {
    confidence *= config.mixedNormConfidence;
    out.notes.push('Their result was taken as an applicant and compared with a norm of crew in post; applicants describe themselves more favourably.');
  }
  if (result.verdict === 'questionable') {
    confidence *= config.questionableConfidence;
    out.notes.push(
      result.unchecked
        ? 'Their answers could not be checked for random answering yet (too few results stored to compare them with).'
        : 'Their answers were judged questionable (signs of careless answering).',
    );
  }
  if (result.note) out.notes.push(result.note);
  out.confidence = confidence;
  return out;
}
