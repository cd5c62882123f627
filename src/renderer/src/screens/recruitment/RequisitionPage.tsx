import { useState } from 'react';
import { words } from '../../../../shared/words';
import { toast } from 'sonner';
import { Link } from 'wouter';
import { isCertificateKind } from '../../../../shared/domain/certificates';
import { type VisaKind } from '../../../../shared/fit/model';
import type { Application } from '../../../../shared/api';
import { APPLICATION_STAGES, REQUISITION_MACHINE } from '../../../../shared/recruitment/pipeline';
import { SortableTable, type Column } from '../../components/SortableTable';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate, formatDateTime } from '../../format';
import { pct } from '../fit/labels';
import { AddCandidateDialog } from './AddCandidateDialog';
import { PipelineBoard } from './PipelineBoard';
import { RequisitionForm } from './RequisitionForm';
import { RequisitionStatus, salaryText } from './RequisitionsView';
import { useCan } from '../../auth/session';

/** The best-ranked people for the requisition's position (candidate fit, advisory), each one click from the pipeline. */
function FitShortlist({ requisitionId, positionId, startDate, taken }: { requisitionId: string; positionId: string; startDate: string; taken: Set<string> }) {
  const ranking = useApiQuery('fit.rank', { positionId, startDate, limit: 8 }, { refetchOnWindowFocus: false, retry: false });
  const add = useApiMutation('applications.create', ['applications.', 'requisitions.'], { onSuccess: (a) => toast.success(`${a.personName} added as a candidate`), onError: (e) => toast.error(e.message) });
  return (
    <div className="card">
      <h2>Candidate fit ranking</h2>
      <p className="muted">Advisory: a starting point for people to decide on. <Link href={`/position/${positionId}`}>The full ranking, explained</Link></p>
      {ranking.isError && <p className="notice bad">{ranking.error.message}</p>}
      {ranking.data && (
        <table className="table compact">
          <caption className="sr-only">Candidate fit ranking for this requisition</caption>
          <tbody>
            {ranking.data.candidates.map((c) => (
              <tr key={c.personId}>
                <td>{c.name}</td>
                <td className="num">{pct(c.score)}</td>
                <td>{c.strengths.slice(0, 2).join('; ')}</td>
                <td>
                  {taken.has(c.personId) ? (
                    <span className="muted">on the pipeline</span>
                  ) : (
                    <button type="button" onClick={() => add.mutate({ requisitionId, personId: c.personId, source: 'Candidate fit ranking' })}>
                      Add to pipeline
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const candidateColumns = (vessel: string): Array<Column<Application>> => [
  { id: 'name', header: 'Candidate', sortBy: (a) => a.personName, cell: (a) => <Link href={`/application/${a.id}`}>{a.personName}</Link> },
  { id: 'stage', header: 'Stage', sortBy: (a) => APPLICATION_STAGES.indexOf(a.stage), cell: (a) => `${words.applicationStages[a.stage]}${a.exitReason ? `: ${a.exitReason}` : ''}` },
  { id: 'since', header: 'Since', sortBy: (a) => a.stageChangedAt, cell: (a) => formatDateTime(a.stageChangedAt) },
  { id: 'source', header: 'Source', sortBy: (a) => a.agency ?? a.source, cell: (a) => (a.agency ? `${a.source} (${a.agency})` : a.source) },
  {
    id: 'first',
    header: `First submitted to ${vessel}`,
    sortBy: (a) => a.firstSubmission?.submittedAt ?? null,
    cell: (a) => (a.firstSubmission ? `${formatDateTime(a.firstSubmission.submittedAt)} by ${a.firstSubmission.agency ?? 'the yacht directly'}` : '—'),
  },
];

export function RequisitionPage({ id }: { id: string }) {
  const mayWrite = useCan('recruitment.write');
  const requisition = useApiQuery('requisitions.get', { id });
  const applications = useApiQuery('applications.list', { requisitionId: id });
  const move = useApiMutation('requisitions.move', ['requisitions.'], { onSuccess: (r) => toast.success(`Requisition ${words.requisitionStatuses[r.status].toLowerCase()}`), onError: (e) => toast.error(e.message) });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [view, setView] = useState<'board' | 'table'>('board');
  const r = requisition.data;
  if (requisition.isError) return <p className="notice bad">{requisition.error.message}</p>;
  if (!r) return null;
  const apps = applications.data ?? [];
  const live = r.status === 'open' || r.status === 'paused' || r.status === 'draft';
  return (
    <section className="page">
      <header className="page-header">
        <div>
          <Link href="/">← Recruitment</Link>
          <h1>
            {r.title} <RequisitionStatus status={r.status} />
          </h1>
          <p className="muted">
            {r.vessel} · {words.departments[r.department]} · starts {formatDate(r.startDate)}
            {r.rotation ? ` · rotation ${r.rotation}` : ''} · {salaryText(r)} · {r.placed} of {r.places} {r.places === 1 ? 'place' : 'places'} filled
          </p>
        </div>
        {REQUISITION_MACHINE.moves[r.status]
          .filter((to) => to !== 'filled' && mayWrite)
          .map((to) => (
            <button key={to} type="button" className={to === 'open' ? 'primary' : to === 'cancelled' ? 'danger' : undefined} onClick={() => move.mutate({ id, status: to })}>
              {to === 'open' ? (r.status === 'paused' ? 'Reopen' : 'Open') : to === 'paused' ? 'Pause' : to === 'closed' ? 'Close' : 'Cancel requisition'}
            </button>
          ))}
        {live && mayWrite && (
          <>
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              Add a candidate
            </button>
          </>
        )}
      </header>
      <div className="card">
        <dl className="facts">
          <dt>Certificates</dt>
          <dd>{r.requirements.certificates.map((k) => (isCertificateKind(k) ? words.certificates[k] : k)).join(', ') || '—'}</dd>
          <dt>Experience</dt>
          <dd>{r.requirements.minYearsAtSea === null ? '—' : `${r.requirements.minYearsAtSea} years at sea at least`}</dd>
          <dt>Languages</dt>
          <dd>{r.requirements.languages.join(', ') || '—'}</dd>
          <dt>Visas</dt>
          <dd>{r.requirements.visas.map((v) => words.visaKinds[v as VisaKind] ?? v).join(', ') || '—'}</dd>
          <dt>Open for</dt>
          <dd>{r.daysOpen === null ? 'Not opened yet' : `${r.daysOpen} days${r.daysToFill !== null ? ` (filled in ${r.daysToFill})` : ''}`}</dd>
        </dl>
      </div>
      <div className="tabs" role="tablist" aria-label="Candidates shown as">
        <button type="button" role="tab" aria-selected={view === 'board'} onClick={() => setView('board')}>
          Board
        </button>
        <button type="button" role="tab" aria-selected={view === 'table'} onClick={() => setView('table')}>
          Table
        </button>
      </div>
      {view === 'board' ? (
        <PipelineBoard applications={apps} />
      ) : (
        <SortableTable rows={apps} columns={candidateColumns(r.vessel)} rowKey={(a) => a.id} caption={`Candidates for ${r.title}`} className="table card-table" />
      )}
      {live && <FitShortlist requisitionId={id} positionId={r.positionId} startDate={r.startDate} taken={new Set(apps.map((a) => a.personId))} />}
      {adding && <AddCandidateDialog requisitionId={id} onClose={() => setAdding(false)} />}
      {editing && <RequisitionForm requisition={r} onClose={() => setEditing(false)} />}
    </section>
  );
}
