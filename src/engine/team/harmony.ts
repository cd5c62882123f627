import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { HarmonyComponentSpec, HarmonyModel, TeamStatistic, Trait } from '../../shared/team/model';
import { describe } from './stats';

/**
 * The harmony index, 0–100 (docs/team-dynamics.md#4-harmony-index-model-harmony-v1). Each component is one team
 * statistic of one trait in z against the norm. Its sub-score is the share of random crews of the same size, drawn
 * from the norm group, that this crew beats on that statistic — so size is accounted for exactly (a spread or a
 * minimum depends on n):
 *
 * - mean (higher is better): 100 · Φ(√n · mean)
 * - sd (lower is better): 100 · (1 − F_χ²(n−1)((n − 1) · sd²))
 * - min (higher is better): 100 · (1 − (1 − Φ(min))ⁿ)
 *
 * The index is Σ weight · sub-score with weights adding up to 1, so each contribution is visible and they add up
 * to the index. Weights come from the versioned model in resources/team.
 */
export interface HarmonyComponent {
  id: string;
  label: string;
  trait: Trait;
  statistic: TeamStatistic;
  /** The team statistic in z (the trait reversed where the model says so). */
  value: number;
  /** Members it rests on. */
  n: number;
  subScore: number;
  weight: number;
  contribution: number;
  effect: number | null;
  evidence: HarmonyComponentSpec['evidence'];
  source: string;
  why: string;
}

export interface Harmony {
  score: number;
  band: string;
  version: string;
  components: HarmonyComponent[];
}

export type HarmonyOutcome = { harmony: Harmony; reason: null } | { harmony: null; reason: string };

/** A trait's z per member (null where missing), reversed where the trait is the scale's opposite. */
export function traitValues(zs: ReadonlyArray<Record<string, number | null> | null>, trait: Trait): Array<number | null> {
  return zs.map((z) => {
    const value = z?.[trait.scale];
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    return trait.reversed ? -value : value;
  });
}

/** The share (0–100) of random crews of n from the norm group this crew beats on the statistic. */
export function subScore(statistic: TeamStatistic, value: number, n: number): number {
  if (statistic === 'mean') return 100 * normalCdf(Math.sqrt(n) * value, 0, 1);
  if (statistic === 'min') return 100 * (1 - (1 - normalCdf(value, 0, 1)) ** n);
  return 100 * (1 - chisquareCdf((n - 1) * value * value, n - 1));
}

const MIN_MEMBERS: Record<TeamStatistic, number> = { mean: 1, min: 1, sd: 2 };

export function bandOf(model: HarmonyModel, score: number): string {
  let label = model.bands[0]!.label;
  for (const band of model.bands) if (score >= band.from) label = band.label;
  return label;
}

/**
 * The index of a crew given each member's z (null for members without one), or why it cannot be given. Every
 * component must be defined: an index made of whichever parts happen to exist would not be comparable.
 */
export function harmonyIndex(
  zs: ReadonlyArray<Record<string, number | null> | null>,
  model: HarmonyModel,
  normScales: ReadonlySet<string> | null,
): HarmonyOutcome {
  if (normScales === null) return { harmony: null, reason: 'The harmony index compares the crew with a norm group, and no norm is in use.' };
  const uncovered = [...new Set(model.components.map((c) => c.trait.scale).filter((s) => !normScales.has(s)))];
  if (uncovered.length) {
    return { harmony: null, reason: `The norm has no figures for ${uncovered.join(', ')}, which the harmony index needs.` };
  }
  const components: HarmonyComponent[] = [];
  for (const spec of model.components) {
    const stats = describe(traitValues(zs, spec.trait));
    const value = spec.statistic === 'mean' ? stats.mean : spec.statistic === 'min' ? stats.min : stats.sd;
    if (value === null || stats.n < MIN_MEMBERS[spec.statistic]) {
      const needed = MIN_MEMBERS[spec.statistic];
      return {
        harmony: null,
        reason:
          stats.n === 0
            ? `No member has a ${spec.trait.name} score against the norm, so the harmony index cannot be computed.`
            : `The spread of ${spec.trait.name} needs at least ${needed} members with scores; this group has ${stats.n}.`,
      };
    }
    const score = subScore(spec.statistic, value, stats.n);
    components.push({
      id: spec.id,
      label: spec.label,
      trait: spec.trait,
      statistic: spec.statistic,
      value,
      n: stats.n,
      subScore: score,
      weight: spec.weight,
      contribution: spec.weight * score,
      effect: spec.effect,
      evidence: spec.evidence,
      source: spec.source,
      why: spec.why,
    });
  }
  const total = components.reduce((sum, c) => sum + c.contribution, 0);
  // The weights add up to 1 within rounding; keep the index inside its scale.
  const score = Math.min(100, Math.max(0, total));
  return { harmony: { score, band: bandOf(model, score), version: model.version, components }, reason: null };
}
