import { domainWords } from '../words/domain';
import type { Population } from './norms';

/** How local norm groups are formed from stored results: by position, by department, or everyone of a population. */
export const groupings = ['position', 'department', 'context'] as const;
export type Grouping = (typeof groupings)[number];

/*
 * The names of local groups are also how a stored result refers to its group (a norm's `group`). No zod here,
 * so the engine's worker threads can load it.
 */

/** The local group of results whose person has no assignment (most applicants). */
export const NO_POSITION_GROUP = domainWords.localGroupNames.noPosition;

/** The local group of everyone of one population: "All applicants", "All crew in post". */
export const everyoneGroup = (population: Population): string => `${domainWords.localGroupNames.everyone} ${domainWords.populations[population]}`;
