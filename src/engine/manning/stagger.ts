import { DEPARTMENTS } from '../../shared/domain/crew';
import { dayNumber, isoFromDayNumber } from '../../shared/domain/dates';
import { dutiesOf, dutyGaps, type DutyGap, type ManningAssignment, type ManningInput } from './calendar';
import { phaseOnDay, rotaDays, type RotaDays } from './rotation';

export interface StaggerChange<A> {
  assignment: A;
  /** The day the person's next "on" period starts under the proposal (`YYYY-MM-DD`). */
  restart: string;
}

export interface StaggerProposal<A> {
  changes: Array<StaggerChange<A>>;
  /** Uncovered must-be-aboard duties over the range as things stand, and with the changes. */
  before: DutyGap[];
  after: DutyGap[];
}

/** Longest stretch over which patterns are compared (two years): enough for any common pair of rotations. */
const MAX_WINDOW_DAYS = 728;
/** What one changed assignment must win in evenness to be worth asking a person to change their rotation. */
const CHANGE_COST = 0.25;
const ROUNDS = 4;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

interface Candidate {
  /** Null: the assignment as it is. */
  restart: number | null;
  /** Aboard on each day of the comparison window, as if this rotation pattern had always applied. */
  pattern: Uint8Array;
  /** Aboard on each day of the range, as it would really be (the old pattern until the restart). */
  actual: Uint8Array;
}

interface Mover {
  index: number;
  department: number;
  duty: number;
  candidates: Candidate[];
  chosen: number;
}

/**
 * Proposes new rotation start days for rotating crew so that must-be-aboard duties are covered as often as
 * the people and rotations allow, and each department's leave is spread out (docs/manning.md):
 * - only assignments on a rotation, present in the range, with no restart already in the past, may change;
 *   a change is a restart on or after `from` (the past is never rewritten), in whole weeks, on a day that
 *   follows a day aboard: someone stays aboard longer, nobody is called back from leave;
 * - patterns are compared over a whole number of every rotation's cycle, as if each pattern had always
 *   applied, so that merely postponing someone's leave past the end of the range does not count as a fix;
 * - a change never leaves a duty uncovered on more days of the range than today's plan does;
 * - fewest changes win among equally good proposals.
 */
export function proposeStagger<A extends ManningAssignment>(input: ManningInput<A>): StaggerProposal<A> {
  const { positions, from, days } = input;
  const firstDay = dayNumber(from);
  const lastDay = firstDay + days - 1;
  const byId = new Map(positions.map((p) => [p.id, p]));
  const assignments = input.assignments.filter((a) => byId.has(a.positionId));
  const rota = assignments.map(rotaDays);
  const duties = dutiesOf(positions);
  const dutyOf = (positionId: string) => duties.findIndex((d) => d.positionIds.has(positionId));
  const present = (r: RotaDays) => r.start <= lastDay && r.end >= firstDay;
  const movable = (r: RotaDays) => r.cycleDays > 0 && present(r) && (r.restart === null || r.restart >= firstDay);

  const cycles = rota.filter(movable).map((r) => r.cycleDays);
  const lcm = cycles.reduce((l, c) => (l * c) / gcd(l, c), 1);
  const window = lcm <= MAX_WINDOW_DAYS ? lcm * Math.ceil(days / lcm) : Math.max(days, MAX_WINDOW_DAYS);

  const steadyPattern = (r: RotaDays, anchor: number) =>
    Uint8Array.from({ length: window }, (_, t) => {
      const day = firstDay + t;
      if (day < r.start || day > r.end) return 0;
      return (((day - anchor) % r.cycleDays) + r.cycleDays) % r.cycleDays < r.onDays ? 1 : 0;
    });
  const actualPattern = (r: RotaDays) => Uint8Array.from({ length: days }, (_, t) => (phaseOnDay(r, firstDay + t) === 'aboard' ? 1 : 0));

  // Everyone counts towards coverage; only movers have more than one candidate.
  const movers: Mover[] = rota.map((r, index) => {
    const department = DEPARTMENTS.indexOf(byId.get(assignments[index]!.positionId)!.department);
    const duty = dutyOf(assignments[index]!.positionId);
    const fixed = { restart: null, pattern: r.cycleDays > 0 && !movable(r) ? Uint8Array.from({ length: window }, (_, t) => (phaseOnDay(r, firstDay + t) === 'aboard' ? 1 : 0)) : steadyPattern(r, r.restart ?? r.start), actual: actualPattern(r) };
    const candidates: Candidate[] = [fixed];
    if (movable(r)) {
      const current = (((r.restart ?? r.start) % r.cycleDays) + r.cycleDays) % r.cycleDays;
      const base = Math.max(firstDay, r.start);
      for (let week = 0; week * 7 < r.cycleDays; week += 1) {
        const restart = base + week * 7;
        if (restart > r.end || restart > lastDay || restart % r.cycleDays === current) continue;
        // A restart extends a stretch aboard; it never calls someone back from leave they have begun.
        if (phaseOnDay(r, restart - 1) !== 'aboard') continue;
        candidates.push({ restart, pattern: steadyPattern(r, restart), actual: actualPattern({ ...r, restart }) });
      }
    }
    return { index, department, duty, candidates, chosen: 0 };
  });

  const dept = DEPARTMENTS.map(() => new Int32Array(window));
  const dutyCover = duties.map(() => new Int32Array(window));
  const dutyActual = duties.map(() => new Int32Array(days));
  const apply = (m: Mover, sign: 1 | -1) => {
    const c = m.candidates[m.chosen]!;
    for (let t = 0; t < window; t += 1) {
      dept[m.department]![t]! += sign * c.pattern[t]!;
      if (m.duty >= 0) dutyCover[m.duty]![t]! += sign * c.pattern[t]!;
    }
    if (m.duty >= 0) for (let t = 0; t < days; t += 1) dutyActual[m.duty]![t]! += sign * c.actual[t]!;
  };
  movers.forEach((m) => apply(m, 1));

  const uncovered = (counts: Int32Array[]) => counts.reduce((n, c) => n + c.filter((v) => v === 0).length, 0);
  const unevenness = () =>
    dept.reduce((sum, counts) => {
      let s = 0;
      let s2 = 0;
      for (const v of counts) {
        s += v;
        s2 += v * v;
      }
      return sum + s2 / window - (s / window) ** 2;
    }, 0);
  const changed = () => movers.filter((m) => m.chosen !== 0).length;
  const score = () => ({ gaps: uncovered(dutyCover), spread: unevenness() + CHANGE_COST * changed() });
  const better = (a: { gaps: number; spread: number }, b: { gaps: number; spread: number }) => a.gaps < b.gaps || (a.gaps === b.gaps && a.spread < b.spread - 1e-9);
  const todayGaps = uncovered(dutyActual);

  for (let round = 0; round < ROUNDS; round += 1) {
    let improved = false;
    for (const m of movers) {
      if (m.candidates.length < 2) continue;
      let best = score();
      let bestChoice = m.chosen;
      for (let choice = 0; choice < m.candidates.length; choice += 1) {
        if (choice === m.chosen) continue;
        const previous = m.chosen;
        apply(m, -1);
        m.chosen = choice;
        apply(m, 1);
        const candidate = score();
        if (better(candidate, best) && uncovered(dutyActual) <= todayGaps) {
          best = candidate;
          bestChoice = choice;
        }
        apply(m, -1);
        m.chosen = previous;
        apply(m, 1);
      }
      if (bestChoice !== m.chosen) {
        apply(m, -1);
        m.chosen = bestChoice;
        apply(m, 1);
        improved = true;
      }
    }
    if (!improved) break;
  }

  const phaseWith = (choices: (m: Mover) => Candidate) => (i: number, day: number) => (choices(movers[i]!).actual[day - firstDay] ? 'aboard' : 'leave');
  return {
    changes: movers
      .filter((m) => m.chosen !== 0)
      .map((m) => ({ assignment: assignments[m.index]!, restart: isoFromDayNumber(m.candidates[m.chosen]!.restart!) })),
    before: dutyGaps(positions, assignments, phaseWith((m) => m.candidates[0]!), firstDay, days),
    after: dutyGaps(positions, assignments, phaseWith((m) => m.candidates[m.chosen]!), firstDay, days),
  };
}
