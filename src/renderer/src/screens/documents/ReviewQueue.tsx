import { keepPreviousData } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { VerificationBadge } from '../../components/documents/labels';
import { formatDateTime } from '../../format';
import { queueStatusSchema, type DocumentListSort, type QueueStatus } from '../../../../shared/api';
import { CoreSortHeading } from '../../components/SortableTable';
import { EnumOptions } from '../../forms/form-helpers';
import { useQueueFilters } from '../../state/documents';
import { useQueueSort } from '../../state/ui';
import { reasonWords, words } from '../../../../shared/words';

/** The columns of the queue that sort (in the core: the queue shows the first 500 of a list that may be longer). */
const SORTED: DocumentListSort[] = ['file', 'person', 'type', 'status'];

/** The review queue: documents waiting for a person (or any status), newest first or by a column; Enter opens one. */
export function ReviewQueue() {
  const { status, vesselId, archived, set } = useQueueFilters();
  const sort = useQueueSort();
  const vessels = useApiQuery('vessels.list', {});
  const queue = useApiQuery(
    'documents.list',
    { status, ...(vesselId ? { vesselId } : {}), archived: archived ? 'only' : 'exclude', limit: 500, sort: sort.sort, descending: sort.descending },
    // The table stays while the next order loads, so the heading just chosen keeps the keyboard's focus.
    { placeholderData: keepPreviousData },
  );
  return (
    <section className="page">
      <header className="page-header">
        <h1>Documents</h1>
      </header>
      <div className="filters" role="group" aria-label="Queue filters">
        <label>
          Status{' '}
          <select value={status} onChange={(e) => set({ status: e.target.value as QueueStatus })}>
            <EnumOptions values={queueStatusSchema.options} labels={words.documentListStatuses} />
          </select>
        </label>
        <label>
          Vessel{' '}
          <select value={vesselId} onChange={(e) => set({ vesselId: e.target.value })}>
            <option value="">All vessels</option>
            {vessels.data?.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => set({ archived: e.target.checked })} /> Show archived
        </label>
      </div>
      {queue.isError && <p className="notice bad">{queue.error.message}</p>}
      {queue.data && queue.data.total === 0 ? (
        <div className="empty">
          <h2>{status === 'review' && !archived ? 'Nothing waiting for review' : 'No documents here'}</h2>
          <p>Add passports, seaman’s books, STCW certificates and ENG1 medicals from a person’s profile (Crew → a person → Documents).</p>
        </div>
      ) : (
        queue.data && (
          <table className="table">
            <caption className="sr-only">Documents ({queue.data.total})</caption>
            <thead>
              <tr>
                {SORTED.map((column) => (
                  <CoreSortHeading key={column} column={column} label={words.documentListSorts[column]} sort={sort} />
                ))}
                <th>Why</th>
                <CoreSortHeading column="added" label={words.documentListSorts.added} sort={sort} />
              </tr>
            </thead>
            <tbody>
              {queue.data.rows.map((row) => (
                <tr key={row.id} className={row.archivedAt ? 'archived' : undefined}>
                  <td>
                    <Link href={`/${row.id}`}>{row.fileName}</Link>
                  </td>
                  <td>
                    <Link href={`~/crew/${row.personId}`}>{row.personName}</Link>
                  </td>
                  <td>{words.documentTypes[row.type]}</td>
                  <td>
                    <VerificationBadge status={row.status} />
                  </td>
                  <td className="muted">{reasonWords(row.reasons) || '—'}</td>
                  <td>{formatDateTime(row.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
      {queue.data && queue.data.total > queue.data.rows.length && (
        <p className="muted">
          Showing the first {queue.data.rows.length} of {queue.data.total}
          {sort.sort === 'added' && sort.descending ? ' (the newest)' : ''}.
        </p>
      )}
    </section>
  );
}
