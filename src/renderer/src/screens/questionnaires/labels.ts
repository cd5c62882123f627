import type { ProgressState } from '../../../../shared/api';
import type { Severity } from '../../../../shared/questionnaires';

/** How each state looks as a badge; the words are in the dictionary (src/shared/words). */
export const PROGRESS_BADGE: Record<ProgressState, string> = { invited: 'info', inProgress: 'warn', completed: 'ok', expired: 'bad' };
export const SEVERITY_BADGE: Record<Severity, string> = { low: 'info', medium: 'warn', high: 'bad', critical: 'bad' };
