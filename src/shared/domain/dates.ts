import { format } from 'date-fns';

/** Calendar dates travel and are stored as `YYYY-MM-DD` text (no time zone, sortable). */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2023-02-30). Hot in CSV imports: no parsing library. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's calendar date where the program runs (the captain's local day). */
export function todayIsoDate(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/**
 * Whole days since 1970-01-01 of a `YYYY-MM-DD` date: calendar arithmetic (rotations, ranges) on integers,
 * free of time zones and daylight saving.
 */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number. */
export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDaysIso(isoDate: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDate) + days);
}

/** Whole years of age on a day (a birthday counts from the day itself). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The one way a calendar date is shown to people, in the app and in every message the core sends it:
 * "1 Nov 2026". Day, month in words, year reads the same to a British captain and an American agent, where
 * 01/11/2026 means two different days; it does not depend on the computer's language settings.
 */
export function formatDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate.slice(0, 10));
  if (!match) return isoDate;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** A date range as people read it: "1 Nov 2026 to 14 Nov 2026", or "from 1 Nov 2026" when it has no end. */
export function formatDateRange(startDate: string, endDate: string | null): string {
  return endDate ? `${formatDate(startDate)} to ${formatDate(endDate)}` : `from ${formatDate(startDate)}`;
}

/** A wall-clock time as it reads somewhere, `YYYY-MM-DD HH:MM`, the way the app writes dates: "5 Jan 2027, 10:00". */
export function formatWallClock(local: string): string {
  return `${formatDate(local.slice(0, 10))}, ${local.slice(11, 16)}`;
}
