import { dayNumber } from '../../shared/domain/dates';
import { phaseOnDay } from '../manning/rotation';

/**
 * One person's time in a vessel position, as team dynamics reads it: from `start` to `end` (inclusive, day
 * numbers; null = open-ended), with a rotation of weeks on and off or none.
 */
export interface Stint {
  personId: string;
  department: string;
  start: number;
  end: number | null;
  rotation: { weeksOn: number; weeksOff: number } | null;
  /** A day on which a new "on" period starts (a staggered rotation), or null: see docs/manning.md. */
  restart: number | null;
}

export function stintFrom(row: {
  personId: string;
  department: string;
  startDate: string;
  endDate: string | null;
  rotationWeeksOn: number | null;
  rotationWeeksOff: number | null;
  rotationRestart: string | null;
}): Stint {
  return {
    personId: row.personId,
    department: row.department,
    start: dayNumber(row.startDate),
    end: row.endDate === null ? null : dayNumber(row.endDate),
    rotation: row.rotationWeeksOn !== null && row.rotationWeeksOff !== null ? { weeksOn: row.rotationWeeksOn, weeksOff: row.rotationWeeksOff } : null,
    restart: row.rotationRestart === null ? null : dayNumber(row.rotationRestart),
  };
}

/** In post on the day: started, not ended (dates inclusive). */
export function inPost(stint: Stint, day: number): boolean {
  return stint.start <= day && (stint.end === null || stint.end >= day);
}

/** The day the rotation's current cycles count from on `day`: the restart once it has come, else the first day. */
export const cycleAnchor = (stint: Stint, day: number): number => (stint.restart !== null && day >= stint.restart ? stint.restart : stint.start);

/**
 * Who is aboard on a day, for every team figure: the manning calendar's rule (src/engine/manning/rotation.ts, the
 * same as the SQL in src/core/db/assignment-status.ts) — in post, and with a rotation in its "on" weeks.
 */
export function isAboard(stint: Stint, day: number): boolean {
  const weeksOn = stint.rotation?.weeksOn ?? 0;
  const cycleDays = stint.rotation ? (stint.rotation.weeksOn + stint.rotation.weeksOff) * 7 : 0;
  const days = { start: stint.start, end: stint.end ?? Number.POSITIVE_INFINITY, restart: stint.restart, onDays: weeksOn * 7, cycleDays };
  return phaseOnDay(days, day) === 'aboard';
}

/** The people aboard on a day (a person with two stints that day counts once). */
export function aboardOn(stints: readonly Stint[], day: number): Set<string> {
  const aboard = new Set<string>();
  for (const stint of stints) if (isAboard(stint, day)) aboard.add(stint.personId);
  return aboard;
}
