import type { Department } from '../../domain/crew';
import type { SubScoreName } from '../../fit/model';
import type { Population } from '../../psychometrics/norms';

/**
 * The words the contract and the shared domain use in their own messages ("Chief Engineer is an engineering
 * position: choose Engineering", "Give the weight of culture as a number", "All applicants"). They are typed by
 * the modules that define their values, not by the contract, so the contract can name them without an import
 * loop: the rest of the dictionary stands above the contract, these groups below it.
 */
export interface DomainWords {
  departments: Record<Department, string>;
  subScores: Record<SubScoreName, string>;
  /** Plural, written to sit inside a sentence: "compared with norms of crew in post". */
  populations: Record<Population, string>;
  /** Names of local norm groups that are not a position or department: "No position", "All" + a population. */
  localGroupNames: Record<'noPosition' | 'everyone', string>;
  /** Duties that are not one title (the officers of the watch cover for one another), as "No … aboard" names them. */
  manningDuties: Record<'watchkeeping-officer', string>;
}

export const domain: DomainWords = {
  departments: { deck: 'Deck', engineering: 'Engineering', interior: 'Interior', galley: 'Galley' },
    subScores: {
      certificates: 'Certificates',
      experience: 'Experience',
      availability: 'Availability',
      location: 'Right to work',
      culture: 'Culture',
      engagement: 'Engagement',
    },
  populations: { applicant: 'applicants', incumbent: 'crew in post', volunteer: 'volunteers', unspecified: 'an unspecified group' },
  localGroupNames: { noPosition: 'No position', everyone: 'All' },
  manningDuties: { 'watchkeeping-officer': 'Watchkeeping officer' },
};
