import type { HarmonyModel, TeamStatistic } from '../../shared/team/model';
import { bandOf, harmonyIndex, subScore, traitValues } from '../team/harmony';
import type { TeamBase } from './types';

/**
 * The harmony index of a team after one change — a member out, a person in, or both (a swap) — without
 * recomputing the team: per component the shifted sums and the two lowest values are kept, so each change costs
 * a few operations. Equal to `harmonyIndex` on the changed team within rounding (test/unit/fit/swaps.test.ts);
 * the what-if screen recomputes from scratch, this serves rankings and the search over every single swap.
 */
interface Component {
  statistic: TeamStatistic;
  weight: number;
  /** Per member: the trait value, NaN where missing. */
  values: Float64Array;
  n: number;
  shift: number;
  s1: number;
  s2: number;
  lowest: number;
  second: number;
  scale: string;
  reversed: boolean;
}

export interface PreparedTeam {
  model: HarmonyModel;
  ids: string[];
  index: Map<string, number>;
  components: Component[] | null;
  /** The index of the team as it is (null with `reason` when it has none). */
  base: number | null;
  reason: string | null;
}

const MIN_MEMBERS: Record<TeamStatistic, number> = { mean: 1, min: 1, sd: 2 };

export function prepareTeam(team: TeamBase): PreparedTeam {
  const zs = team.members.map((m) => m.z);
  const scales = new Set(team.normScales);
  const outcome = harmonyIndex(zs.length < 2 ? [] : zs, team.model, scales);
  const ids = team.members.map((m) => m.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const covered = team.model.components.every((c) => scales.has(c.trait.scale));
  const components = covered
    ? team.model.components.map((spec): Component => {
        const values = Float64Array.from(traitValues(zs, spec.trait), (v) => (v === null ? Number.NaN : v));
        const present = Array.from(values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
        const shift = present.length ? present.reduce((s, v) => s + v, 0) / present.length : 0;
        let s1 = 0;
        let s2 = 0;
        for (const v of present) {
          s1 += v - shift;
          s2 += (v - shift) ** 2;
        }
        const inf = Number.POSITIVE_INFINITY;
        return { statistic: spec.statistic, weight: spec.weight, values, n: present.length, shift, s1, s2, lowest: present[0] ?? inf, second: present[1] ?? inf, scale: spec.trait.scale, reversed: spec.trait.reversed };
      })
    : null;
  return { model: team.model, ids, index, components, base: outcome.harmony?.score ?? null, reason: outcome.reason ?? (zs.length < 2 ? 'A group of one has no spread, so there is no harmony index.' : null) };
}

/**
 * The index after removing member `out` (an index into the team, or −1) and adding a person with z `incoming`
 * (null: nobody joins). Null when the changed team has no index (fewer than two members, a trait nobody has).
 */
export function harmonyAfter(team: PreparedTeam, out: number, incoming: Record<string, number | null> | null | undefined, joins = incoming !== undefined): number | null {
  if (!team.components) return null;
  const members = team.ids.length - (out >= 0 ? 1 : 0) + (joins ? 1 : 0);
  if (members < 2) return null;
  let total = 0;
  for (const c of team.components) {
    const removed = out >= 0 ? c.values[out]! : Number.NaN;
    const raw = incoming?.[c.scale];
    const added = typeof raw === 'number' && Number.isFinite(raw) ? (c.reversed ? -raw : raw) : Number.NaN;
    const hasRemoved = !Number.isNaN(removed);
    const hasAdded = !Number.isNaN(added);
    const n = c.n - (hasRemoved ? 1 : 0) + (hasAdded ? 1 : 0);
    if (n < MIN_MEMBERS[c.statistic]) return null;
    let value: number;
    if (c.statistic === 'min') {
      const kept = hasRemoved && removed === c.lowest ? c.second : c.lowest;
      value = hasAdded ? Math.min(kept, added) : kept;
    } else {
      const t1 = c.s1 - (hasRemoved ? removed - c.shift : 0) + (hasAdded ? added - c.shift : 0);
      const mean = c.shift + t1 / n;
      if (c.statistic === 'mean') value = mean;
      else {
        const t2 = c.s2 - (hasRemoved ? (removed - c.shift) ** 2 : 0) + (hasAdded ? (added - c.shift) ** 2 : 0);
        value = Math.sqrt(Math.max(0, t2 - n * (mean - c.shift) ** 2) / (n - 1));
      }
    }
    total += c.weight * subScore(c.statistic, value, n);
  }
  return Math.min(100, Math.max(0, total));
}

export const harmonyBand = (team: PreparedTeam, score: number): string => bandOf(team.model, score);
