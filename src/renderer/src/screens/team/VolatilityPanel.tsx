import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { TeamDynamics } from '../../../../shared/api';
import { words } from '../../../../shared/words';
import { ADVISORY_SHORT, fixed } from './labels';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

const MONTH = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));

/** Cohesion from the Team climate pulse survey: the latest month in words and the months before as a line. */
export function CohesionPanel({ data }: { data: TeamDynamics }) {
  const { series } = data.cohesion;
  return (
    <section className="card" aria-labelledby="cohesion-heading">
      <h2 id="cohesion-heading">Cohesion</h2>
      <p>{data.cohesion.message}</p>
      {series.length > 1 && (
        <div className="chart" role="img" aria-label={`Team climate by month: ${series.map((p) => `${monthLabel(p.month)} ${p.mean.toFixed(2)}`).join(', ')}`}>
          <Line
            data={{ labels: series.map((p) => monthLabel(p.month)), datasets: [{ label: 'Team climate (1–5)', data: series.map((p) => p.mean), borderColor: '#1f6f8b' }] }}
            options={{ animation: false, maintainAspectRatio: false, scales: { y: { min: 1, max: 5 } } }}
          />
        </div>
      )}
    </section>
  );
}

/** The Team Volatility Index: each part with its formula, value, score and weight, and the trend by month. */
export function VolatilityPanel({ data }: { data: TeamDynamics }) {
  const v = data.volatility;
  return (
    <section className="card" aria-labelledby="volatility-heading">
      <h2 id="volatility-heading">Team volatility</h2>
      <p className="harmony-score">
        <strong>{v.index === null ? '—' : v.index.toFixed(0)}</strong> <span className="muted">of 100 (0 = nobody changes) · model {v.version}</span>
      </p>
      <table className="table compact">
        <caption className="sr-only">Parts of the volatility index</caption>
        <thead>
          <tr>
            <th>Part</th>
            <th>How it is worked out</th>
            <th>Value</th>
            <th>Score</th>
            <th>Weight</th>
            <th>Contribution</th>
          </tr>
        </thead>
        <tbody>
          {v.parts.map((p) => (
            <tr key={p.id}>
              <td>
                {words.volatilityParts[p.id]}
                <div className="muted">{p.note}</div>
              </td>
              <td>
                {p.formula}
                <div className="muted">{p.source}</div>
              </td>
              <td>{p.value === null ? 'Not available' : fixed(p.value)}</td>
              <td>{fixed(p.score, 0)}</td>
              <td>{fixed(p.weight)}</td>
              <td>{fixed(p.contribution, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">A part scores 100 at the value the model calls full (one leaver per crew place a year; the whole aboard crew changing every week). The index is the weighted mean of the parts that are available.</p>
      <div className="chart" role="img" aria-label={`Volatility by month: ${v.trend.map((p) => `${monthLabel(p.month)} ${p.index === null ? 'none' : p.index.toFixed(0)}`).join(', ')}`}>
        <Line
          data={{
            labels: v.trend.map((p) => monthLabel(p.month)),
            datasets: [
              { label: 'Index (0–100)', data: v.trend.map((p) => p.index), borderColor: '#1f6f8b', yAxisID: 'index' },
              { label: 'Turnover (leavers per place a year)', data: v.trend.map((p) => p.turnover), borderColor: '#c95a1e', yAxisID: 'share' },
              { label: 'Rotation churn (share changing a week)', data: v.trend.map((p) => p.churn), borderColor: '#6b8f3a', yAxisID: 'share' },
            ],
          }}
          options={{ animation: false, maintainAspectRatio: false, scales: { index: { position: 'left', min: 0, max: 100 }, share: { position: 'right', min: 0, grid: { drawOnChartArea: false } } } }}
        />
      </div>
      <p className="muted">{ADVISORY_SHORT}</p>
    </section>
  );
}
