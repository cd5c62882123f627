import { useState } from 'react';
import { toast } from 'sonner';
import { LEAVE_REASONS, type LeaveReason } from '../../../../shared/fit/model';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../../format';
import { pct } from './labels';
import { words } from '../../../../shared/words';

interface Pending {
  assignmentId: string;
  personName: string;
  positionTitle: string;
  vessel: string;
  endDate: string;
}

/** How ended assignments went: the data a recalibration of the prediction learns from. */
export function OutcomesView() {
  const list = useApiQuery('outcomes.list', {});
  const [recording, setRecording] = useState<Pending | null>(null);
  const withdraw = useApiMutation('outcomes.archive', ['outcomes.', 'models.'], { onSuccess: () => toast.success('Outcome withdrawn'), onError: (e) => toast.error(e.message) });
  const data = list.data;
  return (
    <div>
      <div className="card">
        <h2>Ended assignments without an outcome</h2>
        {data && data.pending.length === 0 && <p className="muted">Every ended assignment has its outcome. When you end an assignment, record here how it went.</p>}
        {data && data.pending.length > 0 && (
          <table className="table compact">
            <caption className="sr-only">Ended assignments without an outcome</caption>
            <tbody>
              {data.pending.map((p) => (
                <tr key={p.assignmentId}>
                  <td>{p.personName}</td>
                  <td>
                    {p.positionTitle}, {p.vessel}
                  </td>
                  <td>
                    {formatDate(p.startDate)} – {formatDate(p.endDate)}
                  </td>
                  <td>
                    <button type="button" onClick={() => setRecording(p)}>
                      Record outcome
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <h2>Recorded outcomes</h2>
        {data && data.outcomes.length === 0 && <p className="muted">No outcome recorded yet.</p>}
        {data && data.outcomes.length > 0 && (
          <table className="table compact fit-table">
            <caption className="sr-only">Recorded outcomes</caption>
            <thead>
              <tr>
                <th>Name</th>
                <th>Post</th>
                <th>Ended</th>
                <th>Outcome</th>
                <th className="num">Rating</th>
                <th>Would rehire</th>
                <th className="num">Person · team · vessel · head at the start</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.outcomes.map((o) => (
                <tr key={o.id}>
                  <td>{o.personName}</td>
                  <td>
                    {o.positionTitle}, {o.vessel}
                  </td>
                  <td>{formatDate(o.endDate)}</td>
                  <td>
                    {o.completed ? 'Completed' : `Left early: ${words.leaveReasons[o.leaveReason ?? 'other'].toLowerCase()}`}
                    {o.success && <span className="badge ok">success</span>}
                  </td>
                  <td className="num">{o.rating ?? '—'}</td>
                  <td>{o.wouldRehire === null ? '—' : o.wouldRehire ? 'Yes' : 'No'}</td>
                  <td className="num">{[o.factors.individual, o.factors.team, o.factors.environment, o.factors.leader].map((f) => pct(f)).join(' · ')}</td>
                  <td>
                    <button type="button" className="link" onClick={() => withdraw.mutate({ id: o.id })}>
                      Withdraw
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
