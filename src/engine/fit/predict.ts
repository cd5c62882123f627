import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { PREDICTORS, type Coefficients, type PredictionFile, type PredictorName } from '../../shared/fit/model';
import { profileFit, teamCredit } from './culture';
import type { FitResult, PreparedPosition } from './score';
import type { CandidateData, PositionData } from './types';

/**
 * Success prediction (docs/fit-and-prediction.md#prediction): the probability of completing the contract and
 * being rated well, Ŷ = σ(β₀ + Σ βₖ (xₖ − ½)) over four predictors on a 0–1 scale — the person (P_ind), the team
 * (F_team), the vessel (F_env) and the head of department (F_lmx). A predictor that cannot be worked out is taken
 * at its middle (it adds nothing), said so, and lowers the confidence.
 */
export type Factors = Record<PredictorName, number | null>;

export interface Prediction {
  probability: number;
  logit: number;
  factors: Factors;
  /** Each predictor's term βₖ (xₖ − ½) in log-odds (0 when not known). */
  terms: Record<PredictorName, number>;
  /** Share of the predictors that could be worked out. */
  confidence: number;
  notes: string[];
  model: string;
}

export const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
export const logit = (p: number): number => Math.log(p / (1 - p));

export function predict(factors: Factors, coefficients: Coefficients, model: string, notes: string[] = []): Prediction {
  let eta = coefficients.intercept.estimate;
  const terms = {} as Record<PredictorName, number>;
  let known = 0;
  for (const name of PREDICTORS) {
    const x = factors[name];
    terms[name] = x === null ? 0 : coefficients[name].estimate * (x - 0.5);
    eta += terms[name];
    if (x !== null) known += 1;
  }
  return { probability: sigmoid(eta), logit: eta, factors, terms, confidence: known / PREDICTORS.length, notes, model };
}

/** Φ of the retention composite Σ wₖ zₖ / √Σ wₖ² over the traits the result has (Zimmerman 2008 weights). */
export function traitRetention(z: Record<string, number | null>, traits: PredictionFile['individual']['traits']): number | null {
  let sum = 0;
  let squares = 0;
  for (const t of traits) {
    const value = z[t.scale];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    sum += t.weight * (t.reversed ? -value : value);
    squares += t.weight * t.weight;
  }
  return squares > 0 ? normalCdf(sum / Math.sqrt(squares), 0, 1) : null;
}

export function weightedMean(parts: Array<{ value: number | null; weight: number }>): number | null {
  let sum = 0;
  let weight = 0;
  for (const p of parts) {
    if (p.value === null || p.weight <= 0) continue;
    sum += p.value * p.weight;
    weight += p.weight;
  }
  return weight > 0 ? sum / weight : null;
}

/** F_env: the mean of the size band, use, rotation and season factors of the position (prediction-v1.json). */
export function environmentFactor(position: Pick<PositionData, 'vessel' | 'rotation' | 'startDate'>, model: PredictionFile['environment']): number {
  let size = model.size[0]!.value;
  for (const band of model.size) if (position.vessel.lengthM >= band.from) size = band.value;
  const use = model.use[position.vessel.use];
  const rotation = position.rotation ? Math.min(1, position.rotation.weeksOff / (position.rotation.weeksOn + position.rotation.weeksOff) / model.rotation.leaveShareFull) : model.rotation.none;
  const season = model.season[Number(position.startDate.slice(5, 7)) - 1]!;
  return (size + use + rotation + season) / 4;
}

const DOMAINS = ['N', 'E', 'O', 'A', 'C'];

/**
 * F_lmx from both profiles: part the head's own agreeableness (leader characteristics explain most of LMX,
 * Dulebohn et al. 2012), part congruence — a distance over the domains where being below the head counts more
 * (the asymmetric incongruence of Zhang, Wang & Shi 2012; for neuroticism "below" means more anxious).
 */
export function leaderFactor(person: Record<string, number | null>, head: Record<string, number | null>, model: PredictionFile['leader']): number | null {
  let squares = 0;
  let compared = 0;
  for (const d of DOMAINS) {
    const p = person[d];
    const h = head[d];
    if (typeof p !== 'number' || typeof h !== 'number') continue;
    const gap = d === 'N' ? h - p : p - h;
    squares += (gap < 0 ? model.belowWeight : 1) * gap * gap;
    compared += 1;
  }
  const headA = head.A;
  const congruence = compared ? Math.max(0, 1 - Math.sqrt(squares) / model.maxDistance) : null;
  const warmth = typeof headA === 'number' ? normalCdf(headA, 0, 1) : null;
  return weightedMean([
    { value: warmth, weight: model.headAgreeablenessShare },
    { value: congruence, weight: 1 - model.headAgreeablenessShare },
  ]);
}

/** P_ind: traits (retention composite), fit to the role's ranges, experience and certificates. */
export function individualFactor(candidate: Pick<CandidateData, 'result'>, fit: Pick<FitResult, 'subScores'>, ranges: PositionData['profile'], model: PredictionFile, tolerance: number): number | null {
  const z = candidate.result?.z ?? null;
  const parts = model.individual.parts;
  return weightedMean([
    { value: z ? traitRetention(z, model.individual.traits) : null, weight: parts.traits },
    { value: z && ranges ? profileFit(z, ranges.ranges, tolerance, {}).score : null, weight: parts.profile },
    { value: fit.subScores.experience, weight: parts.experience },
    { value: fit.subScores.certificates, weight: parts.certificates },
  ]);
}

export function factorsFor(candidate: CandidateData, fit: FitResult, prepared: PreparedPosition, model: PredictionFile): { factors: Factors; notes: string[] } {
  const { position, settings } = prepared;
  const notes: string[] = [];
  const individual = individualFactor(candidate, fit, position.profile, model, settings.scoring.culture.rangeTolerance);
  const team = fit.harmonyDelta === null ? null : teamCredit(fit.harmonyDelta, settings.scoring.culture.harmonyScale);
  const z = candidate.result?.z ?? null;
  const leader = z && position.head?.z ? leaderFactor(z, position.head.z, model.leader) : null;
  if (individual === null) notes.push('Nothing is known about the person yet, so their part is taken as average.');
  if (team === null) notes.push('Their fit with the team cannot be worked out, so it is taken as average.');
  if (leader === null) notes.push(position.head ? `${position.head.name}'s or their own questionnaire result is missing, so compatibility with the head of department is taken as average.` : 'There is no head of department to compare with, so that part is taken as average.');
  return { factors: { individual, team, environment: environmentFactor(position, model.environment), leader }, notes };
}
