import { useState } from 'react';
import { words } from '../../../../shared/words';
import { Link } from 'wouter';
import type { Requisition } from '../../../../shared/api';
import { FORWARD_STAGES, REQUISITION_STATUSES } from '../../../../shared/recruitment/pipeline';
import { SortableTable, type Column } from '../../components/SortableTable';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../format';
import { NoPositions } from './NoPositions';
import { RequisitionForm } from './RequisitionForm';
import { Can } from '../../auth/Can';

const STATUS_BADGE: Record<Requisition['status'], string> = { draft: '', open: 'ok', paused: 'warn', filled: 'info', closed: '', cancelled: 'bad' };

export const RequisitionStatus = ({ status }: { status: Requisition['status'] }) => <span className={`badge ${STATUS_BADGE[status]}`}>{words.requisitionStatuses[status]}</span>;

export const salaryText = (r: Pick<Requisition, 'salaryMin' | 'salaryMax' | 'currency'>) =>
  r.salaryMin === null && r.salaryMax === null ? '—' : `${[r.salaryMin, r.salaryMax].filter((v) => v !== null).map((v) => v!.toLocaleString('en-GB')).join('–')} ${r.currency ?? ''}/month`;

const days = (n: number | null) => (n === null ? '—' : `${n} ${n === 1 ? 'day' : 'days'}`);

function Figures() {
  const figures = useApiQuery('requisitions.figures', {});
  const f = figures.data;
  if (!f) return null;
  return (
    <div className="card">
      <h2>Across requisitions</h2>
      <dl className="facts">
        <dt>Open</dt>
        <dd>{f.requisitions.open}</dd>
        <dt>Hires</dt>
        <dd>{f.hires}</dd>
        <dt>Time to hire</dt>
        <dd>{f.timeToHire.median === null ? '—' : `${f.timeToHire.median} days at the median (mean ${f.timeToHire.mean})`}</dd>
        <dt>Time to fill</dt>
        <dd>{f.timeToFill.median === null ? '—' : `${f.timeToFill.median} days at the median (mean ${f.timeToFill.mean})`}</dd>
        <dt>Source of hires</dt>
        <dd>{f.sourceOfHires.length === 0 ? '—' : f.sourceOfHires.map((s) => `${s.source}: ${s.hires} of ${s.applications}`).join(' · ')}</dd>
      </dl>
    </div>
  );
}

const COLUMNS: Array<Column<Requisition>> = [
  { id: 'title', header: 'Requisition', sortBy: (r) => r.title, cell: (r) => <Link href={`/requisition/${r.id}`}>{r.title}</Link> },
  { id: 'vessel', header: 'Vessel', sortBy: (r) => r.vessel, cell: (r) => r.vessel },
  { id: 'start', header: 'Starts', sortBy: (r) => r.startDate, cell: (r) => formatDate(r.startDate) },
  { id: 'status', header: 'Status', sortBy: (r) => REQUISITION_STATUSES.indexOf(r.status), cell: (r) => <RequisitionStatus status={r.status} /> },
  { id: 'places', header: 'Places', className: 'num', sortBy: (r) => r.places - r.placed, cell: (r) => `${r.placed} of ${r.places}` },
  ...FORWARD_STAGES.map((s): Column<Requisition> => ({ id: s, header: words.applicationStages[s], className: 'num', sortBy: (r) => r.stages[s], cell: (r) => r.stages[s] || '·' })),
  { id: 'open', header: 'Open for', className: 'num', sortBy: (r) => r.daysOpen, cell: (r) => days(r.daysOpen) },
  { id: 'fill', header: 'Time to fill', className: 'num', sortBy: (r) => r.daysToFill, cell: (r) => days(r.daysToFill) },
];

/** Every requisition with its figures, open ones first (every column sorts); a new one starts from a vessel position. */
export function RequisitionsView() {
  const list = useApiQuery('requisitions.list', {});
  const positions = useApiQuery('fit.positions', {});
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  if (list.isSuccess && rows.length === 0 && positions.isSuccess && positions.data.length === 0) return <NoPositions />;
  return (
    <div>
      <Can need="recruitment.write">
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New requisition
          </button>
        </div>
      </Can>
      {list.isError && <p className="notice bad">{list.error.message}</p>}
      {list.isSuccess && rows.length === 0 && (
        <div className="empty card">
          <h2>No requisitions yet</h2>
          <p>A requisition is a job to fill on one of your vessels&apos; positions. Start one, then add candidates to it.</p>
        </div>
      )}
      {rows.length > 0 && <SortableTable rows={rows} columns={COLUMNS} rowKey={(r) => r.id} caption="Requisitions" className="table card-table" />}
      <Figures />
      {creating && <RequisitionForm onClose={() => setCreating(false)} />}
    </div>
  );
}
