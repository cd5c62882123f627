/**
 * Calendar days as whole numbers (src/shared/domain/dates.ts), so the engine can step through weeks and months
 * without a clock or a time zone. Dates travel as `YYYY-MM-DD` text.
 */
export { dayNumber, isoFromDayNumber as isoDay } from '../../shared/domain/dates';

/** The last day of the month `offset` months after the month of `iso` (offset 0: its own month). */
export function monthEnd(iso: string, offset = 0): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1 + offset;
  return Date.UTC(year, month + 1, 0) / 86_400_000;
}
