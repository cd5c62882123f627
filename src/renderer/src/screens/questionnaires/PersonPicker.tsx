import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { useDebounced } from '../crew/useDebounced';

/** Find a person by name as you type and choose one; the choice is shown with a way to change it. */
export function PersonPicker({ value, onChange, id }: { value: { id: string; name: string } | null; onChange(person: { id: string; name: string } | null): void; id: string }) {
  const [search, setSearch] = useState('');
  const term = useDebounced(search, 200);
  const people = useApiQuery('people.list', { search: term, limit: 8 }, { enabled: value === null && term.trim().length > 1 });
  if (value)
    return (
      <div className="filters">
        <strong>{value.name}</strong>
        <button type="button" className="link" onClick={() => onChange(null)}>
          Change
        </button>
      </div>
    );
  return (
    <div>
      <input id={id} value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Type a name" autoComplete="off" />
      {people.data && (
        <ul className="reasons note" aria-label="People found">
          {people.data.rows.map((p) => (
            <li key={p.id}>
              <button type="button" className="link" onClick={() => onChange({ id: p.id, name: `${p.givenNames} ${p.surname}` })}>
                {p.givenNames} {p.surname}
              </button>
            </li>
          ))}
          {people.data.rows.length === 0 && <li className="muted">Nobody of that name.</li>}
        </ul>
      )}
    </div>
  );
}
