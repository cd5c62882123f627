import type { TeamDynamics } from '../../../../shared/api';
import { ADVISORY_SHORT, fixed, signed } from './labels';

/** Person–team fit: each member against the mean of the rest (leave-one-out), furthest first, with what differs most. */
export function FitPanel({ data }: { data: TeamDynamics }) {
  const names = new Map(data.members.map((m) => [m.personId, m.name]));
  const domains = new Map(data.domains.map((d) => [d.id, d.name]));
  const rows = [...data.memberFit].sort((a, b) => (b.distance ?? -1) - (a.distance ?? -1));
  return (
    <section className="card" aria-labelledby="fit-heading">
      <h2 id="fit-heading">Person–team fit</h2>
      {rows.length === 0 ? (
        <p className="muted">Fit is worked out against a norm: choose one above to see it.</p>
      ) : (
        <>
          <p className="muted">
            Each member is compared with the average of everyone else in the group, over the domains in SD from the norm. Distance: how far apart the two profiles are (0 = the same).
            Profile match: whether the member&apos;s highs and lows follow the rest&apos;s (−1 to +1; blank when a profile is flat). In small crews the match leans negative by itself.
          </p>
          <table className="table compact">
            <caption className="sr-only">Person–team fit, furthest from the rest first</caption>
            <thead>
              <tr>
                <th>Member</th>
                <th>Distance</th>
                <th>Profile match</th>
                <th>Differs most in</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.personId}>
                  <td>{names.get(f.personId)}</td>
                  <td>{fixed(f.distance)}</td>
                  <td>{fixed(f.profileR)}</td>
                  <td>
                    {f.differences.length === 0
                      ? '—'
                      : f.differences
                          .slice(0, 2)
                          .map((d) => `${domains.get(d.scale)} ${signed(d.z, 1)} (rest ${signed(d.rest, 1)})`)
                          .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="muted">{ADVISORY_SHORT} A member who differs is not a problem in itself.</p>
    </section>
  );
}
