import type { Words } from '../types';

type FleetWords = Pick<
  Words,
  'employmentKinds' | 'vesselKinds' | 'vesselUses' | 'personStatuses' | 'assignmentStates' | 'crewListSorts' | 'archivedFilters' | 'manningPhases'
>;

export const fleet: FleetWords = {
  employmentKinds: { permanent: 'Permanent', rotational: 'Rotational', temporary: 'Temporary / daywork' },
  vesselKinds: { motor: 'Motor yacht', sail: 'Sailing yacht' },
  vesselUses: { private: 'Private', charter: 'Charter', both: 'Private and charter' },
  personStatuses: { onboard: 'Onboard', on_leave: 'On leave (rotation)', joining: 'Joining', unassigned: 'Unassigned', archived: 'Archived' },
  assignmentStates: { current: 'Current', planned: 'Planned', past: 'Ended', archived: 'Archived' },
  crewListSorts: { name: 'Name', position: 'Position', status: 'Status', nationality: 'Nationality', email: 'E-mail' },
  archivedFilters: { exclude: 'Without archived', include: 'With archived', only: 'Archived only' },
  manningPhases: { aboard: 'Aboard', leave: 'On leave' },
};
