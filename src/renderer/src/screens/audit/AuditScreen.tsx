import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { AUDIT_ACTIONS, AUDITED_TABLES, type AuditAction, type AuditedTable, type AuditVerify } from '../../../../shared/api';
import { words } from '../../../../shared/words';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useMe } from '../../auth/session';
import { EnumOptions } from '../../forms/form-helpers';
import { AuditEntries } from './AuditEntries';

const PAGE = 100;

interface Filters {
  personId: string;
  personName: string;
  table: AuditedTable | '';
  rowId: string;
  user: string;
  since: string;
  until: string;
  action: AuditAction | '';
}
const NONE: Filters = { personId: '', personName: '', table: '', rowId: '', user: '', since: '', until: '', action: '' };

/** Choose a person by typing part of their name. */
function PersonFilter({ filters, set }: { filters: Filters; set(change: Partial<Filters>): void }) {
  const [term, setTerm] = useState('');
  const found = useApiQuery('people.list', { search: term, limit: 8 }, { enabled: term.trim().length > 1 });
  if (filters.personId) {
    return (
      <span className="chip">
        Person: {filters.personName}{' '}
        <button type="button" className="link" onClick={() => set({ personId: '', personName: '' })} aria-label={`Show everyone, not only ${filters.personName}`}>
          ✕
        </button>
      </span>
    );
  }
  return (
    <label>
      Person{' '}
      <input type="search" value={term} onChange={(e) => setTerm(e.target.value)} placeholder="Part of a name" />
      {found.data && found.data.rows.length > 0 && (
        <select aria-label="Matching people" value="" onChange={(e) => {
          const person = found.data.rows.find((p) => p.id === e.target.value);
          if (person) set({ personId: person.id, personName: `${person.givenNames} ${person.surname}` });
          setTerm('');
        }}>
          <option value="">{found.data.rows.length} found: choose…</option>
          {found.data.rows.map((p) => (
            <option key={p.id} value={p.id}>
              {p.givenNames} {p.surname}
            </option>
          ))}
        </select>
      )}
    </label>
  );
}

function VerifyCard() {
  const [outcome, setOutcome] = useState<AuditVerify | null>(null);
  const verify = useApiMutation('audit.verify', [], { onSuccess: setOutcome });
  return (
    <div className="card">
      <div className="card-header">
        <h2>The chain</h2>
        <button type="button" onClick={() => verify.mutate({})} disabled={verify.isPending}>
          {verify.isPending ? 'Verifying…' : 'Verify the chain'}
        </button>
      </div>
      <p className="muted">Each entry is chained to the one before by a hash: an entry changed, inserted or deleted afterwards is found, and named.</p>
      {verify.isError && <p className="notice bad">{verify.error.message}</p>}
      {outcome?.intact && (
        <p className="notice" role="status">
          Intact: {outcome.entries} entries, the last is number {outcome.lastSeq}.
        </p>
      )}
      {outcome?.broken && (
        <p className="notice bad" role="alert">
          Broken at entry {outcome.broken.seq}: {words.auditBreaks[outcome.broken.kind]}. {outcome.broken.message}
        </p>
      )}
    </div>
  );
}

/** The audit log: who changed or viewed what, searched by person, record, user, dates and action (audit.read). */
export function AuditScreen() {
  const me = useMe();
  const [filters, setFilters] = useState<Filters>(NONE);
  const [page, setPage] = useState(0);
  const set = (change: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setPage(0);
  };
  const search = useApiQuery(
    'audit.search',
    {
      ...(filters.personId ? { personId: filters.personId } : {}),
      ...(filters.table ? { table: filters.table, ...(filters.rowId.trim() ? { rowId: filters.rowId.trim() } : {}) } : {}),
      ...(filters.user.trim() ? { user: filters.user.trim() } : {}),
      ...(filters.since ? { since: filters.since } : {}),
      ...(filters.until ? { until: filters.until } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      limit: PAGE,
      offset: page * PAGE,
    },
    { placeholderData: keepPreviousData },
  );
  const total = search.data?.total ?? 0;
  return (
    <section className="page">
      <header className="page-header">
        <h1>Audit log</h1>
      </header>
      <div className="filters" role="group" aria-label="Audit log filters">
        <PersonFilter filters={filters} set={set} />
        <label>
          User <input type="search" value={filters.user} onChange={(e) => set({ user: e.target.value })} placeholder="Part of a name" />
        </label>
        <label>
          Action{' '}
          <select value={filters.action} onChange={(e) => set({ action: e.target.value as AuditAction | '' })}>
            <option value="">Any action</option>
            <EnumOptions values={AUDIT_ACTIONS} labels={words.auditActions} />
          </select>
        </label>
        <label>
          Record{' '}
          <select value={filters.table} onChange={(e) => set({ table: e.target.value as AuditedTable | '', rowId: '' })}>
            <option value="">Any kind</option>
            <EnumOptions values={[...AUDITED_TABLES].sort((a, b) => words.auditTables[a].localeCompare(words.auditTables[b]))} labels={words.auditTables} />
          </select>
        </label>
        {filters.table && (
          <label>
            Its id <input type="search" value={filters.rowId} onChange={(e) => set({ rowId: e.target.value })} placeholder="All of them" />
          </label>
        )}
        <label>
          From <input type="date" value={filters.since} onChange={(e) => set({ since: e.target.value })} />
        </label>
        <label>
          Until <input type="date" value={filters.until} onChange={(e) => set({ until: e.target.value })} />
        </label>
        {filters !== NONE && (
          <button type="button" onClick={() => set(NONE)}>
            Clear
          </button>
        )}
      </div>
      {search.isError && <p className="notice bad">{search.error.message}</p>}
      {search.data && total === 0 && (
        <div className="empty">
          <h2>No entries</h2>
          <p>Nothing recorded matches these filters.</p>
        </div>
      )}
      {search.data && total > 0 && (
        <>
          <p className="muted" role="status">
            {total === 1 ? '1 entry' : `${total} entries`}, newest first{total > PAGE ? ` — ${page * PAGE + 1} to ${Math.min(total, (page + 1) * PAGE)}` : ''}
          </p>
          <AuditEntries entries={search.data.entries} caption={`Audit log (${total} entries)`} />
          {total > PAGE && (
            <div className="form-actions">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Newer
              </button>
              <button type="button" disabled={(page + 1) * PAGE >= total} onClick={() => setPage(page + 1)}>
                Older
              </button>
            </div>
          )}
        </>
      )}
      {/* Verifying walks every entry of every vessel: for users of the whole organisation. */}
      {me?.scope.vesselIds === null && <VerifyCard />}
    </section>
  );
}
