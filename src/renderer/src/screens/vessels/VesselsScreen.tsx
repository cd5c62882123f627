import { useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { countryName } from '../../../../shared/domain/countries';
import type { VesselSummary } from '../../../../shared/api';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
import { VesselForm } from '../../forms/VesselForm';
import { useDialogs } from '../../state/ui';
import { VesselDetail } from './VesselDetail';
import { words } from '../../../../shared/words';
import { Can } from '../../auth/Can';
import { useCan } from '../../auth/session';

function VesselList() {
  const [showArchived, setShowArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const [, navigate] = useLocation();
  const vessels = useApiQuery('vessels.list', { archived: showArchived ? 'include' : 'exclude' });
  const { restore } = useArchiveWithUndo('vessels');
  const showDialog = useDialogs((s) => s.show);
  const mayWrite = useCan('fleet.write');
  const list = vessels.data ?? [];
  const columns: Array<Column<VesselSummary>> = [
    {
      id: 'name',
      header: 'Vessel',
      sortBy: (v) => v.name,
      cell: (v) => (
        <>
          <Link href={`/${v.id}`}>{v.name}</Link>
          {v.archivedAt && <span className="badge bad">Archived</span>}
        </>
      ),
    },
    { id: 'kind', header: 'Type', sortBy: (v) => words.vesselKinds[v.kind], cell: (v) => words.vesselKinds[v.kind] },
    { id: 'length', header: 'Length', sortBy: (v) => v.lengthM, cell: (v) => `${v.lengthM} m` },
    { id: 'flag', header: 'Flag', sortBy: (v) => countryName(v.flag), cell: (v) => countryName(v.flag) },
    { id: 'use', header: 'Use', sortBy: (v) => words.vesselUses[v.use], cell: (v) => words.vesselUses[v.use] },
    { id: 'crew', header: 'Crew', sortBy: (v) => v.currentCrew, cell: (v) => `${v.currentCrew} / ${v.headcount}` },
    { id: 'vacancies', header: 'Vacancies', sortBy: (v) => v.vacancies, cell: (v) => (v.vacancies > 0 ? <span className="badge warn">{v.vacancies}</span> : '—') },
    {
      id: 'actions',
      header: '',
      className: 'actions',
      cell: (v) =>
        v.archivedAt &&
        mayWrite && (
          <button type="button" onClick={() => restore(v.id, v.name)}>
            Restore
          </button>
        ),
    },
  ];
  return (
    <section className="page">
      <header className="page-header">
        <h1>Vessels</h1>
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
        </label>
        <Can need="fleet.write">
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add vessel
          </button>
        </Can>
      </header>
      {vessels.isError && <p className="notice bad">{vessels.error.message}</p>}
      {vessels.isSuccess && list.length === 0 && (
        <div className="empty card">
          <h2>No vessels yet</h2>
          <Can need="fleet.write">
            <p>Add your yacht to start building its crew list, or load a sample fleet to look around first.</p>
            <div className="form-actions center">
              <button type="button" className="primary" onClick={() => setAdding(true)}>
                Add a vessel
              </button>
              <button type="button" onClick={() => showDialog('sample-fleet')}>
                Load the sample fleet
              </button>
            </div>
          </Can>
        </div>
      )}
      {list.length > 0 && <SortableTable rows={list} columns={columns} rowKey={(v) => v.id} caption="Vessels" className="table card-table" rowClassName={(v) => (v.archivedAt ? 'archived' : undefined)} />}
      {adding && <VesselForm onClose={() => setAdding(false)} onSaved={(vessel) => navigate(`/${vessel.id}`)} />}
    </section>
  );
}

/** Vessels: the fleet list at /vessels, one vessel at /vessels/:id. */
export function VesselsScreen() {
  return (
    <Switch>
      <Route path="/:id">{(params) => <VesselDetail id={params.id} />}</Route>
      <Route>
        <VesselList />
      </Route>
    </Switch>
  );
}
