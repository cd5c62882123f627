import { create } from 'zustand';
import { persist } from 'zustand/middleware';

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
