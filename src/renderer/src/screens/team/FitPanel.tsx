import type { TeamDynamics } from '../../../../shared/api';
import { SortableTable, type Column } from '../../components/SortableTable';
import { ADVISORY_SHORT, fixed, signed } from './labels';

type MemberFit = TeamDynamics['memberFit'][number];

/** Person–team fit: each member against the mean of the rest (leave-one-out), furthest first, with what differs most. */
export function FitPanel({ data }: { data: TeamDynamics }) {
  const names = new Map(data.members.map((m) => [m.personId, m.name]));
  const domains = new Map(data.domains.map((d) => [d.id, d.name]));
  const rows = [...data.memberFit].sort((a, b) => (b.distance ?? -1) - (a.distance ?? -1));
  const differences = (f: MemberFit) =>
    f.differences.length === 0
      ? '—'
      : f.differences
          .slice(0, 2)
          .map((d) => `${domains.get(d.scale)} ${signed(d.z, 1)} (rest ${signed(d.rest, 1)})`)
          .join('; ');
  const columns: Array<Column<MemberFit>> = [
    { id: 'member', header: 'Member', sortBy: (f) => names.get(f.personId) ?? null, cell: (f) => names.get(f.personId) },
    { id: 'distance', header: 'Distance', sortBy: (f) => f.distance, cell: (f) => fixed(f.distance) },
    { id: 'match', header: 'Profile match', sortBy: (f) => f.profileR, cell: (f) => fixed(f.profileR) },
    { id: 'differs', header: 'Differs most in', cell: differences },
  ];
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
          <SortableTable rows={rows} columns={columns} rowKey={(f) => f.personId} caption="Person–team fit, furthest from the rest first" className="table compact" />
        </>
      )}
      <p className="muted">{ADVISORY_SHORT} A member who differs is not a problem in itself.</p>
    </section>
  );
}
