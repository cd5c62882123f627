export { aboardOn } from './aboard';
export { dutiesOf, manningCalendar, type CrewStrip, type DateRun, type DutyGap, type ManningAssignment, type ManningCalendar, type ManningInput, type ManningPosition } from './calendar';
export { phaseOn, phaseOnDay, rotaDays, tourOn, type Phase, type RotaAssignment, type RotaDays } from './rotation';
export { proposeStagger, type StaggerChange, type StaggerProposal } from './stagger';
