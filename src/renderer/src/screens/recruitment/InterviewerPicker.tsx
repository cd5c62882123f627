import { useId, useState, type KeyboardEvent } from 'react';
import { words } from '../../../../shared/words';
import type { Output } from '../../../../shared/api';
import { useApiQuery } from '../../api/hooks';

type Colleague = Output<'interviews.interviewers'>[number];

const matches = (c: Colleague, query: string) => {
  const q = query.trim().toLowerCase();
  return q === '' || c.name.toLowerCase().includes(q) || words.roles[c.role].toLowerCase().includes(q);
};

/**
 * Interviewers are chosen from the colleagues who may interview for the application (`interviews.interviewers`):
 * type to narrow by name or role, ↓/↑ to move through the matches, Enter to add one, Backspace in an empty box
 * to take the last one off. The chosen ones stand above the box, each with a button to remove it.
 */
export function InterviewerPicker({ applicationId, value, onChange, error }: { applicationId: string; value: string[]; onChange(ids: string[]): void; error?: string | undefined }) {
  const directory = useApiQuery('interviews.interviewers', { applicationId });
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const colleagues = directory.data ?? [];
  const chosen = value.map((v) => colleagues.find((c) => c.id === v)).filter((c): c is Colleague => c !== undefined);
  const options = colleagues.filter((c) => !value.includes(c.id) && matches(c, query));
  const current = options[Math.min(active, options.length - 1)];

  function pick(c: Colleague) {
    onChange([...value, c.id]);
    setQuery('');
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length === 0 ? 0 : (Math.min(a, options.length - 1) + step + options.length) % options.length));
    } else if (event.key === 'Enter') {
      // Enter picks while the list is open; otherwise it submits the form as usual.
      if (open && current) {
        event.preventDefault();
        pick(current);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && query === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const listId = `${id}-list`;
  const messageId = `${id}-message`;
  return (
    <div className="field interviewer-picker">
      <label htmlFor={id}>Interviewers</label>
      {chosen.length > 0 && (
        <ul className="chosen" aria-label="Chosen interviewers">
          {chosen.map((c) => (
            <li key={c.id}>
              {c.name} <span className="muted">({words.roles[c.role]})</span>
              <button type="button" className="link" aria-label={`Remove ${c.name}`} onClick={() => onChange(value.filter((v) => v !== c.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && current ? `${id}-${current.id}` : undefined}
        aria-invalid={error !== undefined}
        aria-describedby={error ? messageId : undefined}
        placeholder={directory.isSuccess && colleagues.length === 0 ? 'Nobody may interview for this vessel yet' : 'Type a name or a role…'}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Colleagues who may interview" className="picker-options">
          {options.map((c) => (
            <li
              key={c.id}
              id={`${id}-${c.id}`}
              role="option"
              aria-selected={c === current}
              className={c === current ? 'active' : undefined}
              // Chosen on mouse down, before the box loses focus and closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              {c.name} <span className="muted">{words.roles[c.role]}</span>
            </li>
          ))}
        </ul>
      )}
      {open && query.trim() !== '' && options.length === 0 && <span className="field-hint">Nobody else who may interview matches “{query.trim()}”.</span>}
      {error && (
        <span className="field-error" id={messageId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
