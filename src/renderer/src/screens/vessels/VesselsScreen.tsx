import { useState } from 'react';
import { Link, Route, Switch } from 'wouter';
import { countryName } from '../../../../shared/domain/countries';
import { VESSEL_KIND_LABELS, VESSEL_USE_LABELS } from '../../../../shared/domain/crew';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiQuery } from '../../api/hooks';
import { VesselForm } from '../../forms/VesselForm';
import { useDialogs } from '../../state/ui';
import { VesselDetail } from './VesselDetail';

function VesselList() {
  const [showArchived, setShowArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const vessels = useApiQuery('vessels.list', { archived: showArchived ? 'include' : 'exclude' });
  const { restore } = useArchiveWithUndo('vessels');
  const showDialog = useDialogs((s) => s.show);
  const list = vessels.data ?? [];
  return (
    <section className="page">
      <header className="page-header">
        <h1>Vessels</h1>
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
        </label>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add vessel
        </button>
      </header>
      {vessels.isError && <p className="notice bad">{vessels.error.message}</p>}
      {vessels.isSuccess && list.length === 0 && (
        <div className="empty card">
          <h2>No vessels yet</h2>
          <p>Add your yacht to start building its crew list, or load a sample fleet to look around first.</p>
          <div className="form-actions center">
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              Add a vessel
            </button>
            <button type="button" onClick={() => showDialog('sample-fleet')}>
              Load the sample fleet
            </button>
          </div>
        </div>
      )}
      {list.length > 0 && (
        <table className="table card-table">
          <thead>
            <tr>
              <th>Vessel</th>
              <th>Type</th>
              <th>Length</th>
              <th>Flag</th>
              <th>Use</th>
              <th>Crew</th>
              <th>Vacancies</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.id} className={v.archivedAt ? 'archived' : undefined}>
                <td>
                  <Link href={`/${v.id}`}>{v.name}</Link>
                  {v.archivedAt && <span className="badge bad">Archived</span>}
                </td>
                <td>{VESSEL_KIND_LABELS[v.kind]}</td>
                <td>{v.lengthM} m</td>
                <td>{countryName(v.flag)}</td>
                <td>{VESSEL_USE_LABELS[v.use]}</td>
                <td>
                  {v.currentCrew} / {v.headcount}
                </td>
                <td>{v.vacancies > 0 ? <span className="badge warn">{v.vacancies}</span> : '—'}</td>
                <td className="actions">
                  {v.archivedAt && (
                    <button type="button" onClick={() => restore(v.id, v.name)}>
                      Restore
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <VesselForm onClose={() => setAdding(false)} />}
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
