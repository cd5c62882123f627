import type { ProgressState } from '../../../../shared/api';
import type { Severity } from '../../../../shared/questionnaires';

/**
 * Words of the questionnaire screens, kept here until the shared labels dictionary takes them over.
 */
export const PROGRESS_LABELS: Record<ProgressState, string> = { invited: 'Invited', inProgress: 'In progress', completed: 'Completed', expired: 'Expired' };
export const PROGRESS_BADGE: Record<ProgressState, string> = { invited: 'info', inProgress: 'warn', completed: 'ok', expired: 'bad' };
export const MODE_LABELS = { kiosk: 'Kiosk', remote: 'Invitation file' } as const;
export const KIND_LABELS = { assessment: 'Personality questionnaire', pulse: 'Pulse survey' } as const;
export const SEVERITY_LABELS: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const SEVERITY_BADGE: Record<Severity, string> = { low: 'info', medium: 'warn', high: 'bad', critical: 'bad' };
export const LEVEL_LABELS = { low: 'Low', neutral: 'Average', high: 'High' } as const;
export const PROCTORING_INDEX_LABELS: Record<string, string> = {
  proctoringCritical: 'Proctoring: critical events',
  proctoringHigh: 'Proctoring: serious events',
  proctoringMedium: 'Proctoring: events of medium weight',
};
