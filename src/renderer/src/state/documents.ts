import { create } from 'zustand';
import type { QueueStatus } from '../../../shared/api';

/** The review queue's filters, kept while a reviewer opens a document and comes back. */
export const useQueueFilters = create<{ status: QueueStatus; vesselId: string; archived: boolean; set(changes: Partial<{ status: QueueStatus; vesselId: string; archived: boolean }>): void }>()(
  (set) => ({
    status: 'review',
    vesselId: '',
    archived: false,
    set: (changes) => set(changes),
  }),
);
