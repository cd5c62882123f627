import { Link } from 'wouter';
import type { CrewMember, PositionStaffing } from '../../../../shared/api';
import { DEPARTMENTS, seniorityOrder } from '../../../../shared/domain/crew';
import { SortableTable, type Column } from '../../components/SortableTable';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../format';
import { describeRotation } from './manning/manning-text';
import { words } from '../../../../shared/words';


/** Current crew, planned joiners or past crew of a vessel; every column sorts. */
export function CrewTable({ crew, dates, caption }: { crew: CrewMember[]; dates: 'since' | 'joins' | 'served'; caption: string }) {
  const columns: Array<Column<CrewMember>> = [
    {
      id: 'name',
      header: 'Name',
      sortBy: (c) => `${c.surname} ${c.givenNames}`,
      cell: (c) => (
        <Link href={`~/crew/${c.personId}`}>
          {c.givenNames} {c.surname}
        </Link>
      ),
    },
    {
      id: 'position',
      header: 'Position',
      sortBy: (c) => seniorityOrder(c.department, c.positionTitle),
      cell: (c) => (
        <>
          {c.positionTitle} <span className="muted">· {words.departments[c.department]}</span>
        </>
      ),
    },
    {
      id: 'dates',
      header: dates === 'since' ? 'Since' : dates === 'joins' ? 'Joins' : 'Served',
      sortBy: (c) => (dates === 'served' ? c.endDate : c.startDate),
      cell: (c) => (dates === 'served' ? `${formatDate(c.startDate)} – ${formatDate(c.endDate)}` : formatDate(c.startDate)),
    },
    { id: 'rotation', header: 'Rotation', sortBy: (c) => c.rotation, cell: (c) => describeRotation(c.rotation, c.rotationRestart) },
    ...(dates === 'since' ? [{ id: 'today', header: 'Today', sortBy: (c: CrewMember) => c.phase, cell: (c: CrewMember) => c.phase && <StatusBadge status={c.phase} /> }] : []),
  ];
  return <SortableTable rows={crew} columns={columns} rowKey={(c) => c.assignmentId} caption={caption} className="table compact" />;
}

interface PositionActions {
  onEdit(position: PositionStaffing): void;
  onArchive(position: PositionStaffing): void;
  onRestore(position: PositionStaffing): void;
}

/** A vessel's positions with how they are filled; every column but the actions sorts. Without actions (a role that only reads), only Candidates is offered. */
export function PositionsTable({ positions, actions }: { positions: PositionStaffing[]; actions: PositionActions | false }) {
  const columns: Array<Column<PositionStaffing>> = [
    { id: 'department', header: 'Department', sortBy: (p) => DEPARTMENTS.indexOf(p.department), cell: (p) => words.departments[p.department] },
    {
      id: 'title',
      header: 'Title',
      sortBy: (p) => p.title,
      cell: (p) => (
        <>
          {p.title} {p.archivedAt && <span className="badge bad">Archived</span>}
        </>
      ),
    },
    { id: 'headcount', header: 'Headcount', sortBy: (p) => p.headcount, cell: (p) => p.headcount },
    { id: 'filled', header: 'Filled', sortBy: (p) => p.current, cell: (p) => p.current },
    { id: 'planned', header: 'Planned', sortBy: (p) => p.planned, cell: (p) => p.planned },
    { id: 'vacant', header: 'Vacant', sortBy: (p) => p.vacancies, cell: (p) => (p.vacancies > 0 ? <span className="badge warn">{p.vacancies}</span> : '—') },
    { id: 'rotation', header: 'Rotation', sortBy: (p) => p.rotation, cell: (p) => p.rotation ?? '—' },
    { id: 'employment', header: 'Employment', sortBy: (p) => words.employmentKinds[p.employmentKind], cell: (p) => words.employmentKinds[p.employmentKind] },
    { id: 'aboard', header: 'Must be aboard', sortBy: (p) => (p.mustBeAboard ? 0 : 1), cell: (p) => (p.mustBeAboard ? 'Yes' : '—') },
    {
      id: 'actions',
      header: '',
      className: 'actions',
      cell: (p) =>
        p.archivedAt ? (
          actions && (
            <button type="button" onClick={() => actions.onRestore(p)}>
              Restore
            </button>
          )
        ) : (
          <>
            <Link href={`~/recruitment/position/${p.id}`} className="button" aria-label={`Candidates for ${p.title}`}>
              Candidates
            </Link>
            {actions && (
              <>
                {' '}
                <button type="button" onClick={() => actions.onEdit(p)} aria-label={`Edit ${p.title}`}>
                  Edit
                </button>{' '}
                <button type="button" className="danger" onClick={() => actions.onArchive(p)} aria-label={`Archive ${p.title}`}>
                  Archive
                </button>
              </>
            )}
          </>
        ),
    },
  ];
  return <SortableTable rows={positions} columns={columns} rowKey={(p) => p.id} caption="Positions" className="table compact" rowClassName={(p) => (p.archivedAt ? 'archived' : undefined)} />;
}
