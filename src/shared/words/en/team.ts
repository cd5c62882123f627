import type { Words } from '../types';

type TeamWords = Pick<Words, 'insightSeverities' | 'teamStatistics' | 'evidenceLevels' | 'teamGroups' | 'volatilityParts'>;

export const team: TeamWords = {
  insightSeverities: { warning: 'Warning', notice: 'Worth a look', info: 'Note' },
  teamStatistics: { mean: 'crew average', sd: 'spread', min: 'lowest member' },
  evidenceLevels: { checked: 'checked in the study', secondary: 'from a secondary source', provisional: 'provisional weight' },
  teamGroups: { crew: 'Whole crew', aboard: 'Aboard on the date', department: 'One department' },
  volatilityParts: { turnover: 'Crew turnover', rotationChurn: 'Rotation churn', pulseVariability: 'Ups and downs in pulse surveys' },
};
