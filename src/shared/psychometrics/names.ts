import type { Population } from './norms';

/**
 * One name per thing on the assessments screens, in the core's messages and in the engine's: who answered and
 * what a local group is called. No zod here, so the engine's worker threads can load it.
 */
export const POPULATION_WORDS: Record<Population, string> = {
  applicant: 'applicants',
  incumbent: 'crew in post',
  volunteer: 'volunteers',
  unspecified: 'an unspecified group',
};

/** How local norm groups are formed from stored results: by position, by department, or everyone of a population. */
export const groupings = ['position', 'department', 'context'] as const;
export type Grouping = (typeof groupings)[number];

/** The local group of results whose person has no assignment (most applicants). */
export const NO_POSITION_GROUP = 'No position';

/** The local group of everyone of one population: "All applicants", "All crew in post". */
export const everyoneGroup = (population: Population): string => `All ${POPULATION_WORDS[population]}`;
