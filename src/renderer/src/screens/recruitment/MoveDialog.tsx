import { useState } from 'react';
import { words } from '../../../../shared/words';
import { toast } from 'sonner';
import type { Application } from '../../../../shared/api';
import type { ApplicationStage } from '../../../../shared/recruitment/pipeline';
import { useApiMutation } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { Field, numberOrNull } from '../../forms/form-helpers';
import { formatDate } from '../../format';
import { useFieldErrors } from './use-field-errors';

/** Stages a move needs more for: an offer its terms, an exit its reason, a placement the hire itself. */
export const needsDialog = (to: ApplicationStage) => to === 'offered' || to === 'placed' || to === 'rejected' || to === 'withdrawn';

const REFRESH = ['applications.', 'requisitions.', 'notifications.', 'vessels.', 'people.', 'assignments.'];

export function MoveDialog({ application: a, to, onClose }: { application: Application; to: ApplicationStage; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [startDate, setStartDate] = useState(a.offerStartDate ?? '');
  const [rotation, setRotation] = useState(a.offerRotation ?? '');
  const [salary, setSalary] = useState(a.offerSalary?.toString() ?? '');
  const { errors, report } = useFieldErrors(['reason', 'offer', 'startDate']);
  const move = useApiMutation('applications.move', REFRESH);
  const hire = useApiMutation('applications.hire', REFRESH);
  const label = words.applicationStages[to];

  async function submit() {
    try {
      if (to === 'placed') {
        const hired = await hire.mutateAsync({ id: a.id, startDate: startDate || null });
        toast.success(`${a.personName} hired: joins ${a.vessel} on ${formatDate(hired.application.offerStartDate)}${hired.requisition.status === 'filled' ? '; the requisition is filled' : ''}`);
      } else {
        await move.mutateAsync({ id: a.id, stage: to, reason: reason || null, ...(to === 'offered' ? { offer: { startDate, rotation, salary: numberOrNull(salary) } } : {}) });
        toast.success(`${a.personName}: ${label}`);
      }
      onClose();
    } catch (error) {
      report(error);
    }
  }

  return (
    <Dialog title={to === 'placed' ? `Hire ${a.personName}` : `${a.personName}: ${label}`} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          {(to === 'rejected' || to === 'withdrawn') && (
            <Field label={to === 'rejected' ? 'Why they are rejected' : 'Why they withdrew'} error={errors.reason}>
              {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />}
            </Field>
          )}
          {to === 'offered' && (
            <>
              <Field label="Start date" error={errors.offer}>
                {(p) => <input {...p} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} autoFocus />}
              </Field>
              <Field label="Rotation (weeks on:off)">{(p) => <input {...p} value={rotation} onChange={(e) => setRotation(e.target.value)} />}</Field>
              <Field label="Salary (per month)">{(p) => <input {...p} inputMode="numeric" value={salary} onChange={(e) => setSalary(e.target.value)} />}</Field>
            </>
          )}
          {to === 'placed' && (
            <>
              <p>
                Hiring creates {a.personName}&apos;s assignment as {a.requisitionTitle} on {a.vessel}
                {a.offerRotation ? `, rotation ${a.offerRotation}` : ''}.
              </p>
              <Field label="Start date" error={errors.startDate}>
                {(p) => <input {...p} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} autoFocus />}
              </Field>
            </>
          )}
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={move.isPending || hire.isPending}>
            {to === 'placed' ? 'Hire' : label}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
