import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useApiQuery } from '../../../api/hooks';
import { formatDate } from '../../../format';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

const COLOURS = ['#6a4c93', '#1982c4', '#8ac926', '#ff595e', '#ffca3a'];

/** A person's results of the instrument over time: one line per domain (T-scores against the same norm, else means). */
export function HistoryChart({ personId, instrumentId }: { personId: string; instrumentId: string }) {
  const history = useApiQuery('profiles.history', { personId, instrumentId });
  const h = history.data;
  if (!h || h.points.length < 2) return <p className="muted">One result so far: a trend needs two or more.</p>;
  const placed = h.points.every((p) => p.t.every((t) => t !== null));
  const series = (d: number) => h.points.map((p) => (placed ? p.t[d]! : p.mean[d]!));
  return (
    <div
      className="chart"
      role="img"
      aria-label={`Trend over ${h.points.length} results: ${h.domains.map((d, i) => `${d.name} ${series(i).map((v) => v?.toFixed(placed ? 0 : 2) ?? '—').join(' → ')}`).join('; ')}`}
    >
      <Line
        data={{ labels: h.points.map((p) => formatDate(p.takenOn)), datasets: h.domains.map((d, i) => ({ label: d.name, data: series(i), borderColor: COLOURS[i % COLOURS.length] })) }}
        options={{ animation: false, maintainAspectRatio: false, scales: { y: placed ? { min: 20, max: 80, title: { display: true, text: 'T-score' } } : { min: 1, max: 5 } } }}
      />
    </div>
  );
}
