import { useState } from 'react';
import { toast } from 'sonner';
import type { Output } from '../../../../shared/api';
import type { TraitRange } from '../../../../shared/fit/model';
import { useMayCall } from '../../auth/session';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../format';

type Profile = Output<'fit.profiles'>['profiles'][number];
const DOMAINS: Array<[string, string]> = [
  ['N', 'Neuroticism'],
  ['E', 'Extraversion'],
  ['O', 'Openness'],
  ['A', 'Agreeableness'],
  ['C', 'Conscientiousness'],
];
const name = (scale: string) => DOMAINS.find(([id]) => id === scale)?.[1] ?? scale;
const bound = (x: number | null) => (x === null ? '' : `${x > 0 ? '+' : ''}${x}`);

/** Target ranges per position (SD from the norm), each with its reason; shipped, and editable as new versions. */
export function ProfilesView() {
  const profiles = useApiQuery('fit.profiles', {});
  const [editing, setEditing] = useState<Profile | null>(null);
  const reset = useApiMutation('fit.resetProfile', ['fit.'], { onSuccess: (p) => toast.success(`${p.title}: back to the shipped profile`), onError: (e) => toast.error(e.message) });
  const mayEdit = useMayCall('fit.saveProfile');
  const data = profiles.data;
  return (
    <div>
      <p className="muted">
        Each range is in SD from the norm (0 = the norm group&apos;s average). A candidate inside every range gets the full profile part of Culture; outside, the part falls by the distance.
        Library {data?.version}.
      </p>
      {data?.profiles.map((p) => (
        <section key={p.title} className="card" aria-label={`${p.title} profile`}>
          <div className="card-header">
            <h2>{p.title}</h2>
            <span className="muted">
              {p.source}
              {p.editedBy && p.editedAt ? ` by ${p.editedBy}, ${formatDateTime(p.editedAt)}` : ''}
            </span>
            {mayEdit && (
              <button type="button" onClick={() => setEditing(p)}>
                Edit
              </button>
            )}
            {mayEdit && p.edits > 0 && (
              <button type="button" onClick={() => reset.mutate({ title: p.title })}>
                Back to shipped
              </button>
            )}
          </div>
          <ul className="reasons note">
            {p.ranges.map((r) => (
              <li key={r.scale}>
                <strong>
                  {name(r.scale)} {r.min !== null ? `from ${bound(r.min)}` : ''} {r.max !== null ? `to ${bound(r.max)}` : ''}
                </strong>
                : {r.why}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {data && (
        <details className="card">
          <summary>Sources</summary>
          <ul>{data.sources.map((s) => <li key={s}>{s}</li>)}</ul>
        </details>
      )}
      {editing && <ProfileForm profile={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function ProfileForm({ profile, onClose }: { profile: Profile; onClose(): void }) {
  const [ranges, setRanges] = useState<Record<string, { min: string; max: string; why: string }>>(() =>
    Object.fromEntries(DOMAINS.map(([id]) => {
      const r = profile.ranges.find((x) => x.scale === id);
      return [id, { min: r?.min?.toString() ?? '', max: r?.max?.toString() ?? '', why: r?.why ?? '' }];
    })),
  );
  const save = useApiMutation('fit.saveProfile', ['fit.'], {
    onSuccess: () => {
      toast.success(`${profile.title}: new profile saved`);
      onClose();
    },
    onError: (e) => toast.error(e.message),
  });
  const parsed: TraitRange[] = DOMAINS.flatMap(([id]) => {
    const r = ranges[id]!;
    if (r.min === '' && r.max === '') return [];
    return [{ scale: id, min: r.min === '' ? null : Number(r.min), max: r.max === '' ? null : Number(r.max), why: r.why.trim() || 'Edited without a reason' }];
  });
  return (
    <Dialog title={`Target ranges: ${profile.title}`} onClose={onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ title: profile.title, ranges: parsed });
        }}
      >
        <p className="muted">In SD from the norm, from −4 to +4; leave both ends empty for a trait the position sets no range on.</p>
        <table className="table compact">
          <thead>
            <tr>
              <th>Trait</th>
              <th>From</th>
              <th>To</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {DOMAINS.map(([id, label]) => (
              <tr key={id}>
                <td>{label}</td>
                {(['min', 'max'] as const).map((end) => (
                  <td key={end}>
                    <input type="number" step={0.25} min={-4} max={4} aria-label={`${label} ${end === 'min' ? 'from' : 'to'}`} value={ranges[id]![end]} onChange={(e) => setRanges({ ...ranges, [id]: { ...ranges[id]!, [end]: e.target.value } })} />
                  </td>
                ))}
                <td>
                  <input aria-label={`${label}: why`} value={ranges[id]!.why} onChange={(e) => setRanges({ ...ranges, [id]: { ...ranges[id]!, why: e.target.value } })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={save.isPending || parsed.length === 0}>
            Save as a new version
          </button>
        </div>
      </form>
    </Dialog>
  );
}
