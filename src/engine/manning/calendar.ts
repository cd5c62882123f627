import { DEPARTMENTS, type Department } from '../../shared/domain/crew';
import { dayNumber, isoFromDayNumber } from '../../shared/domain/dates';
import { manningDuty, type ManningDuty } from '../../shared/domain/manning';
import { phaseOnDay, rotaDays, type Phase, type RotaAssignment, type RotaDays } from './rotation';

/** A position as safe manning sees it. Archived positions must be left out by the caller. */
export interface ManningPosition {
  id: string;
  department: Department;
  title: string;
  mustBeAboard: boolean;
}

/** A live (not archived) assignment to one of the positions. */
export interface ManningAssignment extends RotaAssignment {
  id: string;
  positionId: string;
}

export interface ManningInput<A extends ManningAssignment> {
  positions: readonly ManningPosition[];
  assignments: readonly A[];
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** How many days, `from` included. */
  days: number;
}

export interface DateRun {
  from: string;
  to: string;
}

/** A must-be-aboard duty left without anyone aboard on some days. */
export interface DutyGap {
  duty: ManningDuty;
  /** The must-be-aboard positions that make up the duty. */
  positionIds: string[];
  /** How many days of the range nobody holding the duty is aboard. */
  days: number;
  /** Those days as consecutive runs, in order. */
  runs: DateRun[];
}

export interface CrewStrip<A> {
  assignment: A;
  position: ManningPosition;
  /** Per day of the range: aboard, on leave, or null when the assignment does not cover the day. */
  phases: Array<Phase | null>;
}

export interface ManningCalendar<A> {
  from: string;
  to: string;
  /** Per department, how many people are aboard on each day of the range. */
  aboard: Record<Department, number[]>;
  /** Everyone assigned on at least one day of the range, in the order of the positions given. */
  crew: Array<CrewStrip<A>>;
  /** Duties with at least one uncovered day, most uncovered days first. */
  gaps: DutyGap[];
}

/** Must-be-aboard positions grouped by duty (watchkeeping officers cover for one another). */
export function dutiesOf(positions: readonly ManningPosition[]): Array<{ duty: ManningDuty; positionIds: Set<string> }> {
  const duties = new Map<string, { duty: ManningDuty; positionIds: Set<string> }>();
  for (const position of positions) {
    if (!position.mustBeAboard) continue;
    const duty = manningDuty(position.title);
    const entry = duties.get(duty.key) ?? { duty, positionIds: new Set<string>() };
    entry.positionIds.add(position.id);
    duties.set(duty.key, entry);
  }
  return [...duties.values()];
}

/** Consecutive runs of the day offsets for which `uncovered` is true. */
function runsOf(uncovered: readonly boolean[], firstDay: number): DateRun[] {
  const runs: DateRun[] = [];
  let start = -1;
  uncovered.forEach((gap, i) => {
    if (gap && start === -1) start = i;
    if (start !== -1 && (!gap || i === uncovered.length - 1)) {
      const end = gap ? i : i - 1;
      runs.push({ from: isoFromDayNumber(firstDay + start), to: isoFromDayNumber(firstDay + end) });
      start = -1;
    }
  });
  return runs;
}

/** The duties' uncovered days over `days` days from `firstDay`, given each assignment's phase on a day. */
export function dutyGaps(
  positions: readonly ManningPosition[],
  assignments: ReadonlyArray<{ positionId: string }>,
  phase: (assignmentIndex: number, day: number) => Phase | null,
  firstDay: number,
  days: number,
): DutyGap[] {
  const gaps: DutyGap[] = [];
  for (const { duty, positionIds } of dutiesOf(positions)) {
    const holders = assignments.flatMap((a, i) => (positionIds.has(a.positionId) ? [i] : []));
    const uncovered = Array.from({ length: days }, (_, offset) => !holders.some((i) => phase(i, firstDay + offset) === 'aboard'));
    const count = uncovered.filter(Boolean).length;
    if (count > 0) gaps.push({ duty, positionIds: [...positionIds], days: count, runs: runsOf(uncovered, firstDay) });
  }
  return gaps.sort((a, b) => b.days - a.days || a.duty.label.localeCompare(b.duty.label));
}

/**
 * Who is aboard, by department, on each day of a range, and the must-be-aboard duties nobody covers on some of
 * those days (docs/manning.md).
 */
export function manningCalendar<A extends ManningAssignment>({ positions, assignments, from, days }: ManningInput<A>): ManningCalendar<A> {
  const firstDay = dayNumber(from);
  const byId = new Map(positions.map((p) => [p.id, p]));
  const known = assignments.filter((a) => byId.has(a.positionId));
  const rota: RotaDays[] = known.map(rotaDays);
  const phase = (i: number, day: number) => phaseOnDay(rota[i]!, day);

  const aboard = Object.fromEntries(DEPARTMENTS.map((d) => [d, new Array<number>(days).fill(0)])) as Record<Department, number[]>;
  const crew: Array<CrewStrip<A>> = [];
  known.forEach((assignment, i) => {
    const position = byId.get(assignment.positionId)!;
    const phases = Array.from({ length: days }, (_, offset) => phase(i, firstDay + offset));
    phases.forEach((p, offset) => {
      if (p === 'aboard') aboard[position.department][offset]! += 1;
    });
    if (phases.some((p) => p !== null)) crew.push({ assignment, position, phases });
  });
  const order = new Map(positions.map((p, i) => [p.id, i]));
  crew.sort((a, b) => order.get(a.position.id)! - order.get(b.position.id)! || a.assignment.startDate.localeCompare(b.assignment.startDate));

  return {
    from,
    to: isoFromDayNumber(firstDay + days - 1),
    aboard,
    crew,
    gaps: dutyGaps(positions, known, phase, firstDay, days),
  };
}
