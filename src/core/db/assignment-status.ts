import { formatRotation, parseRotation, type AssignmentState } from '../../shared/domain/crew';

/**
 * The one definition of where an assignment stands on a date (`@asOf`, YYYY-MM-DD), as SQL over an assignments
 * alias. Dates are inclusive. A rotation cycle starts on the assignment's first day, or on its rotation restart
 * once that day has come: "on" weeks onboard, then "off" weeks on leave (docs/manning.md). The engine's
 * `phaseOn` (src/engine/manning/rotation.ts) is the same rule in TypeScript.
 */
export const openAssignment = (a: string): string =>
  `${a}.archived_at IS NULL AND (${a}.end_date IS NULL OR ${a}.end_date >= @asOf)`;

export const currentAssignment = (a: string): string => `${openAssignment(a)} AND ${a}.start_date <= @asOf`;

export const plannedAssignment = (a: string): string => `${a}.archived_at IS NULL AND ${a}.start_date > @asOf`;

const rotationAnchor = (a: string): string => `CASE WHEN ${a}.rotation_restart <= @asOf THEN ${a}.rotation_restart ELSE ${a}.start_date END`;

export const rotationPhase = (a: string): string =>
  `CASE WHEN ${a}.rotation_weeks_on IS NULL THEN 'onboard' ` +
  `WHEN CAST(julianday(@asOf) - julianday(${rotationAnchor(a)}) AS INTEGER) % ((${a}.rotation_weeks_on + ${a}.rotation_weeks_off) * 7) < ${a}.rotation_weeks_on * 7 THEN 'onboard' ` +
  `ELSE 'on_leave' END`;

/** The same rule in TypeScript, for rows already fetched. */
export function assignmentState(a: { startDate: string; endDate: string | null; archivedAt: string | null }, asOf: string): AssignmentState {
  if (a.archivedAt !== null) return 'archived';
  if (a.startDate > asOf) return 'planned';
  if (a.endDate !== null && a.endDate < asOf) return 'past';
  return 'current';
}

export function rotationOf(row: { rotationWeeksOn: number | null; rotationWeeksOff: number | null }): string | null {
  return row.rotationWeeksOn !== null && row.rotationWeeksOff !== null
    ? formatRotation({ weeksOn: row.rotationWeeksOn, weeksOff: row.rotationWeeksOff })
    : null;
}

/** "4:2" → the two stored columns (both null for no rotation). */
export function rotationColumns(rotation: string | null): { rotationWeeksOn: number | null; rotationWeeksOff: number | null } {
  const parsed = parseRotation(rotation);
  return { rotationWeeksOn: parsed?.weeksOn ?? null, rotationWeeksOff: parsed?.weeksOff ?? null };
}
