import type { Words } from '../types';

type RecruitmentWords = Pick<
  Words,
  | 'predictors'
  | 'visaKinds'
  | 'seaServiceKinds'
  | 'seaServiceSources'
  | 'leaveReasons'
  | 'decisions'
  | 'crewChanges'
  | 'swapRankings'
  | 'anovaGroupings'
  | 'rankChannels'
  | 'advisoryActions'
  | 'logSorts'
>;

export const recruitment: RecruitmentWords = {
  predictors: {
    individual: 'The person (traits against the role, experience, certificates)',
    team: 'Fit with the team',
    environment: 'The vessel (size, use, rotation, season)',
    leader: 'Compatibility with the head of department',
  },
  visaKinds: {
    b1b2: 'US B1/B2',
    c1d: 'US C1/D (crew)',
    schengen: 'Schengen',
    uk: 'UK',
    'australia-mcv': 'Australia maritime crew',
    other: 'Other',
  },
  seaServiceKinds: {
    onboard: 'Onboard yacht service',
    sea: 'Actual sea service',
    watchkeeping: 'Watchkeeping',
    standby: 'Stand-by',
    yard: 'Yard',
  },
  seaServiceSources: { fleet: 'This fleet', recorded: 'Recorded by hand' },
  leaveReasons: {
    personal: 'Personal reasons',
    family: 'Family',
    medical: 'Medical',
    'crew-conflict': 'Tension with the crew',
    leadership: 'Leadership aboard',
    'better-offer': 'A better offer',
    'rotation-or-leave': 'Rotation or leave',
    dismissed: 'Dismissed',
    'vessel-change': 'Vessel sold, laid up or refitting',
    other: 'Other',
  },
  decisions: {
    shortlisted: 'Shortlisted',
    'not-taken-forward': 'Not taken forward',
    interview: 'Invited to interview',
    offered: 'Offered the position',
    hired: 'Hired',
  },
  crewChanges: { stays: 'stays', leaves: 'leaves', joins: 'joins' },
  swapRankings: { harmony: 'Change in crew harmony', success: 'Change in predicted success' },
  anovaGroupings: { department: 'Departments', position: 'Positions' },
  rankChannels: { screen: 'Shown on screen', export: 'Exported' },
  logSorts: { when: 'When', action: 'What', operator: 'Who', model: 'Model', shown: 'People shown' },
  advisoryActions: {
    'ranking shown': 'Ranking shown',
    'ranking exported': 'Ranking exported',
    'explanation shown': 'Explanation shown',
    'matches shown': 'Open positions shown for a person',
    'what-if shown': 'What-if shown',
    'best swaps shown': 'Best swaps shown',
    'decision basis recorded': 'Basis of a decision recorded',
  },
};
