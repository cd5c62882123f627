import { Link } from 'wouter';
import type { TeamDynamics } from '../../../../shared/api';
import { formatDate } from '../../format';
import { VERDICT_BADGE } from '../assessments/labels';
import { words } from '../../../../shared/words';

/** Who is in the group and which result each member's figures rest on (the latest that is not invalid). */
export function MembersPanel({ data }: { data: TeamDynamics }) {
  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">Members ({data.members.length})</h2>
      <table className="table compact">
        <caption className="sr-only">Members and the result used for each</caption>
        <thead>
          <tr>
            <th>Name</th>
            <th>Position</th>
            <th>On the date</th>
            <th>Result used</th>
          </tr>
        </thead>
        <tbody>
          {data.members.map((m) => (
            <tr key={m.personId}>
              <td>
                <Link href={`~/crew/${m.personId}`}>{m.name}</Link>
              </td>
              <td>
                {m.positionTitle} <span className="muted">· {words.departments[m.department]}</span>
              </td>
              <td>{m.aboard ? <span className="badge ok">Aboard</span> : <span className="badge warn">On leave</span>}</td>
              <td>
                {m.result ? (
                  <>
                    <Link href={`~/assessments/${m.result.id}`}>{formatDate(m.result.takenOn)}</Link> <span className="muted">· {words.assessmentContexts[m.result.context]}</span>{' '}
                    <span className={`badge ${VERDICT_BADGE[m.result.verdict]}`}>{words.verdicts[m.result.verdict]}</span>
                    {m.notPlaced && <span className="muted"> · not compared with the norm</span>}
                  </>
                ) : (
                  <span className="badge">Missing: {m.missingReason}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Each member&apos;s figures rest on their latest result that was not judged invalid. Members without one are left out of every figure; nothing is estimated for them.</p>
    </section>
  );
}
