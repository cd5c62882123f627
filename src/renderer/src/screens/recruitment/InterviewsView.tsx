import { Link } from 'wouter';
import { words } from '../../../../shared/words';
import { formatWallClock } from '../../../../shared/domain/dates';
import type { Interview } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';

const names = (i: Interview) => i.interviewers.map((n) => n.name).join(', ');

const COLUMNS: Array<Column<Interview>> = [
  {
    id: 'when',
    header: 'When',
    sortBy: (i) => i.startsAt,
    cell: (i) => (
      <>
        {formatWallClock(i.localTime)} <span className="muted">({i.timeZone})</span>
      </>
    ),
  },
  { id: 'candidate', header: 'Candidate', sortBy: (i) => i.personName, cell: (i) => <Link href={`/application/${i.applicationId}`}>{i.personName}</Link> },
  { id: 'for', header: 'For', sortBy: (i) => `${i.requisitionTitle} ${i.vessel}`, cell: (i) => `${i.requisitionTitle}, ${i.vessel}` },
  { id: 'kind', header: 'Interview', sortBy: (i) => words.interviewKinds[i.kind], cell: (i) => `${words.interviewKinds[i.kind]}, ${words.interviewModes[i.mode].toLowerCase()}, ${i.durationMinutes} min` },
  { id: 'interviewers', header: 'Interviewers', sortBy: (i) => names(i), cell: (i) => names(i) },
  { id: 'status', header: 'Status', sortBy: (i) => words.interviewStatuses[i.status], cell: (i) => words.interviewStatuses[i.status] },
];

/** Interviews to come, soonest first (every column sorts), each in the time of the place where it is held. */
export function InterviewsView() {
  const list = useApiQuery('interviews.list', { upcoming: true });
  const rows = list.data ?? [];
  if (list.isSuccess && rows.length === 0) return <p className="muted card">No interview coming up. Schedule one from a candidate&apos;s application.</p>;
  return <SortableTable rows={rows} columns={COLUMNS} rowKey={(i) => i.id} caption="Interviews to come" className="table card-table" initialSort={{ id: 'when' }} />;
}
