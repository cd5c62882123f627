/**
 * Calendar days as whole numbers (days since 1970-01-01, UTC), so the engine can step through weeks and months
 * without a clock or a time zone. Dates travel as `YYYY-MM-DD` text.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The last day of the month `offset` months after the month of `iso` (offset 0: its own month). */
export function monthEnd(iso: string, offset = 0): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1 + offset;
  return Date.UTC(year, month + 1, 0) / MS_PER_DAY;
}
