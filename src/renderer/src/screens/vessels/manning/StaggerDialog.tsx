import { toast } from 'sonner';
import type { DutyGap, Input } from '../../../../../shared/api';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { Dialog } from '../../../components/Dialog';
import { formatDate } from '../../../format';
import { describeRotation, titleInSentence } from './manning-text';
import { words } from '../../../../../shared/words';

/** Everything a rotation change shows in: the calendar, statuses, crew lists and the planned tours of certificates. */
const AFFECTED = ['vessels.', 'people.', 'documents.'];

function GapComparison({ before, after }: { before: DutyGap[]; after: DutyGap[] }) {
  const duties = [...new Map([...before, ...after].map((g) => [g.duty, g.label])).entries()];
  if (duties.length === 0) return <p>Every must-be-aboard position is covered on every day, before and after.</p>;
  const days = (gaps: DutyGap[], duty: string) => gaps.find((g) => g.duty === duty)?.days ?? 0;
  return (
    <table className="table compact">
      <caption className="sr-only">Days with nobody aboard, before and after</caption>
      <thead>
        <tr>
          <th>Must be aboard</th>
          <th>Days nobody aboard now</th>
          <th>With the changes</th>
        </tr>
      </thead>
      <tbody>
        {duties.map(([duty, label]) => (
          <tr key={duty}>
            <td>{label}</td>
            <td>{days(before, duty)}</td>
            <td>{days(after, duty)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A stagger proposal to preview: who changes, from when, and what it does to the uncovered days. Nothing is
 * stored until confirmed; the toast that follows has an Undo that puts the earlier rotations back.
 */
export function StaggerDialog({ vesselId, onClose }: { vesselId: string; onClose(): void }) {
  const apply = useApiMutation('vessels.applyStagger', AFFECTED);
  // Once applied, the proposal on screen stays as confirmed while everything else refetches.
  const proposal = useApiQuery('vessels.proposeStagger', { vesselId }, { gcTime: 0, enabled: apply.isIdle });
  const data = proposal.data;
  const stillUncovered = data?.after ?? [];

  function confirm() {
    if (!data) return;
    const changes: Input<'vessels.applyStagger'>['changes'] = data.changes.map((c) => ({ assignmentId: c.assignmentId, from: c.currentRestart, to: c.restart }));
    apply.mutate(
      { vesselId, changes },
      {
        onSuccess: ({ changed }) => {
          onClose();
          toast.success(`Staggered ${changed} rotation${changed === 1 ? '' : 's'}`, {
            action: {
              label: 'Undo',
              onClick: () =>
                apply.mutate(
                  { vesselId, changes: changes.map((c) => ({ assignmentId: c.assignmentId, from: c.to, to: c.from })) },
                  { onSuccess: () => toast.success('Rotations put back as they were'), onError: (error) => toast.error(error.message) },
                ),
            },
            duration: 10_000,
          });
        },
        onError: (error) => toast.error(error.message),
      },
    );
  }

  return (
    <Dialog title="Stagger rotations" onClose={onClose} wide>
      {proposal.isPending && <p className="muted">Working out a proposal…</p>}
      {proposal.isError && <p className="notice bad">{proposal.error.message}</p>}
      {data && data.changes.length === 0 && <p>No change of rotation start days would cover the must-be-aboard positions better or spread leave more evenly.</p>}
      {data && data.changes.length > 0 && (
        <>
          <p>
            Each person below starts a new stretch aboard on the day shown, then follows their rotation from there. Until that day nothing changes, and
            nothing before {formatDate(data.from)} is rewritten.
          </p>
          <table className="table compact">
            <caption className="sr-only">Proposed changes</caption>
            <thead>
              <tr>
                <th>Name</th>
                <th>Position</th>
                <th>Rotation now</th>
                <th>New stretch aboard from</th>
              </tr>
            </thead>
            <tbody>
              {data.changes.map((c) => (
                <tr key={c.assignmentId}>
                  <td>{c.name}</td>
                  <td>
                    {c.positionTitle} <span className="muted">· {words.departments[c.department]}</span>
                  </td>
                  <td>{describeRotation(c.rotation, c.currentRestart)}</td>
                  <td>{formatDate(c.restart)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {data && (
        <>
          <h3 style={{ marginTop: '1rem' }}>
            From {formatDate(data.from)} to {formatDate(data.to)}
          </h3>
          <GapComparison before={data.before} after={data.after} />
          {stillUncovered.map((gap) => (
            <p key={gap.duty} className="notice warn">
              Still no {titleInSentence(gap.label)} aboard on {gap.days} day{gap.days === 1 ? '' : 's'}. Staggering alone cannot cover these days (one person on
              rotation is away part of every cycle, and a vacant position is never covered): add a relief {titleInSentence(gap.label)}, or change a rotation.
            </p>
          ))}
        </>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {data?.changes.length ? 'Cancel' : 'Close'}
        </button>
        {data && data.changes.length > 0 && (
          <button type="button" className="primary" onClick={confirm} disabled={apply.isPending}>
            Apply {data.changes.length} change{data.changes.length === 1 ? '' : 's'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
