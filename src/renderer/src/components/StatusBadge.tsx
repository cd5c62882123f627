import { PERSON_STATUS_LABELS, type PersonStatus } from '../../../shared/domain/crew';

const tone: Record<PersonStatus, string> = { onboard: 'ok', on_leave: 'warn', joining: 'info', unassigned: '', archived: 'bad' };

export function StatusBadge({ status }: { status: PersonStatus }) {
  return <span className={`badge ${tone[status]}`}>{PERSON_STATUS_LABELS[status]}</span>;
}
