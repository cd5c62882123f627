import { toast } from 'sonner';
import { Link } from 'wouter';
import type { AssignmentHistoryItem } from '../../../../shared/api';
import { todayIsoDate } from '../../../../shared/domain/dates';
import { ASSIGNMENT_STATES, seniorityOrder } from '../../../../shared/domain/crew';
import { inSentence, words } from '../../../../shared/words';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiMutation } from '../../api/hooks';
import { ArchiveToggle } from '../../components/ArchiveToggle';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatDate } from '../../format';
import { describeRotation } from '../vessels/manning/manning-text';
import { useCan } from '../../auth/session';

const stateBadge: Record<AssignmentHistoryItem['state'], string> = { current: 'ok', planned: 'info', past: '', archived: 'bad' };

const stateWords = (a: AssignmentHistoryItem) => (a.state === 'current' && a.phase ? `${words.assignmentStates.current} · ${inSentence(words.personStatuses[a.phase])}` : words.assignmentStates[a.state]);

/** A person's assignments, every column but the actions sorting (open-ended stints last by their end). */
export function AssignmentHistory({ history, archived, onEdit }: { history: AssignmentHistoryItem[]; archived: boolean; onEdit(assignment: AssignmentHistoryItem): void }) {
  const assignments = useArchiveWithUndo('assignments');
  const mayWrite = useCan('fleet.write');
  const end = useApiMutation('assignments.update', ['people.', 'vessels.'], {
    onSuccess: () => toast.success('Assignment ended today'),
    onError: (error) => toast.error(error.message),
  });
  const columns: Array<Column<AssignmentHistoryItem>> = [
    { id: 'vessel', header: 'Vessel', sortBy: (a) => a.vesselName, cell: (a) => <Link href={`~/vessels/${a.vesselId}`}>{a.vesselName}</Link> },
    {
      id: 'position',
      header: 'Position',
      sortBy: (a) => seniorityOrder(a.department, a.positionTitle),
      cell: (a) => (
        <>
          {a.positionTitle} <span className="muted">· {words.departments[a.department]}</span>
        </>
      ),
    },
    { id: 'from', header: 'From', sortBy: (a) => a.startDate, cell: (a) => formatDate(a.startDate) },
    { id: 'to', header: 'To', sortBy: (a) => a.endDate ?? '9999-12-31', cell: (a) => (a.endDate ? formatDate(a.endDate) : 'open-ended') },
    { id: 'rotation', header: 'Rotation', sortBy: (a) => describeRotation(a.rotation, a.rotationRestart), cell: (a) => describeRotation(a.rotation, a.rotationRestart) },
    { id: 'state', header: 'State', sortBy: (a) => ASSIGNMENT_STATES.indexOf(a.state), cell: (a) => <span className={`badge ${stateBadge[a.state]}`}>{stateWords(a)}</span> },
    {
      id: 'actions',
      header: '',
      className: 'actions',
      cell: (a) =>
        mayWrite && (
          <>
            {a.state !== 'archived' && !archived && (
              <button type="button" onClick={() => onEdit(a)} aria-label={`Edit the assignment on ${a.vesselName}`}>
                Edit
              </button>
            )}{' '}
            {a.state === 'current' && !archived && (
              <button type="button" onClick={() => end.mutate({ id: a.assignmentId, startDate: a.startDate, endDate: todayIsoDate(), rotation: a.rotation })}>
                End today
              </button>
            )}{' '}
            <ArchiveToggle
              archived={a.state === 'archived'}
              onArchive={() => assignments.archive(a.assignmentId, `the assignment on ${a.vesselName}`)}
              onRestore={() => assignments.restore(a.assignmentId, `the assignment on ${a.vesselName}`)}
            />
          </>
        ),
    },
  ];
  return <SortableTable rows={history} columns={columns} rowKey={(a) => a.assignmentId} caption="Assignment history" className="table compact" rowClassName={(a) => (a.state === 'archived' ? 'archived' : undefined)} />;
}
