import type { TeamDynamics, TeamStats } from '../../../../shared/api';
import { ADVISORY_SHORT, fixed } from './labels';

type Metric = 'raw' | 'z';

function StatsTable({ rows, metric, caption }: { rows: Array<{ id: string; name: string; raw: TeamStats; z: TeamStats | null }>; metric: Metric; caption: string }) {
  return (
    <table className="table compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th>Trait</th>
          <th>n</th>
          <th>Mean</th>
          <th>SD (n − 1)</th>
          <th>SD (n)</th>
          <th>Lowest</th>
          <th>Highest</th>
          <th>Range</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const s = metric === 'raw' ? row.raw : row.z;
          return (
            <tr key={row.id}>
              <td>{row.name}</td>
              <td>{s ? s.n : '—'}</td>
              <td>{fixed(s?.mean)}</td>
              <td>{fixed(s?.sd)}</td>
              <td>{fixed(s?.sdPop)}</td>
              <td>{fixed(s?.min)}</td>
              <td>{fixed(s?.max)}</td>
              <td>{fixed(s?.range)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Composition per domain and facet: n, mean, both SDs, lowest, highest and range, on the answer scale or against the norm. */
export function CompositionPanel({ data, metric, onMetric }: { data: TeamDynamics; metric: Metric; onMetric: (m: Metric) => void }) {
  const normed = data.norm !== null;
  const unit = metric === 'raw' ? 'average answer, 1–5' : 'SD from the norm';
  return (
    <section className="card" aria-labelledby="composition-heading">
      <div className="card-header">
        <h2 id="composition-heading">Composition</h2>
        <fieldset className="segmented">
          <legend className="sr-only">Show scores as</legend>
          <label className="check">
            <input type="radio" name="metric" checked={metric === 'raw'} onChange={() => onMetric('raw')} /> Answer scale
          </label>
          <label className="check">
            <input type="radio" name="metric" checked={metric === 'z'} disabled={!normed} onChange={() => onMetric('z')} /> Against the norm
          </label>
        </fieldset>
      </div>
      {!normed && <p className="muted">{data.noNorm ?? 'No norm is in use.'} Choose a norm above to see the figures in SD from it.</p>}
      <StatsTable rows={data.domains} metric={metric} caption={`Domains (${unit})`} />
      <details>
        <summary>Facets ({data.facets.length})</summary>
        <StatsTable rows={data.facets} metric={metric} caption={`Facets (${unit})`} />
      </details>
      <p className="muted">{ADVISORY_SHORT}</p>
    </section>
  );
}
