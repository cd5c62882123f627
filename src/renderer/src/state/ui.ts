import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Department } from '../../../shared/domain/crew';

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
  status: '' | 'onboard' | 'on_leave' | 'joining' | 'unassigned';
  archived: 'exclude' | 'include' | 'only';
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

/** Dialogs the menu or any screen can open. */
export const useDialogs = create<{ open: 'import-people' | 'sample-fleet' | null; show(dialog: 'import-people' | 'sample-fleet'): void; close(): void }>()((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}));
