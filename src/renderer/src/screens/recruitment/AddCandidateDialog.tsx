import { useState } from 'react';
import { toast } from 'sonner';
import type { Duplicate, Person } from '../../../../shared/api';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { PersonForm } from '../../forms/PersonForm';
import { formatDate } from '../../format';
import { useDebounced } from '../crew/useDebounced';

const SOURCES = ['Agency', 'Direct application', 'Referral', 'Crew house', 'Job board', 'Candidate fit ranking'];

/**
 * Puts a person on a requisition: one already stored, found by name, or a new one. A new person who looks like
 * someone stored (docs/recruitment.md#duplicates) is shown beside them, to be merged or kept apart.
 */
export function AddCandidateDialog({ requisitionId, onClose }: { requisitionId: string; onClose(): void }) {
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [source, setSource] = useState(SOURCES[0]!);
  const [agency, setAgency] = useState('');
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const debounced = useDebounced(search, 200);
  const found = useApiQuery('people.list', { search: debounced, limit: 8 }, { enabled: debounced.trim().length > 1 });
  const create = useApiMutation('applications.create', ['applications.', 'requisitions.', 'notifications.']);
  const merge = useApiMutation('people.merge', ['people.', 'applications.', 'requisitions.']);

  async function addPerson(personId: string, name: string): Promise<boolean> {
    try {
      await create.mutateAsync({ requisitionId, personId, source, agency: source === 'Agency' ? agency : null });
      toast.success(`${name} added as a candidate`);
      return true;
    } catch (error) {
      toast.error((error as Error).message);
      return false;
    }
  }

  /** A person just entered: first, are they someone already stored? */
  async function addNewPerson(person: Person) {
    const near = await call('people.duplicates', { personId: person.id }).catch(() => []);
    if (near.length > 0) setDuplicates(near);
    else if (await addPerson(person.id, `${person.givenNames} ${person.surname}`)) onClose();
  }

  async function mergeInto(d: Duplicate) {
    try {
      const merged = await merge.mutateAsync({ keepId: d.otherId, mergeId: d.personId });
      toast.success(`Merged ${d.name} into ${d.otherName}: every record of both is kept`);
      const already = await call('applications.list', { requisitionId, personId: d.otherId });
      if (already.length > 0 || (await addPerson(merged.person.id, d.otherName))) onClose();
    } catch (error) {
      toast.error((error as Error).message);
    }
  }

  async function keepApart(d: Duplicate) {
    if (await addPerson(d.personId, d.name)) onClose();
  }

  if (duplicates.length > 0) {
    return (
      <Dialog title="Possible duplicate" onClose={onClose}>
        {duplicates.map((d) => (
          <div key={d.otherId} className="notice warn" role="alert">
            <p>
              <strong>{d.name}</strong> (born {formatDate(d.dateOfBirth)}) may be <strong>{d.otherName}</strong> (born {formatDate(d.otherDateOfBirth)}), already stored: {d.reasons.join('; ')}.
            </p>
            <div className="form-actions">
              <button type="button" className="primary" onClick={() => void mergeInto(d)} disabled={merge.isPending}>
                Merge into {d.otherName}
              </button>
            </div>
          </div>
        ))}
        <div className="form-actions">
          <button type="button" onClick={() => void keepApart(duplicates[0]!)}>
            Keep them apart
          </button>
        </div>
      </Dialog>
    );
  }
  if (adding) return <PersonForm onClose={() => setAdding(false)} onSaved={(p: Person) => void addNewPerson(p)} />;
  return (
    <Dialog title="Add a candidate" onClose={onClose}>
      <div className="form-grid">
        <label className="field">
          <span>Source</span>
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            {SOURCES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        {source === 'Agency' && (
          <label className="field">
            <span>Agency putting them forward</span>
            <input value={agency} onChange={(e) => setAgency(e.target.value)} />
          </label>
        )}
        <label className="field">
          <span>Find a person by name</span>
          <input value={search} onChange={(e) => setSearch(e.target.value)} autoFocus />
        </label>
      </div>
      <ul className="plain-list">
        {(found.data?.rows ?? []).map((p) => (
          <li key={p.id}>
            {p.givenNames} {p.surname}, born {formatDate(p.dateOfBirth)}{' '}
            <button type="button" onClick={() => void addPerson(p.id, `${p.givenNames} ${p.surname}`).then((ok) => ok && onClose())} aria-label={`Add ${p.givenNames} ${p.surname}`}>
              Add
            </button>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          A new person…
        </button>
      </div>
    </Dialog>
  );
}
