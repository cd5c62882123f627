import { cycleAnchor, inPost, type Stint } from './aboard';

/**
 * The crews that never meet on a rotational yacht (docs/team-dynamics.md#7-rotation-pairs): two groups of
 * rotating crew such that nobody in one is ever aboard on the same day as anybody in the other, over the
 * rotations' common cycle. Back-to-back crews on 2:2 or 3:3 form such a pair; on 4:2 any two people overlap, so
 * there is none. Crew without a rotation are aboard throughout and meet everyone.
 */
export interface RotationPair {
  crews: [string[], string[]];
  /** Days of the common cycle that were compared. */
  days: number;
}

const MAX_HORIZON = 364;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The rotation pattern from `day` on, ignoring end dates: who is aboard is a matter of the cycle. */
function pattern(stint: Stint & { rotation: NonNullable<Stint['rotation']> }, day: number, horizon: number): Uint8Array {
  const cycle = (stint.rotation.weeksOn + stint.rotation.weeksOff) * 7;
  const on = stint.rotation.weeksOn * 7;
  const out = new Uint8Array(horizon);
  const anchor = cycleAnchor(stint, day);
  for (let d = 0; d < horizon; d += 1) out[d] = (((day + d - anchor) % cycle) + cycle) % cycle < on ? 1 : 0;
  return out;
}

const meet = (a: Uint8Array, b: Uint8Array) => a.some((x, d) => x === 1 && b[d] === 1);

export function rotationPairs(stints: readonly Stint[], day: number): RotationPair[] {
  const rotating = new Map<string, Stint & { rotation: NonNullable<Stint['rotation']> }>();
  for (const s of stints) if (s.rotation && inPost(s, day) && !rotating.has(s.personId)) rotating.set(s.personId, s as Stint & { rotation: NonNullable<Stint['rotation']> });
  const ids = [...rotating.keys()].sort();
  if (ids.length < 2) return [];
  const cycles = [...new Set(ids.map((id) => (rotating.get(id)!.rotation.weeksOn + rotating.get(id)!.rotation.weeksOff) * 7))];
  const horizon = Math.min(MAX_HORIZON, cycles.reduce((lcm, c) => (lcm * c) / gcd(lcm, c), 1));
  const patterns = ids.map((id) => pattern(rotating.get(id)!, day, horizon));
  const apart = ids.map((_, i) => ids.map((__, j) => i !== j && !meet(patterns[i]!, patterns[j]!)));

  const colour = new Array<number>(ids.length).fill(-1);
  const pairs: RotationPair[] = [];
  for (let seed = 0; seed < ids.length; seed += 1) {
    if (colour[seed] !== -1 || !apart[seed]!.some(Boolean)) continue;
    // Two-colour the component of "never meets"; it is a pair of crews when every cross pair never meets.
    const component: number[] = [];
    colour[seed] = 0;
    const queue = [seed];
    let bipartite = true;
    while (queue.length) {
      const i = queue.shift()!;
      component.push(i);
      apart[i]!.forEach((never, j) => {
        if (!never) return;
        if (colour[j] === -1) {
          colour[j] = 1 - colour[i]!;
          queue.push(j);
        } else if (colour[j] === colour[i]) bipartite = false;
      });
    }
    const sides = [0, 1].map((c) => component.filter((i) => colour[i] === c).sort((a, b) => a - b));
    const complete = sides[0]!.every((i) => sides[1]!.every((j) => apart[i]![j]));
    if (bipartite && complete) {
      const crews = sides.map((side) => side.map((i) => ids[i]!)) as [string[], string[]];
      pairs.push({ crews, days: horizon });
    }
  }
  return pairs;
}
