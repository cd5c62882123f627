import { useState } from 'react';
import { toast } from 'sonner';
import { SUB_SCORES, type Weights } from '../../../../shared/fit/model';
import { words } from '../../../../shared/words';
import { useMayCall } from '../../auth/session';
import { useApiMutation } from '../../api/hooks';

/** Custom weights for a ranking (normalised by the core), and saving them under a name for next time. */
export function WeightsEditor({ initial, onUse }: { initial: Weights; onUse(weights: Weights | undefined): void }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(SUB_SCORES.map((s) => [s, String(Math.round(initial[s] * 100))])));
  const [label, setLabel] = useState('');
  const weights = Object.fromEntries(SUB_SCORES.map((s) => [s, Number(values[s])])) as Weights;
  const save = useApiMutation('fit.savePreset', ['fit.settings'], { onSuccess: (p) => toast.success(`Saved the weights as “${p.label}”`), onError: (e) => toast.error(e.message) });
  const maySave = useMayCall('fit.savePreset');
  const slug = label.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (
    <details className="card">
      <summary>Custom weights</summary>
      <p className="muted">Any numbers of 0 or more; they are scaled to add up to 100%.</p>
      <div className="form-grid">
        {SUB_SCORES.map((s) => (
          <label key={s} className="field">
            <span>{words.subScores[s]}</span>
            <input type="number" min={0} step={5} value={values[s]} onChange={(e) => setValues({ ...values, [s]: e.target.value })} />
          </label>
        ))}
      </div>
      <div className="form-actions">
        <button type="button" onClick={() => onUse(undefined)}>
          Back to the preset
        </button>
        <button type="button" className="primary" onClick={() => onUse(weights)}>
          Rank with these weights
        </button>
        {maySave && (
          <>
            <input aria-label="Name for these weights" placeholder="Name, e.g. Charter season" value={label} onChange={(e) => setLabel(e.target.value)} />
            <button type="button" disabled={!/^[a-z]/.test(slug) || save.isPending} onClick={() => save.mutate({ name: slug.slice(0, 40), label: label.trim(), weights })}>
              Save as a preset
            </button>
          </>
        )}
      </div>
    </details>
  );
}
