import type { Words } from '../types';

type QuestionnaireWords = Pick<Words, 'sessionKinds' | 'sessionModes' | 'sessionStatuses' | 'progressStates' | 'proctoringKinds' | 'proctoringSeverities' | 'scoreLevels' | 'pulseGroups'>;

export const questionnaires: QuestionnaireWords = {
  sessionKinds: { assessment: 'Personality questionnaire', pulse: 'Pulse survey' },
  sessionModes: { kiosk: 'Kiosk', remote: 'Invitation file' },
  sessionStatuses: { open: 'Open', paused: 'Paused', finished: 'Finished' },
  progressStates: { invited: 'Invited', inProgress: 'In progress', completed: 'Completed', expired: 'Expired' },
  proctoringKinds: {
    focusLost: 'Left the questionnaire',
    idle: 'No answer for a long time',
    paste: 'Pasted text',
    syntheticInput: 'Input not typed by a person',
    fastStreak: 'Answers too fast to read',
  },
  proctoringSeverities: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  scoreLevels: { low: 'Low', neutral: 'Average', high: 'High' },
  pulseGroups: { noDepartment: 'No department' },
};
