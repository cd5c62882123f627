import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * T-scores (mean 50, SD 10 in the norm group, docs/psychometrics.md#2-scale-scores-and-norms) as bars from the
 * group average (50) to the person's T, so above and below average read at a glance. The same figures are in the
 * table beside it, so nothing is only in the picture. Grey bars: the answers are invalid.
 */
export function TScoreChart({ scores, label, greyed = false }: { scores: Array<{ name: string; t: number | null }>; label: string; greyed?: boolean }) {
  return (
    <div className="chart" role="img" aria-label={`${label}: ${scores.map((s) => `${s.name} T ${s.t === null ? 'none' : s.t.toFixed(0)}`).join(', ')}`}>
      <Bar
        data={{
          labels: scores.map((s) => s.name),
          datasets: [{ label: 'T-score', data: scores.map((s) => (s.t === null ? null : ([50, s.t] as [number, number]))), backgroundColor: scores.map((s) => (greyed ? '#c8cdd3' : s.t !== null && Math.abs(s.t - 50) >= 10 ? '#1f6f8b' : '#8fb8c9')) }],
        }}
        options={{
          indexAxis: 'y',
          animation: false,
          maintainAspectRatio: false,
          scales: { x: { min: 20, max: 80, title: { display: true, text: 'T-score (50 = norm group average)' } } },
          plugins: { tooltip: { callbacks: { label: (item) => `T ${scores[item.dataIndex]?.t?.toFixed(1) ?? '—'}` } } },
        }}
      />
    </div>
  );
}
