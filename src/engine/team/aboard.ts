import { dayNumber } from './days';

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
}

export function stintFrom(row: { personId: string; department: string; startDate: string; endDate: string | null; rotationWeeksOn: number | null; rotationWeeksOff: number | null }): Stint {
  return {
    personId: row.personId,
    department: row.department,
    start: dayNumber(row.startDate),
    end: row.endDate === null ? null : dayNumber(row.endDate),
    rotation: row.rotationWeeksOn !== null && row.rotationWeeksOff !== null ? { weeksOn: row.rotationWeeksOn, weeksOff: row.rotationWeeksOff } : null,
  };
}

/** In post on the day: started, not ended (dates inclusive). */
export function inPost(stint: Stint, day: number): boolean {
  return stint.start <= day && (stint.end === null || stint.end >= day);
}

/**
 * The one rule of who is aboard on a day, for every team figure (the same rule as the SQL in
 * src/core/assignments/status-sql.ts): in post, and — with a rotation — in the "on" weeks of the cycle that starts
 * on the stint's first day.
 */
export function isAboard(stint: Stint, day: number): boolean {
  if (!inPost(stint, day)) return false;
  if (!stint.rotation) return true;
  const cycle = (stint.rotation.weeksOn + stint.rotation.weeksOff) * 7;
  return (day - stint.start) % cycle < stint.rotation.weeksOn * 7;
}

/** The people aboard on a day (a person with two stints that day counts once). */
export function aboardOn(stints: readonly Stint[], day: number): Set<string> {
  const aboard = new Set<string>();
  for (const stint of stints) if (isAboard(stint, day)) aboard.add(stint.personId);
  return aboard;
}
