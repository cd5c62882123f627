import { create, type StoreApi } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ArchivedFilter, AssessmentContext, CrewListSort, DocumentListSort, ListStatus, ResultListSort } from '../../../shared/api';
import type { Department } from '../../../shared/domain/crew';
import type { Verdict } from '../../../shared/psychometrics';
import { useQueueFilters } from './documents';

/** Layout preferences only; server data lives in react-query. */
interface LayoutState {
  sidebarCollapsed: boolean;
  toggleSidebar(): void;
}

export const useLayout = create<LayoutState>()(
  persist(
    (set) => ({
      sidebarCollapsed: false,
      toggleSidebar: () => set((state) => ({ sidebarCollapsed: !state.sidebarCollapsed })),
    }),
    { name: 'harmony.layout' },
  ),
);

export interface CrewFilters {
  search: string;
  vesselId: string;
  department: Department | '';
  positionTitle: string;
  status: ListStatus | '';
  archived: ArchivedFilter;
}

export const NO_FILTERS: CrewFilters = { search: '', vesselId: '', department: '', positionTitle: '', status: '', archived: 'exclude' };

/** The crew list's filters, kept while the person opens a profile and comes back. */
export const useCrewFilters = create<{ filters: CrewFilters; setFilter<K extends keyof CrewFilters>(key: K, value: CrewFilters[K]): void; clear(): void }>()(
  (set) => ({
    filters: NO_FILTERS,
    setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, [key]: value } })),
    clear: () => set({ filters: NO_FILTERS }),
  }),
);

/** How a list sorted in the core is sorted: a new column sorts ascending, clicking the sorted one turns it around. */
export interface CoreSort<S extends string> {
  sort: S;
  descending: boolean;
  sortBy(column: S): void;
}

/** The sort of one list, kept like its filters while a record is opened and closed again. */
export function createCoreSort<S extends string>(sort: S, descending: boolean) {
  return create<CoreSort<S>>()((set) => ({
    sort,
    descending,
    sortBy: (column) => set((state) => (state.sort === column ? { descending: !state.descending } : { sort: column, descending: false })),
  }));
}

/** The same sort, for a list that pages: another order starts again at its first page. */
export function fromFirstPage<S extends string>(sort: CoreSort<S>, toFirstPage: () => void): CoreSort<S> {
  return {
    ...sort,
    sortBy: (column) => {
      toFirstPage();
      sort.sortBy(column);
    },
  };
}

export const useCrewSort = createCoreSort<CrewListSort>('name', false);
export const useQueueSort = createCoreSort<DocumentListSort>('added', true);
export const useResultSort = createCoreSort<ResultListSort>('takenOn', true);

/** Dialogs the menu or any screen can open. */
export const useDialogs = create<{ open: 'import-people' | 'sample-fleet' | null; show(dialog: 'import-people' | 'sample-fleet'): void; close(): void }>()((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}));

export interface ResultFilters {
  search: string;
  context: AssessmentContext | '';
  verdict: Verdict | '';
  /** Only results whose verdict under the current validity rules differs from the one they were given. */
  verdictChanged: boolean;
  archived: ArchivedFilter;
  offset: number;
}

export const NO_RESULT_FILTERS: ResultFilters = { search: '', context: '', verdict: '', verdictChanged: false, archived: 'exclude', offset: 0 };

/** The assessments list's filters and page, kept while a result is open. A filter change goes back to page 1. */
export const useResultFilters = create<{ filters: ResultFilters; setFilter<K extends keyof ResultFilters>(key: K, value: ResultFilters[K]): void }>()((set) => ({
  filters: NO_RESULT_FILTERS,
  setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, offset: 0, [key]: value } })),
}));

/** Changes carried into the what-if screen from a ranking ("try this candidate in the crew"). */
export interface WhatIfChange {
  personId: string;
  name: string;
  positionId: string;
  positionTitle: string;
}
export const useWhatIfDraft = create<{ vesselId: string | null; add: WhatIfChange[]; remove: string[]; set(vesselId: string, add: WhatIfChange[], remove: string[]): void }>()((set) => ({
  vesselId: null,
  add: [],
  remove: [],
  set: (vesselId, add, remove) => set({ vesselId, add, remove }),
}));

/** The Recruitment screen's tab, kept while a requisition or an application is open, so "back" returns to it. */
const recruitmentTab = create<{ tab: string; set(tab: string): void }>()((set) => ({ tab: 'requisitions', set: (tab) => set({ tab }) }));
export function useRecruitmentTab<T extends string>(): [T, (tab: T) => void] {
  const { tab, set } = recruitmentTab();
  return [tab as T, set];
}

/**
 * What the screens remember of the work in hand — searches, filters, a what-if draft with people's names, an open
 * dialog — forgotten on lock and sign-out with the cached answers, so the next person starts afresh. The layout
 * (the sidebar's width) stays.
 */
export function forgetScreenState(): void {
  const reset = <T,>(store: StoreApi<T>) => store.setState(store.getInitialState(), true);
  reset(useCrewFilters);
  reset(useResultFilters);
  reset(useWhatIfDraft);
  reset(useDialogs);
  reset(recruitmentTab);
  reset(useQueueFilters);
  reset(useCrewSort);
  reset(useQueueSort);
  reset(useResultSort);
}
