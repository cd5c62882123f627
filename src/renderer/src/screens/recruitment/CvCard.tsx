import { useState } from 'react';
import { toast } from 'sonner';
import type { Input, Output } from '../../../../shared/api';
import { LANGUAGE_LEVELS, type LanguageLevel } from '../../../../shared/recruitment/pipeline';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../forms/form-helpers';
import { CvButtons } from './CvButtons';
import { useFieldErrors } from './use-field-errors';

type Profile = Output<'candidates.profile'>;
const yesNo = (v: boolean | null) => (v === null ? 'not said' : v ? 'yes' : 'no');
const fromChoice = (v: string) => (v === '' ? null : v === 'yes');
const toChoice = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

/** References as typed, one a line: "Name; Role; Vessel; Contact" (the last two may be left out). */
const parseReferences = (text: string): Input<'candidates.saveProfile'>['references'] =>
  text
    .split('\n')
    .map((l) => l.split(';').map((p) => p.trim()))
    .filter((p) => p[0])
    .map(([name, role, vessel, contact]) => ({ name: name!, role: role ?? '', vessel: vessel || null, contact: contact || null }));

function CvDetailsForm({ profile, languages, onClose }: { profile: Profile; languages: string[]; onClose(): void }) {
  const [levels, setLevels] = useState<Record<string, LanguageLevel>>(profile.languageLevels);
  const [smoker, setSmoker] = useState(toChoice(profile.smoker));
  const [tattoos, setTattoos] = useState(toChoice(profile.visibleTattoos));
  const [licence, setLicence] = useState(profile.drivingLicence ?? '');
  const [summary, setSummary] = useState(profile.summary ?? '');
  const [references, setReferences] = useState(profile.references.map((r) => [r.name, r.role, r.vessel ?? '', r.contact ?? ''].join('; ')).join('\n'));
  const { errors, report } = useFieldErrors(['references', 'summary', 'drivingLicence', 'languageLevels']);
  const save = useApiMutation('candidates.saveProfile', ['candidates.'], {
    onSuccess: () => {
      toast.success('CV details saved');
      onClose();
    },
    onError: report,
  });
  return (
    <Dialog title="CV details" onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ personId: profile.personId, languageLevels: levels, smoker: fromChoice(smoker), visibleTattoos: fromChoice(tattoos), drivingLicence: licence, summary, references: parseReferences(references) });
        }}
      >
        <div className="form-grid">
          {languages.map((l) => (
            <label key={l} className="field">
              <span>{l}</span>
              <select value={levels[l] ?? ''} onChange={(e) => setLevels((v) => ({ ...v, [l]: e.target.value as LanguageLevel }))}>
                <option value="">Level not said</option>
                {LANGUAGE_LEVELS.map((level) => (
                  <option key={level}>{level}</option>
                ))}
              </select>
            </label>
          ))}
          <label className="field">
            <span>Smoker</span>
            <select value={smoker} onChange={(e) => setSmoker(e.target.value)}>
              <option value="">Not said</option>
              <option value="no">No</option>
              <option value="yes">Yes</option>
            </select>
          </label>
          <label className="field">
            <span>Visible tattoos</span>
            <select value={tattoos} onChange={(e) => setTattoos(e.target.value)}>
              <option value="">Not said</option>
              <option value="no">No</option>
              <option value="yes">Yes</option>
            </select>
          </label>
          <Field label="Driving licence" error={errors.drivingLicence}>
            {(p) => <input {...p} value={licence} onChange={(e) => setLicence(e.target.value)} />}
          </Field>
        </div>
        <Field label="Profile (a few lines about them)" error={errors.summary}>
          {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        <Field label="References, one a line: name; role; vessel; contact" error={errors.references}>
          {(p) => <textarea {...p} rows={3} value={references} onChange={(e) => setReferences(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={save.isPending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A person's yacht CV: the facts it adds to the crew record, and the files. */
export function CvCard({ personId, languages, editable }: { personId: string; languages: string[]; editable: boolean }) {
  const profile = useApiQuery('candidates.profile', { id: personId });
  const [editing, setEditing] = useState(false);
  const p = profile.data;
  return (
    <div className="card">
      <h2>Yacht CV</h2>
      {p && (
        <p className="muted">
          Smoker: {yesNo(p.smoker)} · visible tattoos: {yesNo(p.visibleTattoos)} · driving licence: {p.drivingLicence ?? 'not said'} · {p.references.length} {p.references.length === 1 ? 'reference' : 'references'}
        </p>
      )}
      <div className="form-actions start">
        <CvButtons personId={personId} />
        {editable && p && (
          <button type="button" onClick={() => setEditing(true)}>
            CV details
          </button>
        )}
      </div>
      {editing && p && <CvDetailsForm profile={p} languages={languages} onClose={() => setEditing(false)} />}
    </div>
  );
}
