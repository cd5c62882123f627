import { type PersonStatus } from '../../../shared/domain/crew';
import { words } from '../../../shared/words';

const tone: Record<PersonStatus, string> = { onboard: 'ok', on_leave: 'warn', joining: 'info', unassigned: '', archived: 'bad' };

export function StatusBadge({ status }: { status: PersonStatus }) {
  return <span className={`badge ${tone[status]}`}>{words.personStatuses[status]}</span>;
}
