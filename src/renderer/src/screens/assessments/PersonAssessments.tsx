import { Link } from 'wouter';
import type { ResultRow } from '../../../../shared/api';
import { verdicts } from '../../../../shared/psychometrics';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatDate } from '../../format';
import { VerdictBadges } from './VerdictBadges';
import { words } from '../../../../shared/words';

/** The columns of a person's results; the verdict sorts from sound to unusable. */
const COLUMNS: Array<Column<ResultRow>> = [
  { id: 'takenOn', header: words.resultListSorts.takenOn, sortBy: (r) => r.takenOn, cell: (r) => <Link href={`~/assessments/${r.id}`}>{formatDate(r.takenOn)}</Link> },
  { id: 'instrument', header: 'Instrument', sortBy: (r) => r.instrumentName, cell: (r) => r.instrumentName },
  { id: 'context', header: words.resultListSorts.context, sortBy: (r) => words.assessmentContexts[r.context], cell: (r) => words.assessmentContexts[r.context] },
  {
    id: 'verdict',
    header: words.resultListSorts.verdict,
    sortBy: (r) => verdicts.indexOf(r.verdict),
    cell: (r) => (
      <>
        <VerdictBadges verdict={r.verdict} currentVerdict={r.currentVerdict} unchecked={r.unchecked} />
        {r.archivedAt && <span className="muted"> · archived</span>}
      </>
    ),
  },
];

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
        <SortableTable rows={results.data.rows} columns={COLUMNS} rowKey={(r) => r.id} caption="Questionnaire results of this person" className="table compact" rowClassName={(r) => (r.archivedAt ? 'archived' : undefined)} />
      )}
    </div>
  );
}
