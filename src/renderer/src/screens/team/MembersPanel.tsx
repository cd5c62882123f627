import { Link } from 'wouter';
import type { TeamDynamics, TeamMember } from '../../../../shared/api';
import { seniorityOrder } from '../../../../shared/domain/crew';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatDate } from '../../format';
import { VerdictBadge } from '../assessments/VerdictBadges';
import { words } from '../../../../shared/words';

const MEMBER_COLUMNS: Array<Column<TeamMember>> = [
  { id: 'name', header: 'Name', sortBy: (m) => m.name, cell: (m) => <Link href={`~/crew/${m.personId}`}>{m.name}</Link> },
  {
    id: 'position',
    header: 'Position',
    sortBy: (m) => seniorityOrder(m.department, m.positionTitle),
    cell: (m) => (
      <>
        {m.positionTitle} <span className="muted">· {words.departments[m.department]}</span>
      </>
    ),
  },
  { id: 'aboard', header: 'On the date', sortBy: (m) => (m.aboard ? 0 : 1), cell: (m) => (m.aboard ? <span className="badge ok">{words.manningPhases.aboard}</span> : <span className="badge warn">{words.manningPhases.leave}</span>) },
  {
    id: 'result',
    header: 'Result used',
    sortBy: (m) => m.result?.takenOn ?? null,
    cell: (m) =>
      m.result ? (
        <>
          <Link href={`~/assessments/${m.result.id}`}>{formatDate(m.result.takenOn)}</Link> <span className="muted">· {words.assessmentContexts[m.result.context]}</span>{' '}
          <VerdictBadge verdict={m.result.verdict} unchecked={m.result.unchecked} />
          {m.notPlaced && <span className="muted"> · not compared with the norm</span>}
        </>
      ) : (
        <span className="badge">Missing: {m.missingReason}</span>
      ),
  },
];

/** Who is in the group and which result each member's figures rest on (the latest that is not invalid). */
export function MembersPanel({ data }: { data: TeamDynamics }) {
  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">Members ({data.members.length})</h2>
      <SortableTable rows={data.members} columns={MEMBER_COLUMNS} rowKey={(m) => m.personId} caption="Members and the result used for each" className="table compact" />
      <p className="muted">Each member&apos;s figures rest on their latest result that was not judged invalid. Members without one are left out of every figure; nothing is estimated for them.</p>
    </section>
  );
}
