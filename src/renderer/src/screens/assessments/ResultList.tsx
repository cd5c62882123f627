import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { assessmentContexts, type ResultListInput } from '../../../../shared/api';
import { verdicts } from '../../../../shared/psychometrics';
import { useApiQuery } from '../../api/hooks';
import { ArchivedFilterSelect } from '../../components/ArchivedFilterSelect';
import { EnumOptions } from '../../forms/form-helpers';
import { formatDate } from '../../format';
import { fromFirstPage, NO_RESULT_FILTERS, useResultFilters, useResultSort, type ResultFilters } from '../../state/ui';
import { CoreSortHeading } from '../../components/SortableTable';
import { useDebounced } from '../crew/useDebounced';
import { ImportResultsDialog } from './ImportResultsDialog';
import { VerdictBadges } from './VerdictBadges';
import { words } from '../../../../shared/words';
import { Can } from '../../auth/Can';

const PAGE = 100;

/** Stored results with filters, a page at a time; the import starts here. */
export function ResultList() {
  const { filters, setFilter } = useResultFilters();
  const { offset } = filters;
  const sort = fromFirstPage(useResultSort(), () => setFilter('offset', 0));
  const [importing, setImporting] = useState(false);
  const search = useDebounced(filters.search, 200);
  const query: ResultListInput = {
    search,
    archived: filters.archived,
    offset,
    limit: PAGE,
    sort: sort.sort,
    descending: sort.descending,
    ...(filters.context ? { context: filters.context } : {}),
    ...(filters.verdict ? { verdict: filters.verdict } : {}),
    ...(filters.verdictChanged ? { verdictChanged: true } : {}),
  };
  const list = useApiQuery('assessments.list', query, { placeholderData: keepPreviousData });
  const set = <K extends Exclude<keyof ResultFilters, 'offset' | 'verdictChanged'>>(key: K, value: string) => setFilter(key, value as ResultFilters[K]);
  const setOffset = (value: number) => setFilter('offset', value);
  const filtered = JSON.stringify({ ...filters, offset: 0 }) !== JSON.stringify(NO_RESULT_FILTERS);
  return (
    <>
      <div className="filters" role="search">
        <input type="search" aria-label="Search by name" placeholder="Search by name…" value={filters.search} onChange={(e) => set('search', e.target.value)} />
        <select aria-label="Context" value={filters.context} onChange={(e) => set('context', e.target.value)}>
          <option value="">Applicants and crew in post</option>
          <EnumOptions values={assessmentContexts} labels={words.assessmentContexts} />
        </select>
        <select aria-label="Verdict" value={filters.verdict} onChange={(e) => set('verdict', e.target.value)}>
          <option value="">Any verdict</option>
          <EnumOptions values={verdicts} labels={words.verdicts} />
        </select>
        <label className="check">
          <input type="checkbox" checked={filters.verdictChanged} onChange={(e) => setFilter('verdictChanged', e.target.checked)} />
          Verdict differs under the current rules
        </label>
        <ArchivedFilterSelect value={filters.archived} onChange={(value) => setFilter('archived', value)} />
        <span className="grow" />
        <Can need="assessments.write">
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            Import results…
          </button>
        </Can>
      </div>
      {list.isError && <p className="notice bad">{list.error.message}</p>}
      {list.data && list.data.total === 0 ? (
        <div className="empty card">
          {filtered ? (
            <p>No results match these filters.</p>
          ) : (
            <>
              <p>No questionnaire results are stored yet.</p>
              <p>
                Import a responses CSV (one row per person: <code>person_id</code>, <code>email</code> or <code>given_names</code> + <code>surname</code>, <code>taken_on</code>, then the
                item columns), or load the sample fleet from the Crew screen to see synthetic results.
              </p>
              <Can need="assessments.write">
                <button type="button" className="primary" onClick={() => setImporting(true)}>
                  Import results…
                </button>
              </Can>
            </>
          )}
        </div>
      ) : (
        list.data && (
          <div className="card-table">
            <table className="table">
              <caption className="sr-only">Questionnaire results</caption>
              <thead>
                <tr>
                  <CoreSortHeading column="person" label={words.resultListSorts.person} sort={sort} />
                  <CoreSortHeading column="takenOn" label={words.resultListSorts.takenOn} sort={sort} />
                  <th>Instrument</th>
                  <CoreSortHeading column="context" label={words.resultListSorts.context} sort={sort} />
                  <CoreSortHeading column="answered" label={words.resultListSorts.answered} sort={sort} />
                  <CoreSortHeading column="verdict" label={words.resultListSorts.verdict} sort={sort} />
                </tr>
              </thead>
              <tbody>
                {list.data.rows.map((r) => (
                  <tr key={r.id} className={r.archivedAt ? 'archived' : undefined}>
                    <td>
                      <Link href={`/${r.id}`}>{r.personName}</Link>
                    </td>
                    <td>{formatDate(r.takenOn)}</td>
                    <td>{r.instrumentName}</td>
                    <td>{words.assessmentContexts[r.context]}</td>
                    <td>
                      {r.answered}/{r.items}
                    </td>
                    <td>
                      <VerdictBadges verdict={r.verdict} currentVerdict={r.currentVerdict} unchecked={r.unchecked} />
                      {r.reasons > 0 && <span className="muted"> · {r.reasons} {r.reasons === 1 ? 'reason' : 'reasons'}</span>}
                      {r.archivedAt && <span className="muted"> · archived</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="pager">
              <span className="muted">
                {offset + 1}–{offset + list.data.rows.length} of {list.data.total}
              </span>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous
              </button>
              <button type="button" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>
                Next
              </button>
            </div>
          </div>
        )
      )}
      {importing && <ImportResultsDialog onClose={() => setImporting(false)} />}
    </>
  );
}
