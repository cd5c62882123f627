import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { LOG_SORTS, type LogSort } from '../../../../shared/api';
import { words } from '../../../../shared/words';
import { useApiQuery } from '../../api/hooks';
import { CoreSortHeading } from '../../components/SortableTable';
import { formatDateTime } from '../../format';
import { createCoreSort, fromFirstPage } from '../../state/ui';

const PAGE = 50;
const useLogSort = createCoreSort<LogSort>('when', true);

/** Every ranking, match list, explanation, prediction and what-if shown or exported: who, when, model, inputs. */
export function LogView() {
  const [offset, setOffset] = useState(0);
  const sort = fromFirstPage(useLogSort(), () => setOffset(0));
  const log = useApiQuery('fit.log', { offset, limit: PAGE, sort: sort.sort, descending: sort.descending }, { placeholderData: keepPreviousData });
  const data = log.data;
  return (
    <div className="card">
      <h2>Advisory log</h2>
      <p className="muted">Kept so that anyone a decision was about can be told what it rested on. The operator is the reviewer name in Settings on this computer.</p>
      {data && data.total === 0 && <p className="muted">Nothing shown yet: rankings and predictions are logged as soon as they are shown.</p>}
      {data && data.total > 0 && (
        <>
          <table className="table compact">
            <caption className="sr-only">Advisory log</caption>
            <thead>
              <tr>
                {LOG_SORTS.map((column) => (
                  <CoreSortHeading key={column} column={column} label={words.logSorts[column]} sort={sort} className={column === 'shown' ? 'num' : undefined} />
                ))}
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.createdAt)}</td>
                  <td>{words.advisoryActions[e.action]}</td>
                  <td>
                    {e.operator} <span className="muted">on {e.device}</span>
                  </td>
                  <td>{e.model}</td>
                  <td className="num">{e.shown.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <span className="muted">
              {offset + 1}–{Math.min(data.total, offset + PAGE)} of {data.total}
            </span>
            <button type="button" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </div>
        </>
      )}
    </div>
  );
}
