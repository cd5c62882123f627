import { useState } from 'react';
import { toast } from 'sonner';
import { LEAVE_REASONS, type LeaveReason } from '../../../../shared/fit/model';
import type { Output } from '../../../../shared/api';
import { useMayCall } from '../../auth/session';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SortableTable, type Column } from '../../components/SortableTable';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../format';
import { pct } from './labels';
import { words } from '../../../../shared/words';

type Pending = Output<'outcomes.list'>['pending'][number];
type Outcome = Output<'outcomes.list'>['outcomes'][number];

/** `record` is null for a user who may not record outcomes: the column of buttons is left out. */
function pendingColumns(record: ((pending: Pending) => void) | null): Array<Column<Pending>> {
  const columns: Array<Column<Pending>> = [
    { id: 'name', header: 'Name', sortBy: (p) => p.personName, cell: (p) => p.personName },
    { id: 'post', header: 'Post', sortBy: (p) => `${p.positionTitle}, ${p.vessel}`, cell: (p) => `${p.positionTitle}, ${p.vessel}` },
    { id: 'served', header: 'Served', sortBy: (p) => p.endDate, cell: (p) => `${formatDate(p.startDate)} – ${formatDate(p.endDate)}` },
    {
      id: 'actions',
      header: '',
      cell: (p) => (
        <button type="button" onClick={() => record?.(p)}>
          Record outcome
        </button>
      ),
    },
  ];
  return record ? columns : columns.filter((c) => c.id !== 'actions');
}

const outcomeWords = (o: Outcome) => (o.completed ? 'Completed' : `Left early: ${words.leaveReasons[o.leaveReason ?? 'other'].toLowerCase()}`);

function outcomeColumns(withdraw: ((id: string) => void) | null): Array<Column<Outcome>> {
  const columns: Array<Column<Outcome>> = [
    { id: 'name', header: 'Name', sortBy: (o) => o.personName, cell: (o) => o.personName },
    { id: 'post', header: 'Post', sortBy: (o) => `${o.positionTitle}, ${o.vessel}`, cell: (o) => `${o.positionTitle}, ${o.vessel}` },
    { id: 'ended', header: 'Ended', sortBy: (o) => o.endDate, cell: (o) => formatDate(o.endDate) },
    {
      id: 'outcome',
      header: 'Outcome',
      sortBy: outcomeWords,
      cell: (o) => (
        <>
          {outcomeWords(o)}
          {o.success && <span className="badge ok">success</span>}
        </>
      ),
    },
    { id: 'rating', header: 'Rating', className: 'num', sortBy: (o) => o.rating, cell: (o) => o.rating ?? '—' },
    { id: 'rehire', header: 'Would rehire', sortBy: (o) => (o.wouldRehire === null ? null : o.wouldRehire ? 0 : 1), cell: (o) => (o.wouldRehire === null ? '—' : o.wouldRehire ? 'Yes' : 'No') },
    {
      id: 'factors',
      header: 'Person · team · vessel · head at the start',
      className: 'num',
      cell: (o) => [o.factors.individual, o.factors.team, o.factors.environment, o.factors.leader].map((f) => pct(f)).join(' · '),
    },
    {
      id: 'actions',
      header: '',
      cell: (o) => (
        <button type="button" className="link" onClick={() => withdraw?.(o.id)}>
          Withdraw
        </button>
      ),
    },
  ];
  return withdraw ? columns : columns.filter((c) => c.id !== 'actions');
}

/** How ended assignments went: the data a recalibration of the prediction learns from. */
export function OutcomesView() {
  const list = useApiQuery('outcomes.list', {});
  const [recording, setRecording] = useState<Pending | null>(null);
  const withdraw = useApiMutation('outcomes.archive', ['outcomes.', 'models.'], { onSuccess: () => toast.success('Outcome withdrawn'), onError: (e) => toast.error(e.message) });
  const mayRecord = useMayCall('outcomes.record');
  const mayWithdraw = useMayCall('outcomes.archive');
  const data = list.data;
  return (
    <div>
      <div className="card">
        <h2>Ended assignments without an outcome</h2>
        {data && data.pending.length === 0 && <p className="muted">Every ended assignment has its outcome. When you end an assignment, record here how it went.</p>}
        {data && data.pending.length > 0 && (
          <SortableTable rows={data.pending} columns={pendingColumns(mayRecord ? setRecording : null)} rowKey={(p) => p.assignmentId} caption="Ended assignments without an outcome" className="table compact" />
        )}
      </div>
      <div className="card">
        <h2>Recorded outcomes</h2>
        {data && data.outcomes.length === 0 && <p className="muted">No outcome recorded yet.</p>}
        {data && data.outcomes.length > 0 && (
          <SortableTable rows={data.outcomes} columns={outcomeColumns(mayWithdraw ? (id) => withdraw.mutate({ id }) : null)} rowKey={(o) => o.id} caption="Recorded outcomes" className="table compact fit-table" />
        )}
      </div>
      {recording && <OutcomeForm pending={recording} onClose={() => setRecording(null)} />}
    </div>
  );
}

function OutcomeForm({ pending, onClose }: { pending: Pending; onClose(): void }) {
  const [completed, setCompleted] = useState(true);
  const [reason, setReason] = useState<LeaveReason>('better-offer');
  const [rating, setRating] = useState<number | null>(null);
  const [rehire, setRehire] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const record = useApiMutation('outcomes.record', ['outcomes.', 'models.'], {
    onSuccess: () => {
      toast.success('Outcome recorded');
      onClose();
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <Dialog title={`How did ${pending.personName}'s time as ${pending.positionTitle} go?`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate({ assignmentId: pending.assignmentId, completed, leaveReason: completed ? null : reason, rating, wouldRehire: rehire, note });
        }}
      >
        <div className="form-grid">
          <label className="field">
            <span>{words.fields.completed}</span>
            <select value={completed ? 'yes' : 'no'} onChange={(e) => setCompleted(e.target.value === 'yes')}>
              <option value="yes">Completed</option>
              <option value="no">Left early</option>
            </select>
          </label>
          {!completed && (
            <label className="field">
              <span>{words.fields.leaveReason}</span>
              <select value={reason} onChange={(e) => setReason(e.target.value as LeaveReason)}>
                {LEAVE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {words.leaveReasons[r]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>{words.fields.rating}</span>
            <select value={rating ?? ''} onChange={(e) => setRating(e.target.value ? Number(e.target.value) : null)}>
              <option value="">Not rated</option>
              {[1, 2, 3, 4, 5].map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{words.fields.wouldRehire}</span>
            <select value={rehire === null ? '' : rehire ? 'yes' : 'no'} onChange={(e) => setRehire(e.target.value === '' ? null : e.target.value === 'yes')}>
              <option value="">Not said</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          </label>
          <label className="field">
            <span>{words.fields.note}</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={record.isPending}>
            Record
          </button>
        </div>
      </form>
    </Dialog>
  );
}
