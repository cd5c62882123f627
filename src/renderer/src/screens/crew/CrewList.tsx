import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { toast } from 'sonner';
import { useLocation } from 'wouter';
import { CREW_LIST_SORTS, listStatusSchema, type CrewListInput, type CrewListRow } from '../../../../shared/api';
import { countryName } from '../../../../shared/domain/countries';
import { DEPARTMENTS, POSITION_TITLES } from '../../../../shared/domain/crew';
import { call } from '../../api/client';
import { queryKey, useApiQuery } from '../../api/hooks';
import { ArchivedFilterSelect } from '../../components/ArchivedFilterSelect';
import { SortHeader } from '../../components/SortableTable';
import { StatusBadge } from '../../components/StatusBadge';
import { downloadCsv } from '../../files';
import { EnumOptions } from '../../forms/form-helpers';
import { PersonForm } from '../../forms/PersonForm';
import { NO_FILTERS, useCrewFilters, useCrewSort, useDialogs } from '../../state/ui';
import { useDebounced } from './useDebounced';
import { words } from '../../../../shared/words';
import { Can } from '../../auth/Can';

const PAGE = 100;
const ROW_HEIGHT = 44;
/** The list's columns; each sorts in the core, so a sorted list of 100,000 still loads a page at a time. */
const COLUMNS = CREW_LIST_SORTS;
const ALL_TITLES = [...new Set(DEPARTMENTS.flatMap((d) => POSITION_TITLES[d]))];

export async function exportPeople(): Promise<void> {
  try {
    const file = await call('people.exportCsv', {});
    downloadCsv(file.fileName, file.csv);
    toast.success(`Exported ${file.rows} people to ${file.fileName}`);
  } catch (error) {
    toast.error((error as Error).message);
  }
}

function Filters() {
  const { filters, setFilter, clear } = useCrewFilters();
  const vessels = useApiQuery('vessels.list', {});
  return (
    <div className="filters" role="search">
      <input
        type="search"
        aria-label="Search by name or e-mail"
        placeholder="Search by name or e-mail…"
        value={filters.search}
        onChange={(e) => setFilter('search', e.target.value)}
        autoFocus
      />
      <select aria-label="Vessel" value={filters.vesselId} onChange={(e) => setFilter('vesselId', e.target.value)}>
        <option value="">All vessels</option>
        {(vessels.data ?? []).map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <select aria-label="Department" value={filters.department} onChange={(e) => setFilter('department', e.target.value as typeof filters.department)}>
        <option value="">All departments</option>
        <EnumOptions values={DEPARTMENTS} labels={words.departments} />
      </select>
      <input aria-label="Position" placeholder="Position…" list="crew-position-titles" value={filters.positionTitle} onChange={(e) => setFilter('positionTitle', e.target.value)} />
      <datalist id="crew-position-titles">
        {ALL_TITLES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <select aria-label="Status" value={filters.status} onChange={(e) => setFilter('status', e.target.value as typeof filters.status)}>
        <option value="">Any status</option>
        <EnumOptions values={listStatusSchema.options} labels={words.personStatuses} />
      </select>
      <ArchivedFilterSelect value={filters.archived} onChange={(value) => setFilter('archived', value)} />
      {JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) && (
        <button type="button" className="link" onClick={clear}>
          Clear filters
        </button>
      )}
    </div>
  );
}

function Row({ row, index, top, onOpen, onKey }: { row: CrewListRow | undefined; index: number; top: number; onOpen(id: string): void; onKey(e: KeyboardEvent, index: number): void }) {
  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT };
  if (!row) {
    return (
      <div className="vrow loading" style={style} role="row" aria-rowindex={index + 2}>
        <span className="muted">Loading…</span>
      </div>
    );
  }
  return (
    <div
      className={row.archivedAt ? 'vrow archived' : 'vrow'}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      data-index={index}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => onKey(e, index)}
    >
      <span role="cell" className="name">
        {row.surname}, {row.givenNames}
      </span>
      <span role="cell">{row.placement ? `${row.placement.positionTitle} · ${row.placement.vesselName}` : '—'}</span>
      <span role="cell">
        <StatusBadge status={row.status} />
      </span>
      <span role="cell" className="muted">
        {row.nationalities.map(countryName).join(', ') || '—'}
      </span>
      <span role="cell" className="muted ellipsis">
        {row.email ?? ''}
      </span>
    </div>
  );
}

/**
 * The crew list: filters as you type, a virtualised list that fetches only the pages in view (so 100,000
 * people scroll like 100), rows reachable by Tab and arrow keys, Enter opens a profile.
 */
export function CrewList() {
  const [, navigate] = useLocation();
  const filters = useCrewFilters((s) => s.filters);
  const showDialog = useDialogs((s) => s.show);
  const [adding, setAdding] = useState(false);
  const sort = useCrewSort();
  const search = useDebounced(filters.search, 120);
  const positionTitle = useDebounced(filters.positionTitle.trim(), 120);
  const query: CrewListInput = useMemo(
    () => ({
      search,
      archived: filters.archived,
      ...(filters.vesselId ? { vesselId: filters.vesselId } : {}),
      ...(filters.department ? { department: filters.department } : {}),
      ...(positionTitle ? { positionTitle } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      sort: sort.sort,
      descending: sort.descending,
    }),
    [search, positionTitle, filters.archived, filters.vesselId, filters.department, filters.status, sort.sort, sort.descending],
  );
  const first = useApiQuery('people.list', { ...query, offset: 0, limit: PAGE }, { placeholderData: keepPreviousData });
  const total = first.data?.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the virtualizer re-renders us itself.
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const pages = [...new Set(items.map((item) => Math.floor(item.index / PAGE)))].filter((p) => p > 0);
  const pageQueries = useQueries({
    queries: pages.map((page) => {
      const input = { ...query, offset: page * PAGE, limit: PAGE };
      return { queryKey: queryKey('people.list', input), queryFn: () => call('people.list', input) };
    }),
  });
  const rowAt = (index: number): CrewListRow | undefined => {
    const page = Math.floor(index / PAGE);
    const data = page === 0 ? first.data : pageQueries[pages.indexOf(page)]?.data;
    return data?.rows[index - page * PAGE];
  };
  const open = (id: string) => navigate(`/${id}`);
  const onKey = (event: KeyboardEvent, index: number) => {
    const row = rowAt(index);
    if (event.key === 'Enter' && row) return open(row.id);
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? total - 1 : null;
    if (next === null || next < 0 || next >= total) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <section className="page crew-page">
      <header className="page-header">
        <h1>Crew</h1>
        <span className="muted" role="status" aria-live="polite">
          {first.data ? `${total.toLocaleString()} ${total === 1 ? 'person' : 'people'}` : ''}
        </span>
        <Can need="fleet.write">
          <button type="button" onClick={() => showDialog('import-people')}>
            Import CSV
          </button>
        </Can>
        <button type="button" onClick={() => void exportPeople()}>
          Export CSV
        </button>
        <Can need="fleet.write">
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add person
          </button>
        </Can>
      </header>
      <Filters />
      {first.isError && <p className="notice bad">{first.error.message}</p>}
      {first.isSuccess && total === 0 ? (
        filtered ? (
          <div className="empty card">
            <h2>Nobody matches these filters</h2>
            <p>Try fewer letters, another status, or clear the filters.</p>
            <button type="button" onClick={useCrewFilters.getState().clear}>
              Clear filters
            </button>
          </div>
        ) : (
          <div className="empty card">
            <h2>No people yet</h2>
            <Can need="fleet.write">
              <p>Add crew one by one, import them from a spreadsheet (CSV), or load the sample fleet to look around.</p>
              <div className="form-actions center">
                <button type="button" className="primary" onClick={() => setAdding(true)}>
                  Add a person
                </button>
                <button type="button" onClick={() => showDialog('import-people')}>
                  Import from CSV
                </button>
                <button type="button" onClick={() => showDialog('sample-fleet')}>
                  Load the sample fleet
                </button>
              </div>
            </Can>
          </div>
        )
      ) : (
        <div className="vtable" role="table" aria-label="Crew list" aria-rowcount={total + 1}>
          <div className="vrow vhead" role="row" aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const direction = sort.sort === column ? (sort.descending ? 'descending' : 'ascending') : 'none';
              return (
                <span key={column} role="columnheader" aria-sort={direction}>
                  <SortHeader label={words.crewListSorts[column]} direction={direction} onSort={() => sort.sortBy(column)} />
                </span>
              );
            })}
          </div>
          <div ref={scroller} className="vscroll" role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => (
                <Row key={item.key} row={rowAt(item.index)} index={item.index} top={item.start} onOpen={open} onKey={onKey} />
              ))}
            </div>
          </div>
        </div>
      )}
      {adding && <PersonForm onClose={() => setAdding(false)} onSaved={(p) => navigate(`/${p.id}`)} />}
    </section>
  );
}
