import { useState } from 'react';
import { toast } from 'sonner';
import type { CertificateKindId } from '../../../../shared/domain/certificates';
import { CERTIFICATE_KINDS } from '../../../../shared/domain/certificates';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Dialog } from '../Dialog';
import { Field } from '../../forms/form-helpers';
import { words } from '../../../../shared/words';

/** The vessel layer of the requirements (docs/domain.md#requirements-by-position): per position title. */
export function RequirementsDialog({ vesselId, onClose }: { vesselId: string; onClose(): void }) {
  const requirements = useApiQuery('documents.requirements', { vesselId });
  const [title, setTitle] = useState<string | null>(null);
  const [edited, setEdited] = useState<Set<CertificateKindId> | null>(null);
  const save = useApiMutation('documents.setRequirements', ['documents.'], {
    onSuccess: (_data, input) => {
      toast.success(input.kinds === null ? `${input.title}: back to the defaults for the position` : `Saved what ${input.title} requires on this vessel`);
      setEdited(null);
    },
    onError: (error) => toast.error(error.message),
  });
  const positions = requirements.data?.positions ?? [];
  const current = positions.find((p) => p.title === title) ?? positions[0];
  const checked = edited ?? new Set(current?.kinds ?? []);
  return (
    <Dialog title="Certificate requirements" onClose={onClose} wide>
      {requirements.isError && <p className="notice bad">{requirements.error.message}</p>}
      {requirements.data && positions.length === 0 && <p className="muted">Add positions to the vessel first.</p>}
      {current && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ vesselId, title: current.title, kinds: [...checked] });
          }}
        >
          <Field label="Position" hint={current.overridden ? 'This vessel has its own list for this position' : 'Following the defaults for this position'}>
            {(a) => (
              <select
                {...a}
                value={current.title}
                onChange={(event) => {
                  setTitle(event.target.value);
                  setEdited(null);
                }}
              >
                {positions.map((p) => (
                  <option key={p.title} value={p.title}>
                    {p.title}
                    {p.overridden ? ' (own list)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="form-grid">
            <legend>Required certificates</legend>
            {CERTIFICATE_KINDS.map((kind) => (
              <label key={kind} className="check">
                <input
                  type="checkbox"
                  checked={checked.has(kind)}
                  onChange={(event) => {
                    const next = new Set(checked);
                    if (event.target.checked) next.add(kind);
                    else next.delete(kind);
                    setEdited(next);
                  }}
                />{' '}
                {words.certificates[kind]}
                {current.defaults.includes(kind) ? <span className="muted"> · default</span> : null}
              </label>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="button" onClick={() => save.mutate({ vesselId, title: current.title, kinds: null })} disabled={!current.overridden || save.isPending}>
              Reset to default
            </button>
            <button type="button" onClick={onClose}>
              Done
            </button>
            <button type="submit" className="primary" disabled={save.isPending || edited === null}>
              Save for {current.title}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
