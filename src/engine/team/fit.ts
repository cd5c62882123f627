import { pearsonPairwise } from '../psychometrics/careless';
import { presentSorted, sumOf } from './stats';

/**
 * Person–team fit, leave-one-out over the domains in z (docs/team-dynamics.md#3-personteam-fit): for member i,
 * `m` = the mean of the other members' z per domain, `D = √Σ(z_i − m)²` and `profileR = cor(z_i, m)`, null when
 * either profile has no variance. A member lacking a z in any domain, or a domain no other member has, gets nulls.
 */
export interface FitMember {
  id: string;
  z: Record<string, number | null> | null;
}

export interface DomainDifference {
  scale: string;
  /** The member's z and the mean z of the rest. */
  z: number;
  rest: number;
}

export interface MemberFit {
  id: string;
  distance: number | null;
  profileR: number | null;
  /**
   * Σ (z_i − m)² / (1 + 1/n_rest) per domain: under random crews from the norm group each term has variance 1, so
   * the sum follows χ² with one degree of freedom per domain; large values name the members furthest from the rest.
   */
  apartness: number | null;
  /** Per domain, largest difference first (empty when the distance is undefined). */
  differences: DomainDifference[];
}

/**
 * A profile whose values differ by less than this (in SD) is flat: differences at the level of rounding (z of a
 * member exactly one SD above the norm everywhere) would otherwise give a meaningless correlation.
 */
const FLAT = 1e-9;
const isFlat = (values: Float64Array) => Math.max(...values) - Math.min(...values) < FLAT;

const zOf = (member: FitMember, scale: string): number | null => {
  const value = member.z?.[scale];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export function memberFit(members: readonly FitMember[], domains: readonly string[]): MemberFit[] {
  // Totals from sorted values: the rest's mean comes out bit for bit the same whatever the members' order.
  const totals = domains.map((scale) => {
    const sorted = presentSorted(members.map((m) => zOf(m, scale)));
    return { sum: sumOf(sorted), n: sorted.length };
  });
  return members.map((member) => {
    const own = domains.map((scale) => zOf(member, scale));
    const undefinedFit: MemberFit = { id: member.id, distance: null, profileR: null, apartness: null, differences: [] };
    if (domains.length === 0 || own.some((z) => z === null)) return undefinedFit;
    const rest = new Float64Array(domains.length);
    const self = new Float64Array(domains.length);
    let squares = 0;
    let apartness = 0;
    for (let d = 0; d < domains.length; d += 1) {
      const { sum, n } = totals[d]!;
      const others = n - 1;
      if (others < 1) return undefinedFit;
      const z = own[d]!;
      self[d] = z;
      rest[d] = (sum - z) / others;
      const gap = z - rest[d]!;
      squares += gap * gap;
      apartness += (gap * gap) / (1 + 1 / others);
    }
    const r = isFlat(self) || isFlat(rest) ? Number.NaN : pearsonPairwise(self, rest, domains.length);
    const differences = domains
      .map((scale, d) => ({ scale, z: self[d]!, rest: rest[d]! }))
      .sort((a, b) => Math.abs(b.z - b.rest) - Math.abs(a.z - a.rest) || a.scale.localeCompare(b.scale));
    return { id: member.id, distance: Math.sqrt(squares), profileR: Number.isNaN(r) ? null : r, apartness, differences };
  });
}
