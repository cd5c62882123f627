import { domainWords } from '../words/domain';

/**
 * Safe manning defaults (docs/manning.md). A position marked "must be aboard" needs someone aboard every day;
 * which positions those are is the vessel's choice, these titles are only what a new position starts with.
 */
/** Officers of the watch: any one of them aboard keeps a watch, so together they make one duty. */
export const WATCHKEEPING_OFFICER_TITLES = ['Chief Officer', '2nd Officer', '3rd Officer'] as const;

/** Titles marked "must be aboard" when a position is created without saying. */
export const MUST_BE_ABOARD_TITLES = ['Captain', 'Chief Engineer', ...WATCHKEEPING_OFFICER_TITLES] as const;

const fold = (title: string) => title.trim().toLowerCase();
const isOneOf = (titles: readonly string[], title: string) => titles.some((t) => fold(t) === fold(title));

export function mustBeAboardByDefault(title: string): boolean {
  return isOneOf(MUST_BE_ABOARD_TITLES, title);
}

/** What must be covered: one duty per title, except that watchkeeping officers cover for one another. */
export interface ManningDuty {
  key: string;
  /** As it reads in "No … aboard": "Captain", "Watchkeeping officer", or the position's own title. */
  label: string;
}

export const WATCHKEEPING_DUTY_KEY = 'watchkeeping-officer';
export const WATCHKEEPING_DUTY: ManningDuty = { key: WATCHKEEPING_DUTY_KEY, label: domainWords.manningDuties[WATCHKEEPING_DUTY_KEY] };

export function manningDuty(title: string): ManningDuty {
  if (isOneOf(WATCHKEEPING_OFFICER_TITLES, title)) return WATCHKEEPING_DUTY;
  return { key: `title:${fold(title)}`, label: title.trim() };
}

/** How far ahead the vessel screen looks for days without a must-be-aboard position covered. */
export const MANNING_HORIZON_DAYS = 90;
