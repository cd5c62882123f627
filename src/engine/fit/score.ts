import { SUB_SCORES, type SubScoreName, type Weights } from '../../shared/fit/model';
import { availabilityScore } from './availability';
import { certificatesScore } from './certificates';
import { cultureScore, type CultureContext } from './culture';
import { engagementScore } from './engagement';
import { experienceScore } from './experience';
import { prepareTeam } from './harmony-delta';
import { locationScore } from './location';
import { firstTour, type Tour } from './tour';
import type { CandidateData, FitSettings, PositionData, SubScore } from './types';

/**
 * The FitScore of one candidate for one position (docs/fit-and-prediction.md#fitscore): six sub-scores, each
 * 0–1 with its own confidence and reasons; the score is their weighted mean over the parts that could be scored,
 * and the confidence the weighted mean of the parts' confidences (0 for a part not scored). A part that cannot
 * be scored is never counted as 0 or as 1: it lowers the confidence, and the reason is listed.
 */
export interface FitResult {
  personId: string;
  name: string;
  /** 0–1, or null when no part with a weight could be scored. */
  score: number | null;
  subScores: Record<SubScoreName, number | null>;
  /** Each part's share of the score (they add up to it). */
  contributions: Record<SubScoreName, number | null>;
  confidence: number;
  /** Why the confidence is below 1. */
  confidenceNotes: string[];
  strengths: string[];
  gaps: string[];
  parts: SubScore[];
  /** The change in the crew's harmony index if they join (null when it cannot be worked out). */
  harmonyDelta: number | null;
}

/** What is worked out once per position and shared by every candidate. */
export interface PreparedPosition {
  position: PositionData;
  tour: Tour;
  culture: CultureContext;
  settings: FitSettings;
  asOf: string;
}

export function preparePosition(position: PositionData, settings: FitSettings, asOf: string): PreparedPosition {
  return {
    position,
    tour: firstTour(position, settings.scoring),
    culture: {
      ranges: position.profile?.ranges ?? null,
      profileLabel: position.profile?.label ?? null,
      team: position.team ? prepareTeam(position.team) : null,
      noTeam: position.noTeam,
      domainNames: settings.domainNames,
    },
    settings,
    asOf,
  };
}

export function subScores(candidate: CandidateData, prepared: PreparedPosition): { parts: SubScore[]; harmonyDelta: number | null } {
  const { position, tour, settings, asOf } = prepared;
  const { scoring } = settings;
  const culture = cultureScore(candidate, prepared.culture, scoring.culture);
  const { harmonyDelta, ...culturePart } = culture;
  return {
    parts: [
      certificatesScore(candidate, position.required, tour, scoring.certificates),
      experienceScore(candidate.service, position, asOf, scoring.experience),
      availabilityScore(candidate, tour, asOf, scoring.availability),
      locationScore(candidate, position.vessel.areas, settings.areas, tour, scoring.location),
      culturePart,
      engagementScore(candidate, scoring.engagement),
    ],
    harmonyDelta,
  };
}

export function combine(parts: readonly SubScore[], weights: Weights) {
  const byName = new Map(parts.map((p) => [p.name, p]));
  let known = 0;
  let weighted = 0;
  let confidence = 0;
  for (const name of SUB_SCORES) {
    const part = byName.get(name);
    if (!part || part.score === null) continue;
    known += weights[name];
    weighted += weights[name] * part.score;
    confidence += weights[name] * part.confidence;
  }
  const score = known > 0 ? weighted / known : null;
  const subScores = Object.fromEntries(SUB_SCORES.map((name) => [name, byName.get(name)?.score ?? null])) as Record<SubScoreName, number | null>;
  const contributions = Object.fromEntries(
    SUB_SCORES.map((name) => {
      const s = subScores[name];
      return [name, s === null || known === 0 ? null : (weights[name] * s) / known];
    }),
  ) as Record<SubScoreName, number | null>;
  return { score, subScores, contributions, confidence };
}

export function fitScore(candidate: CandidateData, prepared: PreparedPosition, weights: Weights): FitResult {
  const { parts, harmonyDelta } = subScores(candidate, prepared);
  const { score, subScores: scores, contributions, confidence } = combine(parts, weights);
  // Reasons from parts with no weight do not explain this score.
  const counted = parts.filter((p) => weights[p.name] > 0);
  return {
    personId: candidate.personId,
    name: candidate.name,
    score,
    subScores: scores,
    contributions,
    confidence,
    confidenceNotes: counted.filter((p) => p.confidence < 1).flatMap((p) => p.notes),
    strengths: counted.flatMap((p) => p.strengths),
    gaps: counted.flatMap((p) => p.gaps),
    parts,
    harmonyDelta,
  };
}
