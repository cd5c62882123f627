import { Link, Route, Switch } from 'wouter';
import type { Output } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
import { StartWithVessels } from '../../components/StartWithVessels';
import { formatDate } from '../../format';
import '../../styles/team.css';
import { TeamDynamicsView } from './TeamDynamicsView';

type FleetRow = Output<'team.fleet'>['rows'][number];

const FLEET_COLUMNS: Array<Column<FleetRow>> = [
  { id: 'vessel', header: 'Vessel', sortBy: (r) => r.name, cell: (r) => <Link href={`/${r.vesselId}`}>{r.name}</Link> },
  { id: 'crew', header: 'Crew in post', sortBy: (r) => r.crew, cell: (r) => r.crew },
  { id: 'aboard', header: 'Aboard today', sortBy: (r) => r.aboard, cell: (r) => r.aboard },
  { id: 'results', header: 'With results', sortBy: (r) => r.withResults, cell: (r) => r.withResults },
  { id: 'harmony', header: 'Harmony index', sortBy: (r) => r.harmony?.score ?? null, cell: (r) => (r.harmony ? `${r.harmony.score.toFixed(0)} · ${r.harmony.band}` : '—') },
  { id: 'concern', header: 'First point to look at', className: 'muted', cell: (r) => r.concern ?? '—' },
];

/** The fleet at a glance: each vessel's crew, results, harmony index and first concern; a vessel opens its figures. */
function FleetOverview() {
  const fleet = useApiQuery('team.fleet', {});
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
        <StartWithVessels title="No vessels yet">
          Team dynamics works on a vessel&apos;s crew: add a vessel and its crew first, or load the sample fleet to look around.
        </StartWithVessels>
      )}
      {rows.length > 0 && (
        <SortableTable rows={rows} columns={FLEET_COLUMNS} rowKey={(r) => r.vesselId} caption={`Vessels and their crews today (${fleet.data ? formatDate(fleet.data.asOf) : ''})`} className="table card-table" />
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
