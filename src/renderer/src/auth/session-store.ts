import { create } from 'zustand';

/**
 * What the account screens remember between themselves, in memory only (never persisted):
 * - `recoveryCode`: the one-time code answered by creating the owner or by a recovery, shown once and forgotten
 *   when the person says they have written it down;
 * - `notice`: why the sign-in screen is shown ("Your session has ended…"), cleared by signing in.
 */
interface SessionStore {
  recoveryCode: string | null;
  notice: string | null;
  showRecoveryCode(code: string): void;
  recoveryCodeWritten(): void;
  setNotice(notice: string | null): void;
}

export const useSessionStore = create<SessionStore>()((set) => ({
  recoveryCode: null,
  notice: null,
  showRecoveryCode: (recoveryCode) => set({ recoveryCode }),
  recoveryCodeWritten: () => set({ recoveryCode: null }),
  setNotice: (notice) => set({ notice }),
}));
