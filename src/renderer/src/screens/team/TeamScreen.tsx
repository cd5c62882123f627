import { Link, Route, Switch } from 'wouter';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { useDialogs } from '../../state/ui';
import '../../styles/team.css';
import { TeamDynamicsView } from './TeamDynamicsView';

/** The fleet at a glance: each vessel's crew, results, harmony index and first concern; a vessel opens its figures. */
function FleetOverview() {
  const fleet = useApiQuery('team.fleet', {});
  const showDialog = useDialogs((s) => s.show);
  const rows = fleet.data?.rows ?? [];
  return (
    <section className="page">
      <header className="page-header">
        <h1>Team dynamics</h1>
      </header>
      <p className="notice" role="note">
        Advisory only: the figures describe the mix of people aboard compared with a norm group. They are a starting point for conversations and decide nothing about any person.
      </p>
      {fleet.isError && <p className="notice bad">{fleet.error.message}</p>}
      {fleet.isSuccess && rows.length === 0 && (
        <div className="empty card">
          <h2>No vessels yet</h2>
          <p>Team dynamics works on a vessel&apos;s crew: add a vessel and its crew first, or load the sample fleet to look around.</p>
          <div className="form-actions center">
            <Link href="~/vessels" className="button">
              Go to Vessels
            </Link>
            <button type="button" onClick={() => showDialog('sample-fleet')}>
              Load the sample fleet
            </button>
          </div>
        </div>
      )}
      {rows.length > 0 && (
        <table className="table card-table">
          <caption className="sr-only">Vessels and their crews today ({fleet.data && formatDate(fleet.data.asOf)})</caption>
          <thead>
            <tr>
              <th>Vessel</th>
              <th>Crew in post</th>
              <th>Aboard today</th>
              <th>With results</th>
              <th>Harmony index</th>
              <th>First point to look at</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.vesselId}>
                <td>
                  <Link href={`/${r.vesselId}`}>{r.name}</Link>
                </td>
                <td>{r.crew}</td>
                <td>{r.aboard}</td>
                <td>{r.withResults}</td>
                <td>{r.harmony ? `${r.harmony.score.toFixed(0)} · ${r.harmony.band}` : '—'}</td>
                <td className="muted">{r.concern ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fleet.data && <p className="muted">Against each crew&apos;s default norm; harmony model {fleet.data.harmonyVersion}.</p>}
    </section>
  );
}

export function TeamScreen() {
  return (
    <Switch>
      <Route path="/:vesselId">{(params) => <TeamDynamicsView key={params.vesselId} vesselId={params.vesselId} />}</Route>
      <Route>
        <FleetOverview />
      </Route>
    </Switch>
  );
}
