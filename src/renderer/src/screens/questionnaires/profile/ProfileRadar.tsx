import { Chart as ChartJS, Filler, Legend, LineElement, PointElement, RadialLinearScale, Tooltip } from 'chart.js';
import { Radar } from 'react-chartjs-2';
import type { Profile } from '../../../../../shared/api';

ChartJS.register(RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

const COLOURS = ['#1f6f8b', '#c95a1e'];

/**
 * The five domains as a radar: percentiles against the norm when there is one (the same figures are in the table
 * beside it), otherwise the plain means on the answer scale. Two profiles are drawn over each other to compare.
 */
export function ProfileRadar({ profiles }: { profiles: Profile[] }) {
  const placed = profiles.every((p) => p.domains.every((d) => d.percentile !== null));
  const value = (d: Profile['domains'][number]) => (placed ? d.percentile : d.mean);
  const labels = profiles[0]!.domains.map((d) => d.name);
  const words = profiles.map((p) => `${p.personName}: ${p.domains.map((d) => `${d.name} ${placed ? `${Math.round(d.percentile!)}th percentile` : `mean ${d.mean?.toFixed(2) ?? 'none'}`}`).join(', ')}`).join('; ');
  return (
    <div className="chart" role="img" aria-label={`Radar of the five domains${placed ? ' (percentiles)' : ' (means, no norm)'}: ${words}`}>
      <Radar
        data={{
          labels,
          datasets: profiles.map((p, i) => ({
            label: p.personName,
            data: p.domains.map(value),
            borderColor: COLOURS[i],
            backgroundColor: `${COLOURS[i]}33`,
            fill: true,
          })),
        }}
        options={{
          animation: false,
          maintainAspectRatio: false,
          scales: { r: placed ? { min: 0, max: 100, ticks: { stepSize: 25 } } : { min: 1, max: 5, ticks: { stepSize: 1 } } },
          plugins: { legend: { display: profiles.length > 1 } },
        }}
      />
    </div>
  );
}
