import type { Rotation } from '../../shared/domain/crew';
import { dayNumber, isoFromDayNumber } from '../../shared/domain/dates';

/**
 * Rotation arithmetic (docs/manning.md): where one assignment stands on a day. The same rule as the SQL in
 * src/core/db/assignment-status.ts (`rotationPhase`); a property test holds the two together.
 */

/** An assignment as the rotation arithmetic needs it. Dates are `YYYY-MM-DD`, both ends inclusive. */
export interface RotaAssignment {
  startDate: string;
  endDate: string | null;
  /** Weeks on and off; null when the person does not rotate (aboard throughout). */
  rotation: Rotation | null;
  /**
   * A day on which a new "on" period starts (a staggered rotation); before it the cycle counts from the start
   * date, from it on it counts from this day. Null: the cycle counts from the start date throughout.
   */
  rotationRestart: string | null;
}

export type Phase = 'aboard' | 'leave';

/** The same assignment with its dates as day numbers, so a calendar of many days does no date parsing. */
export interface RotaDays {
  start: number;
  /** Inclusive; Infinity for an open end. */
  end: number;
  restart: number | null;
  onDays: number;
  cycleDays: number;
}

export function rotaDays(a: RotaAssignment): RotaDays {
  return {
    start: dayNumber(a.startDate),
    end: a.endDate === null ? Number.POSITIVE_INFINITY : dayNumber(a.endDate),
    restart: a.rotationRestart === null ? null : dayNumber(a.rotationRestart),
    onDays: a.rotation ? a.rotation.weeksOn * 7 : 0,
    cycleDays: a.rotation ? (a.rotation.weeksOn + a.rotation.weeksOff) * 7 : 0,
  };
}

/** Aboard or on leave on a day number, or null outside the assignment's dates. */
export function phaseOnDay(a: RotaDays, day: number): Phase | null {
  if (day < a.start || day > a.end) return null;
  if (a.cycleDays === 0) return 'aboard';
  const anchor = a.restart !== null && day >= a.restart ? a.restart : a.start;
  return (day - anchor) % a.cycleDays < a.onDays ? 'aboard' : 'leave';
}

/** Aboard or on leave on a `YYYY-MM-DD` date, or null outside the assignment's dates. */
export function phaseOn(a: RotaAssignment, date: string): Phase | null {
  return phaseOnDay(rotaDays(a), dayNumber(date));
}

/**
 * The stretch aboard under way on `asOf`, or the next one: from `asOf` (or the later first day aboard) to the
 * last day of that unbroken run aboard. Null when the person is not aboard again before the assignment ends, or
 * when an open-ended assignment without a rotation gives no end to measure against.
 */
export function tourOn(a: RotaAssignment, asOf: string): { start: string; end: string } | null {
  const r = rotaDays(a);
  const today = dayNumber(asOf);
  if (r.cycleDays === 0) {
    if (r.end === Number.POSITIVE_INFINITY || r.end < today) return null;
    return { start: isoFromDayNumber(Math.max(today, r.start)), end: isoFromDayNumber(r.end) };
  }
  // Within one cycle after the later of today, the start and the restart, an "on" period begins.
  const searchEnd = Math.min(r.end, Math.max(today, r.start, r.restart ?? r.start) + r.cycleDays);
  let first = Math.max(today, r.start);
  while (first <= searchEnd && phaseOnDay(r, first) !== 'aboard') first += 1;
  if (first > searchEnd) return null;
  let last = first;
  // An unbroken run aboard is at most the first trip before a restart plus one "on" period.
  while (last < r.end && phaseOnDay(r, last + 1) === 'aboard') last += 1;
  return { start: isoFromDayNumber(first), end: isoFromDayNumber(last) };
}
