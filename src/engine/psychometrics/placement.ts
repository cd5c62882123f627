import type { NormTable, Population } from '../../shared/psychometrics';
import { PsychometricsInputError } from './errors';
import type { LocalNormGroup } from './local-groups';
import { checkNormPopulation, normScores } from './norms';

/** A stored scale or facet mean to be placed (docs/psychometrics.md#2-scale-scores-and-norms: the mean of answered items). */
export interface ScoreToPlace {
  id: string;
  mean: number | null;
}

export interface PlacedScore {
  id: string;
  mean: number | null;
  z: number | null;
  t: number | null;
  percentile: number | null;
}

export type PlacementStatus = 'placed' | 'belowMinimum' | 'mismatch';

export interface Placement {
  status: PlacementStatus;
  /** Why nothing was placed, or what a reader must know about the figures. */
  messages: string[];
  /** Compared with norms of another population because the caller asked for it explicitly (docs/psychometrics.md#2-scale-scores-and-norms). */
  mixed: boolean;
  scores: PlacedScore[];
}

const unplaced = (scores: readonly ScoreToPlace[]): PlacedScore[] => scores.map(({ id, mean }) => ({ id, mean, z: null, t: null, percentile: null }));

/**
 * Places one person's scale means on a norm table: z = (x − μ)/σ, T = 50 + 10z, percentile = 100·Φ(z)
 * (docs/psychometrics.md#2-scale-scores-and-norms). Norms of another population are refused unless `allowMixing`;
 * then every figure is labelled as mixed, because applicants exceed non-applicants by up to d = .45 (Birkeland et
 * al. 2006, docs/psychometrics.md#2-scale-scores-and-norms).
 */
export function placeOnTable(scores: readonly ScoreToPlace[], table: NormTable, respondents: Population, allowMixing: boolean): Placement {
  let messages: string[];
  try {
    messages = checkNormPopulation(respondents, table, allowMixing);
  } catch (error) {
    if (!(error instanceof PsychometricsInputError)) throw error;
    return { status: 'mismatch', messages: [error.issues[0]?.message ?? error.message], mixed: false, scores: unplaced(scores) };
  }
  const known = respondents !== 'unspecified' && table.population !== 'unspecified';
  const mixed = known && respondents !== table.population;
  const rows = new Map(table.rows.map((row) => [row.scale, row]));
  const missing = scores.filter((s) => !rows.has(s.id)).map((s) => s.id);
  if (missing.length === scores.length) messages.push('The norm table has no row for any of these scales.');
  else if (missing.length) messages.push(`The norm table has no row for ${missing.join(', ')}: no z, T or percentile there.`);
  const placed = scores.map(({ id, mean }) => {
    const row = rows.get(id);
    if (!row || mean === null || !Number.isFinite(mean)) return { id, mean, z: null, t: null, percentile: null };
    const s = normScores(mean, row);
    return { id, mean, z: s.z, t: s.t, percentile: s.percentile };
  });
  return { status: 'placed', messages, mixed, scores: placed };
}

/**
 * Places scores on a local norm group (issue 3 §3). A group below the minimum size gives no percentiles — its
 * message says so — and a group of another population is refused unless mixing is asked for
 * (docs/psychometrics.md#2-scale-scores-and-norms).
 */
export function placeOnLocalGroup(scores: readonly ScoreToPlace[], group: LocalNormGroup, respondents: Population, allowMixing: boolean): Placement {
  if (!group.sufficient || group.table === null) {
    return { status: 'belowMinimum', messages: [group.message ?? `"${group.group}" cannot serve as norms.`], mixed: false, scores: unplaced(scores) };
  }
  return placeOnTable(scores, group.table, respondents, allowMixing);
}
