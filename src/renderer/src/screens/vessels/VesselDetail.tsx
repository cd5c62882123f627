import { useState } from 'react';
import { toast } from 'sonner';
import { Link, useLocation } from 'wouter';
import type { CrewMember, Position } from '../../../../shared/api';
import { countryName } from '../../../../shared/domain/countries';
import { DEPARTMENT_LABELS, EMPLOYMENT_KIND_LABELS, VESSEL_KIND_LABELS, VESSEL_USE_LABELS } from '../../../../shared/domain/crew';
import { call } from '../../api/client';
import { useArchiveWithUndo } from '../../api/archive';
import { useApiQuery } from '../../api/hooks';
import { ComplianceMatrix } from '../../components/documents/ComplianceMatrix';
import { RequirementsDialog } from '../../components/documents/RequirementsDialog';
import { StatusBadge } from '../../components/StatusBadge';
import { downloadText } from '../../files';
import { formatDate } from '../../format';
import { PositionForm } from '../../forms/PositionForm';
import { VesselForm } from '../../forms/VesselForm';

function CrewTable({ crew, dates, caption }: { crew: CrewMember[]; dates: 'since' | 'joins' | 'served'; caption: string }) {
  return (
    <table className="table compact">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th>Name</th>
          <th>Position</th>
          <th>{dates === 'since' ? 'Since' : dates === 'joins' ? 'Joins' : 'Served'}</th>
          <th>Rotation</th>
          {dates === 'since' && <th>Today</th>}
        </tr>
      </thead>
      <tbody>
        {crew.map((c) => (
          <tr key={c.assignmentId}>
            <td>
              <Link href={`~/crew/${c.personId}`}>
                {c.givenNames} {c.surname}
              </Link>
            </td>
            <td>
              {c.positionTitle} <span className="muted">· {DEPARTMENT_LABELS[c.department]}</span>
            </td>
            <td>{dates === 'served' ? `${formatDate(c.startDate)} – ${formatDate(c.endDate)}` : formatDate(c.startDate)}</td>
            <td>{c.rotation ?? '—'}</td>
            {dates === 'since' && <td>{c.phase && <StatusBadge status={c.phase} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One vessel: facts, positions with vacancies, current crew, planned joiners and past crew. */
export function VesselDetail({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const detail = useApiQuery('vessels.get', { id });
  const [editing, setEditing] = useState(false);
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
      downloadText(file.fileName, file.csv);
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
      </header>
      <div className="card">
        <dl className="facts">
          <dt>Type</dt>
          <dd>
            {VESSEL_KIND_LABELS[vessel.kind]}, {vessel.lengthM} m{vessel.grossTonnage !== null ? `, ${vessel.grossTonnage} GT` : ''}
          </dd>
          <dt>Flag</dt>
          <dd>{countryName(vessel.flag)}</dd>
          <dt>{vessel.imoNumber ? 'IMO number' : 'Official number'}</dt>
          <dd>{vessel.imoNumber ?? vessel.officialNumber}</dd>
          <dt>Home port</dt>
          <dd>{vessel.homePort ?? '—'}</dd>
          <dt>Use</dt>
          <dd>{VESSEL_USE_LABELS[vessel.use]}</dd>
          <dt>Crew today</dt>
          <dd>
            {currentCrew.length} aboard or on rotation, {vacancies} vacanc{vacancies === 1 ? 'y' : 'ies'}
          </dd>
        </dl>
      </div>

      <div className="card">
        <div className="card-header">
          <h2>Positions</h2>
          <label className="check">
            <input type="checkbox" checked={showArchivedPositions} onChange={(e) => setShowArchivedPositions(e.target.checked)} /> Show archived
          </label>
          {!archived && (
            <button type="button" className="primary" onClick={() => setPositionForm({})}>
              Add position
            </button>
          )}
        </div>
        {shownPositions.length === 0 ? (
          <p className="empty">No positions yet. Add the berths this yacht carries (e.g. Captain, Chief Stew, Deckhand ×2).</p>
        ) : (
          <table className="table compact">
            <thead>
              <tr>
                <th>Department</th>
                <th>Title</th>
                <th>Headcount</th>
                <th>Filled</th>
                <th>Planned</th>
                <th>Vacant</th>
                <th>Rotation</th>
                <th>Employment</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shownPositions.map((p) => (
                <tr key={p.id} className={p.archivedAt ? 'archived' : undefined}>
                  <td>{DEPARTMENT_LABELS[p.department]}</td>
                  <td>
                    {p.title} {p.archivedAt && <span className="badge bad">Archived</span>}
                  </td>
                  <td>{p.headcount}</td>
                  <td>{p.current}</td>
                  <td>{p.planned}</td>
                  <td>{p.vacancies > 0 ? <span className="badge warn">{p.vacancies}</span> : '—'}</td>
                  <td>{p.rotation ?? '—'}</td>
                  <td>{EMPLOYMENT_KIND_LABELS[p.employmentKind]}</td>
                  <td className="actions">
                    {p.archivedAt ? (
                      <button type="button" onClick={() => positions.restore(p.id, p.title)}>
                        Restore
                      </button>
                    ) : (
                      <>
                        <Link href={`~/recruitment/position/${p.id}`} className="button" aria-label={`Candidates for ${p.title}`}>
                          Candidates
                        </Link>{' '}
                        <button type="button" onClick={() => setPositionForm({ position: p })} aria-label={`Edit ${p.title}`}>
                          Edit
                        </button>{' '}
                        <button type="button" className="danger" onClick={() => positions.archive(p.id, p.title)} aria-label={`Archive ${p.title}`}>
                          Archive
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

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
          <button type="button" onClick={() => setEditingRequirements(true)}>
            Requirements…
          </button>
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
