import type { TeamDynamics } from '../../../../shared/api';
import { fixed } from './labels';

/** The crews that never meet on a rotation, their composition side by side. */
export function RotationPairsPanel({ data, metric }: { data: TeamDynamics; metric: 'raw' | 'z' }) {
  const names = new Map(data.members.map((m) => [m.personId, m.name]));
  const domainName = new Map(data.domains.map((d) => [d.id, d.name]));
  const rotating = data.members.length > 0;
  return (
    <section className="card" aria-labelledby="pairs-heading">
      <h2 id="pairs-heading">Rotation pairs</h2>
      {data.rotationPairs.length === 0 ? (
        <p className="muted">
          {rotating
            ? 'No two groups of rotating crew here are apart all the time. Back-to-back crews (2:2, 3:3…) never meet; on 4:2 or 2:1 every two people share some weeks aboard.'
            : 'Nobody is in post on this date.'}
        </p>
      ) : (
        data.rotationPairs.map((pair, p) => (
          <div key={p} className="pair">
            <p className="muted">These two crews are never aboard on the same day over the rotations&apos; common cycle of {pair.days} days.</p>
            <table className="table compact">
              <caption>{`Rotation pair ${p + 1} (${metric === 'z' && data.norm ? 'average in SD from the norm' : 'average answer, 1–5'})`}</caption>
              <thead>
                <tr>
                  <th>Trait</th>
                  {pair.crews.map((crew, c) => (
                    <th key={c}>
                      Crew {c === 0 ? 'A' : 'B'}: {crew.members.map((id) => names.get(id) ?? id).join(', ')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {pair.crews[0]!.domains.map((d, i) => (
                  <tr key={d.id}>
                    <td>{domainName.get(d.id)}</td>
                    {pair.crews.map((crew, c) => {
                      const s = metric === 'z' && data.norm ? crew.domains[i]!.z : crew.domains[i]!.raw;
                      return <td key={c}>{s && s.n > 0 ? `${fixed(s.mean)} (n = ${s.n})` : '—'}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
    </section>
  );
}
