import type { Words } from '../types';

type AssessmentWords = Pick<
  Words,
  'assessmentContexts' | 'groupings' | 'verdicts' | 'validityIndices' | 'matchKinds' | 'normOrigins' | 'placementStatuses' | 'resultListSorts' | 'uncheckedResult'
>;

export const assessments: AssessmentWords = {
  assessmentContexts: { applicant: 'Applicant', incumbent: 'Crew in post' },
  groupings: { position: 'Position', department: 'Department', context: 'Applicants and crew in post' },
  verdicts: { valid: 'Valid', questionable: 'Questionable', invalid: 'Invalid' },
  validityIndices: {
    answered: 'share of items answered',
    longstringMax: 'longest run of one answer',
    irv: 'spread of answers (IRV)',
    mahalanobis: 'Mahalanobis D²',
    evenOdd: 'even-odd inconsistency',
    evenOddFacets: 'even-odd inconsistency',
    psychSyn: 'psychometric synonyms',
    psychAnt: 'psychometric antonyms',
    comparisonGroup: 'group to compare with',
    secondsPerItem: 'time per item',
    pageTimeIndex: 'rushed pages',
    proctoringCritical: 'critical proctoring events',
    proctoringHigh: 'serious proctoring events',
    proctoringMedium: 'proctoring events of medium weight',
  },
  matchKinds: { id: 'Person id', email: 'E-mail', name: 'Name' },
  normOrigins: { imported: 'Imported norm table', local: 'Local norm group' },
  placementStatuses: { placed: 'Compared with the norm', belowMinimum: 'Group too small for percentiles', mismatch: 'Norm of another population' },
  uncheckedResult: {
    badge: 'Not checked for random answering',
    explanation: 'Too few results of this questionnaire are stored to check these answers for random answering; no sign of careless answering was found.',
  },
  resultListSorts: { takenOn: 'Taken on', person: 'Person', context: 'Context', answered: 'Answered', verdict: 'Validity' },
};
