import { useState } from 'react';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import type { Position } from '../../../../shared/api';
import { countryName } from '../../../../shared/domain/countries';
import { call } from '../../api/client';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiQuery } from '../../api/hooks';
import { ComplianceMatrix } from '../../components/documents/ComplianceMatrix';
import { RequirementsDialog } from '../../components/documents/RequirementsDialog';
import { downloadCsv } from '../../files';
import { PositionForm } from '../../forms/PositionForm';
import { VesselForm } from '../../forms/VesselForm';
import { ManningCard } from './manning/ManningCard';
import { CrewTable, PositionsTable } from './VesselTables';
import { VesselSyncId } from './VesselSyncId';
import { words } from '../../../../shared/words';
import { Can } from '../../auth/Can';
import { useCan } from '../../auth/session';

/** One vessel: facts, positions with vacancies, current crew, planned joiners and past crew. */
export function VesselDetail({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const detail = useApiQuery('vessels.get', { id });
  const [editing, setEditing] = useState(false);
  const mayWrite = useCan('fleet.write');
  const managesInstallation = useCan('installation.manage');
  const [positionForm, setPositionForm] = useState<{ position?: Position } | null>(null);
  const [showArchivedPositions, setShowArchivedPositions] = useState(false);
  const [editingRequirements, setEditingRequirements] = useState(false);
  const vessels = useArchiveWithUndo('vessels');
  const positions = useArchiveWithUndo('positions');

  if (detail.isPending) return <p className="page muted">Loading…</p>;
  if (detail.isError)
    return (
      <section className="page">
        <p className="notice bad">{detail.error.message}</p>
        <Link href="/">Back to vessels</Link>
      </section>
    );
  const { vessel, currentCrew, plannedJoiners, pastCrew } = detail.data;
  const shownPositions = detail.data.positions.filter((p) => showArchivedPositions || p.archivedAt === null);
  const vacancies = detail.data.positions.reduce((n, p) => n + p.vacancies, 0);
  const archived = vessel.archivedAt !== null;

  async function exportCrew() {
    try {
      const file = await call('vessels.exportCrew', { id });
      downloadCsv(file.fileName, file.csv);
      toast.success(`Exported ${file.rows} crew to ${file.fileName}`);
    } catch (error) {
      toast.error((error as Error).message);
    }
  }

  return (
    <section className="page">
      <header className="page-header">
        <div className="grow">
          <Link href="/" className="muted">
            ← Vessels
          </Link>
          <h1>
            {vessel.name} {archived && <span className="badge bad">Archived</span>}
          </h1>
        </div>
        <Link href={`~/team/${vessel.id}`} className="button">
          Team dynamics
        </Link>
        <Link href={`~/recruitment/whatif/${vessel.id}`} className="button">
          What-if
        </Link>
        <button type="button" onClick={() => void exportCrew()}>
          Export crew list (CSV)
        </button>
        <Can need="fleet.write">
          {archived ? (
            <button type="button" className="primary" onClick={() => vessels.restore(vessel.id, vessel.name)}>
              Restore
            </button>
          ) : (
            <>
              <button type="button" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="danger" onClick={() => vessels.archive(vessel.id, vessel.name, () => navigate('/'))}>
                Archive
              </button>
            </>
          )}
        </Can>
      </header>
      <div className="card">
        <dl className="facts">
          <dt>Type</dt>
          <dd>
            {words.vesselKinds[vessel.kind]}, {vessel.lengthM} m{vessel.grossTonnage !== null ? `, ${vessel.grossTonnage} GT` : ''}
          </dd>
          <dt>Flag</dt>
          <dd>{countryName(vessel.flag)}</dd>
          <dt>{vessel.imoNumber ? 'IMO number' : 'Official number'}</dt>
          <dd>{vessel.imoNumber ?? vessel.officialNumber}</dd>
          <dt>Home port</dt>
          <dd>{vessel.homePort ?? '—'}</dd>
          <dt>Use</dt>
          <dd>{words.vesselUses[vessel.use]}</dd>
          <dt>Crew today</dt>
          <dd>
            {currentCrew.length} aboard or on rotation, {vacancies} vacanc{vacancies === 1 ? 'y' : 'ies'}
          </dd>
          {managesInstallation && <VesselSyncId id={vessel.id} />}
        </dl>
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Positions</h2>
          <label className="check">
            <input type="checkbox" checked={showArchivedPositions} onChange={(e) => setShowArchivedPositions(e.target.checked)} /> Show archived
          </label>
          {!archived && mayWrite && (
            <button type="button" className="primary" onClick={() => setPositionForm({})}>
              Add position
            </button>
          )}
        </div>
        {shownPositions.length === 0 ? (
          <p className="empty">No positions yet. Add the berths this yacht carries (e.g. Captain, Chief Stew, Deckhand ×2).</p>
        ) : (
          <PositionsTable
            positions={shownPositions}
            actions={mayWrite && { onEdit: (p) => setPositionForm({ position: p }), onArchive: (p) => positions.archive(p.id, p.title), onRestore: (p) => positions.restore(p.id, p.title) }}
          />
        )}
      </div>

      <ManningCard vesselId={vessel.id} archived={archived} />

      <div className="card">
        <h2>Current crew</h2>
        {currentCrew.length === 0 ? <p className="muted">Nobody is assigned today. Assign people from their profile in Crew.</p> : <CrewTable crew={currentCrew} dates="since" caption="Current crew" />}
      </div>
      {plannedJoiners.length > 0 && (
        <div className="card">
          <h2>Planned joiners</h2>
          <CrewTable crew={plannedJoiners} dates="joins" caption="Planned joiners" />
        </div>
      )}
      <div className="card">
        <div className="card-header">
          <h2>Compliance matrix</h2>
          <Can need="documents.write">
            <button type="button" onClick={() => setEditingRequirements(true)}>
              Requirements…
            </button>
          </Can>
        </div>
        <ComplianceMatrix vesselId={vessel.id} />
      </div>
      <div className="card">
        <h2>Past crew</h2>
        {pastCrew.length === 0 ? <p className="muted">No one has left this vessel yet.</p> : <CrewTable crew={pastCrew} dates="served" caption="Past crew" />}
      </div>
      {editingRequirements && <RequirementsDialog vesselId={vessel.id} onClose={() => setEditingRequirements(false)} />}
      {editing && <VesselForm vessel={vessel} onClose={() => setEditing(false)} />}
      {positionForm && <PositionForm vesselId={vessel.id} {...positionForm} onClose={() => setPositionForm(null)} />}
    </section>
  );
}
