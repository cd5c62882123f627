import { Link } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { VerdictBadges } from './VerdictBadges';
import { words } from '../../../../shared/words';

/** A person's questionnaire history on their profile, newest first, each linking to the result. */
export function PersonAssessments({ personId }: { personId: string }) {
  const results = useApiQuery('assessments.list', { personId, archived: 'include', limit: 100 });
  return (
    <div className="card" aria-labelledby="person-assessments">
      <h2 id="person-assessments">Assessments</h2>
      {results.isError && <p className="notice bad">{results.error.message}</p>}
      {results.data && results.data.total === 0 && (
        <p className="muted">
          No questionnaire results yet. Import them under <Link href="~/assessments">Assessments</Link> (rows name this person by id, e-mail or name).
        </p>
      )}
      {results.data && results.data.total > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              <th>Taken on</th>
              <th>Instrument</th>
              <th>Context</th>
              <th>Validity</th>
            </tr>
          </thead>
          <tbody>
            {results.data.rows.map((r) => (
              <tr key={r.id} className={r.archivedAt ? 'archived' : undefined}>
                <td>
                  <Link href={`~/assessments/${r.id}`}>{formatDate(r.takenOn)}</Link>
                </td>
                <td>{r.instrumentName}</td>
                <td>{words.assessmentContexts[r.context]}</td>
                <td>
                  <VerdictBadges verdict={r.verdict} currentVerdict={r.currentVerdict} />
                  {r.archivedAt && <span className="muted"> · archived</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
