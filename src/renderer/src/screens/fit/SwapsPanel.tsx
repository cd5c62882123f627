import { useState } from 'react';
import { SWAP_RANKINGS, type Output } from '../../../../shared/api';
import { words } from '../../../../shared/words';
import { useApiTask } from '../../api/hooks';
import { ProgressBar } from '../../components/ProgressBar';
import { EnumOptions } from '../../forms/form-helpers';
import { Delta, pct } from './labels';

type Swap = Output<'fit.swaps'>['swaps'][number];

/** Every candidate × crew member swap, ranked; long work, so it shows progress and can be cancelled. */
export function SwapsPanel({ vesselId, asOf, onTry }: { vesselId: string; asOf: string; onTry(swap: Swap): void }) {
  const [sortBy, setSortBy] = useState<(typeof SWAP_RANKINGS)[number]>('harmony');
  const search = useApiTask('fit.swaps', []);
  const data = search.data;
  return (
    <section className="card" aria-labelledby="swaps-heading">
      <div className="card-header">
        <h2 id="swaps-heading">Best single swaps</h2>
        <label className="field">
          <span>Rank by</span>
          <select value={sortBy} onChange={(e) => setSortBy(e.target.value as (typeof SWAP_RANKINGS)[number])}>
            <EnumOptions values={SWAP_RANKINGS} labels={words.swapRankings} />
          </select>
        </label>
        <button type="button" className="primary" disabled={search.isPending} onClick={() => search.mutate({ vesselId, asOf, sortBy, limit: 25 })}>
          Find best swaps
        </button>
        {search.isPending && (
          <button type="button" onClick={search.cancel}>
            Cancel
          </button>
        )}
      </div>
      <p className="muted">Every person on record outside the crew is tried in place of every crew member: one out, one in.</p>
      {search.isPending && <ProgressBar progress={search.progress} label="Trying every swap" />}
      {search.isError && <p className="notice bad">{search.error.message}</p>}
      {data && data.swaps.length === 0 && <p className="muted">No swap to try: the crew or the pool of candidates is empty.</p>}
      {data && data.swaps.length > 0 && (
        <>
          <p className="muted">
            {data.evaluated.toLocaleString()} swaps tried ({data.crew} crew × {data.candidates} candidates); harmony now {data.harmonyBefore === null ? '—' : data.harmonyBefore.toFixed(0)}.
          </p>
          <table className="table compact fit-table">
            <caption className="sr-only">Best single swaps</caption>
            <thead>
              <tr>
                <th>Out</th>
                <th>In</th>
                <th>Post</th>
                <th className="num">Harmony</th>
                <th className="num">Predicted success in the post</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.swaps.map((s) => (
                <tr key={`${s.memberId}-${s.candidateId}`}>
                  <td>{s.memberName}</td>
                  <td>{s.candidateName}</td>
                  <td>{s.positionTitle}</td>
                  <td className="num">
                    <Delta value={s.harmonyDelta} />
                  </td>
                  <td className="num">
                    {pct(s.successIn)} <Delta value={s.successDelta === null ? null : s.successDelta * 100} digits={0} unit=" pts" />
                  </td>
                  <td>
                    <button type="button" onClick={() => onTry(s)}>
                      Try
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
