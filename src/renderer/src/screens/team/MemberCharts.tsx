import { Chart as ChartJS, Filler, Legend, LinearScale, LineElement, PointElement, RadialLinearScale, Tooltip } from 'chart.js';
import { useState } from 'react';
import { Radar, Scatter } from 'react-chartjs-2';
import type { TeamDynamics } from '../../../../shared/api';
import { fixed } from './labels';

ChartJS.register(RadialLinearScale, LinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

const SEA = '31, 111, 139';
const HIGHLIGHT = '201, 90, 30';

/** Heatmap colour of a value: teal above the reference, orange below, stronger the further away. */
function cellColour(value: number | null, scale: number): string | undefined {
  if (value === null) return undefined;
  const strength = Math.min(1, Math.abs(value) / scale) * 0.55;
  return value >= 0 ? `rgba(${SEA}, ${strength})` : `rgba(${HIGHLIGHT}, ${strength})`;
}

/**
 * Members over the domains: an overlay radar (the crew average drawn bold), each member's position on every domain,
 * and a members × traits heatmap. Choosing a member marks them in all three. The heatmap carries the numbers, so
 * nothing is only in a picture.
 */
export function MemberCharts({ data, metric }: { data: TeamDynamics; metric: 'raw' | 'z' }) {
  const [marked, setMarked] = useState('');
  const members = data.members.filter((m) => m.result);
  const values = (m: (typeof members)[number]) => (metric === 'z' ? m.z : m.raw);
  const average = data.domains.map((d) => (metric === 'z' ? d.z?.mean : d.raw.mean) ?? null);
  const labels = data.domains.map((d) => d.name);
  const unit = metric === 'z' ? 'SD from the norm' : 'average answer, 1–5';
  const range = metric === 'z' ? { min: -3, max: 3 } : { min: 1, max: 5 };
  const reference = (i: number) => (metric === 'z' ? 0 : (average[i] ?? 3));
  if (members.length === 0) return null;
  const colour = (id: string, alpha: number) => (id === marked ? `rgba(${HIGHLIGHT}, 1)` : `rgba(${SEA}, ${marked ? alpha / 2 : alpha})`);
  return (
    <section className="card" aria-labelledby="members-chart-heading">
      <div className="card-header">
        <h2 id="members-chart-heading">Members by trait</h2>
        <label className="check">
          Mark a member{' '}
          <select value={marked} onChange={(e) => setMarked(e.target.value)}>
            <option value="">Nobody</option>
            {members.map((m) => (
              <option key={m.personId} value={m.personId}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="team-charts">
        <div className="chart radar" role="img" aria-label={`Radar of the ${members.length} members' profiles (${unit}); the crew average is drawn bold. The same figures are in the heatmap.`}>
          <Radar
            data={{
              labels,
              datasets: [
                ...members.map((m) => ({ label: m.name, data: values(m), borderColor: colour(m.personId, 0.35), backgroundColor: 'transparent', borderWidth: m.personId === marked ? 3 : 1, pointRadius: m.personId === marked ? 3 : 1 })),
                { label: 'Crew average', data: average, borderColor: 'rgba(20, 40, 60, 1)', backgroundColor: `rgba(${SEA}, 0.08)`, borderWidth: 3, pointRadius: 2, fill: true },
              ],
            }}
            options={{ animation: false, maintainAspectRatio: false, scales: { r: { ...range } }, plugins: { legend: { display: false } } }}
          />
        </div>
        <div className="chart positions" role="img" aria-label={`Where each member stands on every domain (${unit}); the crew average is the diamond.`}>
          <Scatter
            data={{
              datasets: [
                {
                  label: 'Members',
                  data: members.flatMap((m) => values(m).flatMap((x, d) => (x === null ? [] : [{ x, y: d, name: m.name, id: m.personId }]))),
                  pointBackgroundColor: (ctx) => colour((ctx.raw as { id: string } | undefined)?.id ?? '', 0.6),
                  pointRadius: (ctx) => ((ctx.raw as { id: string } | undefined)?.id === marked ? 7 : 4),
                },
                { label: 'Crew average', data: average.flatMap((x, d) => (x === null ? [] : [{ x, y: d }])), pointStyle: 'rectRot', pointRadius: 8, pointBackgroundColor: 'rgba(20, 40, 60, 1)' },
              ],
            }}
            options={{
              animation: false,
              maintainAspectRatio: false,
              scales: { x: { ...range, title: { display: true, text: unit } }, y: {
                  min: -0.5,
                  max: labels.length - 0.5,
                  reverse: true,
                  // One tick per domain, named.
                  afterBuildTicks: (axis) => void (axis.ticks = labels.map((_, value) => ({ value }))),
                  ticks: { callback: (v) => labels[Number(v)] ?? '' },
                },
              },
              plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${(item.raw as { name?: string }).name ?? 'Crew average'}: ${fixed(item.parsed.x)}` } } },
            }}
          />
        </div>
      </div>
      <table className="table compact heatmap">
        <caption>Members × traits ({unit})</caption>
        <thead>
          <tr>
            <th>Member</th>
            {labels.map((l) => (
              <th key={l}>{l}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.personId} className={m.personId === marked ? 'marked' : undefined}>
              <th scope="row">{m.name}</th>
              {values(m).map((x, d) => (
                <td key={data.domains[d]!.id} style={{ background: cellColour(x === null ? null : x - reference(d), metric === 'z' ? 2.5 : 1.5) }}>
                  {fixed(x)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
