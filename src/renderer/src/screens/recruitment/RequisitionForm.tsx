import { useEffect, useState } from 'react';
import { words } from '../../../../shared/words';
import { toast } from 'sonner';
import { useLocation } from 'wouter';
import type { Requirements, Requisition } from '../../../../shared/api';
import { CERTIFICATE_KINDS } from '../../../../shared/domain/certificates';
import { VISA_KINDS } from '../../../../shared/fit/model';
import { todayIsoDate } from '../../../../shared/domain/dates';
import { call } from '../../api/client';
import { useApiQuery, invalidate } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { Field, numberOrNull } from '../../forms/form-helpers';
import { useQueryClient } from '@tanstack/react-query';
import { useFieldErrors } from './use-field-errors';

const FIELDS = ['positionId', 'title', 'startDate', 'rotation', 'salaryMin', 'salaryMax', 'currency', 'places', 'requirements'];

interface Draft {
  title: string;
  startDate: string;
  rotation: string;
  salaryMin: string;
  salaryMax: string;
  currency: string;
  places: string;
  requirements: Requirements;
}

const toggle = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

const draftOf = (r: Requisition): Draft => ({
  title: r.title,
  startDate: r.startDate,
  rotation: r.rotation ?? '',
  salaryMin: r.salaryMin?.toString() ?? '',
  salaryMax: r.salaryMax?.toString() ?? '',
  currency: r.currency ?? '',
  places: String(r.places),
  requirements: { ...r.requirements, certificates: r.requirements.certificates as Requirements['certificates'], visas: r.requirements.visas as Requirements['visas'] },
});

/**
 * A new requisition: the position first, then its terms and requirements as the position gives them, edited.
 * Given a requisition, changes its terms instead.
 */
export function RequisitionForm({ requisition, onClose }: { requisition?: Requisition; onClose(): void }) {
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const positions = useApiQuery('fit.positions', {});
  const [positionId, setPositionId] = useState(requisition?.positionId ?? '');
  const [draft, setDraft] = useState<Draft | null>(requisition ? draftOf(requisition) : null);
  const [openNow, setOpenNow] = useState(true);
  const [saving, setSaving] = useState(false);
  const { errors, report } = useFieldErrors(FIELDS);

  useEffect(() => {
    if (!positionId || requisition) return;
    void call('requisitions.defaults', { positionId }).then(
      (d) => setDraft({ title: d.title, startDate: todayIsoDate(), rotation: d.rotation ?? '', salaryMin: '', salaryMax: '', currency: 'EUR', places: String(d.places), requirements: d.requirements }),
      (error: Error) => toast.error(error.message),
    );
  }, [positionId, requisition]);

  const set = (changes: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...changes } : d));
  const setRequirements = (changes: Partial<Requirements>) => setDraft((d) => (d ? { ...d, requirements: { ...d.requirements, ...changes } } : d));

  async function save() {
    if (!draft) return;
    setSaving(true);
    const terms = {
      title: draft.title,
      startDate: draft.startDate,
      rotation: draft.rotation,
      salaryMin: numberOrNull(draft.salaryMin),
      salaryMax: numberOrNull(draft.salaryMax),
      currency: draft.currency,
      places: numberOrNull(draft.places) ?? Number.NaN,
      requirements: draft.requirements,
    };
    try {
      if (requisition) {
        await call('requisitions.update', { id: requisition.id, ...terms });
        await invalidate(client, ['requisitions.']);
        toast.success('Requisition saved');
        onClose();
        return;
      }
      const created = await call('requisitions.create', { positionId, ...terms });
      if (openNow) await call('requisitions.move', { id: created.id, status: 'open' });
      await invalidate(client, ['requisitions.']);
      toast.success(`Requisition for ${created.title} on ${created.vessel} ${openNow ? 'opened' : 'saved as a draft'}`);
      onClose();
      navigate(`/requisition/${created.id}`);
    } catch (error) {
      report(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog title={requisition ? `Edit ${requisition.title}` : 'New requisition'} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-grid">
          <Field label="Position" error={errors.positionId}>
            {(a) => (
              <select {...a} value={positionId} onChange={(e) => setPositionId(e.target.value)} autoFocus disabled={requisition !== undefined}>
                <option value="">Choose the vessel and position…</option>
                {requisition && <option value={requisition.positionId}>{requisition.vessel}: {requisition.title}</option>}
                {(positions.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.vessel}: {p.title} ({p.current} of {p.headcount} filled)
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft && (
            <>
              <Field label="Job title" error={errors.title}>
                {(a) => <input {...a} value={draft.title} onChange={(e) => set({ title: e.target.value })} />}
              </Field>
              <Field label="Start date" error={errors.startDate}>
                {(a) => <input {...a} type="date" value={draft.startDate} onChange={(e) => set({ startDate: e.target.value })} />}
              </Field>
              <Field label="Rotation (weeks on:off)" error={errors.rotation}>
                {(a) => <input {...a} value={draft.rotation} placeholder="none" onChange={(e) => set({ rotation: e.target.value })} />}
              </Field>
              <Field label="Salary from (per month)" error={errors.salaryMin}>
                {(a) => <input {...a} inputMode="numeric" value={draft.salaryMin} onChange={(e) => set({ salaryMin: e.target.value })} />}
              </Field>
              <Field label="Salary to (per month)" error={errors.salaryMax}>
                {(a) => <input {...a} inputMode="numeric" value={draft.salaryMax} onChange={(e) => set({ salaryMax: e.target.value })} />}
              </Field>
              <Field label="Currency" error={errors.currency}>
                {(a) => <input {...a} value={draft.currency} maxLength={3} onChange={(e) => set({ currency: e.target.value })} />}
              </Field>
              <Field label="Places" error={errors.places}>
                {(a) => <input {...a} inputMode="numeric" value={draft.places} onChange={(e) => set({ places: e.target.value })} />}
              </Field>
              <Field label="Years at sea at least" error={errors.requirements}>
                {(a) => <input {...a} inputMode="decimal" value={draft.requirements.minYearsAtSea ?? ''} onChange={(e) => setRequirements({ minYearsAtSea: numberOrNull(e.target.value) })} />}
              </Field>
              <Field label="Languages (separated by commas)">
                {(a) => <input {...a} value={draft.requirements.languages.join(', ')} onChange={(e) => setRequirements({ languages: e.target.value.split(',').map((l) => l.trim()).filter(Boolean) })} />}
              </Field>
            </>
          )}
        </div>
        {draft && (
          <>
            <fieldset className="checks">
              <legend>Certificates required</legend>
              {CERTIFICATE_KINDS.map((k) => (
                <label key={k}>
                  <input type="checkbox" checked={draft.requirements.certificates.includes(k)} onChange={() => setRequirements({ certificates: toggle(draft.requirements.certificates, k) })} /> {words.certificates[k]}
                </label>
              ))}
            </fieldset>
            <fieldset className="checks">
              <legend>Visas required</legend>
              {VISA_KINDS.map((k) => (
                <label key={k}>
                  <input type="checkbox" checked={draft.requirements.visas.includes(k)} onChange={() => setRequirements({ visas: toggle(draft.requirements.visas, k) })} /> {words.visaKinds[k]}
                </label>
              ))}
            </fieldset>
            {!requisition && (
              <label>
                <input type="checkbox" checked={openNow} onChange={(e) => setOpenNow(e.target.checked)} /> Open it now (otherwise it is kept as a draft)
              </label>
            )}
          </>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!draft || saving}>
            Save requisition
          </button>
        </div>
      </form>
    </Dialog>
  );
}
