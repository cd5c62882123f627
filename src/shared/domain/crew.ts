import { ageOn, isIsoDate } from './dates';
import { foldText } from './text';

/**
 * Departments, positions, rotations and employment kinds of superyacht crew
 * (docs/domain.md#departments-and-positions, docs/domain.md#rotations). They are defaults offered to people, not
 * law: a custom title (e.g. a dual role "Deck/Stew") is always allowed.
 */
export const DEPARTMENTS = ['deck', 'engineering', 'interior', 'galley'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Position titles per department, most senior first (docs/domain.md#departments-and-positions). */
export const POSITION_TITLES: Record<Department, readonly string[]> = {
  deck: ['Captain', 'Chief Officer', '2nd Officer', '3rd Officer', 'Bosun', 'Lead Deckhand', 'Deckhand'],
  engineering: ['Chief Engineer', '2nd Engineer', '3rd Engineer', 'ETO', 'AV/IT Officer', 'Electrician'],
  interior: ['Purser', 'Interior Manager', 'Chief Stew', 'Head of Housekeeping', 'Stew', 'Laundry'],
  galley: ['Head Chef', 'Sous Chef', 'Crew Chef'],
};

/** Employment kinds (docs/domain.md#departments-and-positions): permanent, rotational, temporary/daywork. */
export const EMPLOYMENT_KINDS = ['permanent', 'rotational', 'temporary'] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

/**
 * A rotation is "weeks on:weeks off", e.g. `4:2`. The cycle starts on the first day of an assignment: the
 * person is onboard for the "on" weeks, then on leave for the "off" weeks, and so on.
 */
export interface Rotation {
  weeksOn: number;
  weeksOff: number;
}

export const ROTATION_PATTERN = /^([1-9]\d?):([1-9]\d?)$/;

/** The patterns offered in forms: the departments' defaults first, then others common on yachts (docs/domain.md#rotations). */
export const COMMON_ROTATIONS = ['2:2', '4:2', '2:1', '3:3', '6:6', '10:10', '8:4'] as const;

/** The rotation suggested for a new position by department: industry practice, not regulation (docs/domain.md#rotations). */
export const DEFAULT_ROTATION: Record<Department, string> = {
  deck: '4:2',
  engineering: '2:2',
  interior: '4:2',
  galley: '2:1',
};

export function parseRotation(pattern: string | null | undefined): Rotation | null {
  if (!pattern) return null;
  const match = ROTATION_PATTERN.exec(pattern.trim());
  if (!match) return null;
  return { weeksOn: Number(match[1]), weeksOff: Number(match[2]) };
}

export function formatRotation(rotation: Rotation | null): string | null {
  return rotation ? `${rotation.weeksOn}:${rotation.weeksOff}` : null;
}

/** The department a known title belongs to (null for a custom title). */
export function departmentOfTitle(title: string): Department | null {
  const wanted = title.trim().toLowerCase();
  for (const department of DEPARTMENTS) {
    if (POSITION_TITLES[department].some((t) => t.toLowerCase() === wanted)) return department;
  }
  return null;
}

/** Seniority order of a title within its department (the order of POSITION_TITLES); custom titles come after the known ones. */
export function titleRank(department: Department, title: string): number {
  const index = POSITION_TITLES[department].findIndex((t) => t.toLowerCase() === title.trim().toLowerCase());
  return index === -1 ? POSITION_TITLES[department].length : index;
}

/** A number that puts positions in the order a crew list is read: deck before engineering, interior and galley, by seniority within each. */
export const seniorityOrder = (department: Department, title: string): number => DEPARTMENTS.indexOf(department) * 1000 + titleRank(department, title);

/** Deck first, then engineering, interior, galley; within each, by seniority, custom titles after known ones, then by name. */
export function bySeniority(a: { department: Department; title: string }, b: { department: Department; title: string }): number {
  return DEPARTMENTS.indexOf(a.department) - DEPARTMENTS.indexOf(b.department) || titleRank(a.department, a.title) - titleRank(b.department, b.title) || a.title.localeCompare(b.title);
}

/** Nobody under 16 may work at sea (docs/domain.md#minimum-age): a younger date of birth is most often a typing slip. */
export const MINIMUM_CREW_AGE = 16;

/** The person's age on a day when it is below the minimum crew age, else null (also for a date not yet whole). */
export function ageBelowMinimum(dateOfBirth: string, on: string): number | null {
  if (!isIsoDate(dateOfBirth) || !isIsoDate(on)) return null;
  const age = ageOn(dateOfBirth, on);
  return age < MINIMUM_CREW_AGE ? age : null;
}

/** Two titles are the same position when they differ only in case, accents or spacing ("deckhand", "Deckhand "). */
export function sameTitle(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

export const VESSEL_KINDS = ['motor', 'sail'] as const;
export type VesselKind = (typeof VESSEL_KINDS)[number];

export const VESSEL_USES = ['private', 'charter', 'both'] as const;
export type VesselUse = (typeof VESSEL_USES)[number];

/**
 * Where a person stands today, derived from their assignments and the date:
 * - onboard: in a current assignment, in the "on" weeks of its rotation (or with no rotation);
 * - on_leave: in a current assignment, in the "off" weeks of its rotation;
 * - joining: no current assignment, a planned one starts later;
 * - unassigned: neither;
 * - archived: the person record is archived.
 */
export const ROTATION_PHASES = ['onboard', 'on_leave'] as const;
export type RotationPhase = (typeof ROTATION_PHASES)[number];
export const PERSON_STATUSES = [...ROTATION_PHASES, 'joining', 'unassigned', 'archived'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
/**
 * Where an assignment stands on a date: current (started, not ended), planned (starts later), past (ended), or
 * archived. The SQL of the same rule is in src/core/db/assignment-status.ts.
 */
export const ASSIGNMENT_STATES = ['current', 'planned', 'past', 'archived'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
