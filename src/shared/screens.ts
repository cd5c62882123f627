import type { Capability } from './auth/roles';

/**
 * The app's screens in sidebar order, shared by the window (sidebar, Ctrl/Cmd + number) and the desktop menu
 * (Go), so both list the same screens under the same keys. A screen appears here only when it works.
 * `needs` is the capability a user must hold to see the screen (null: every signed-in user); a screen's key stays
 * the same whoever is signed in, and opens nothing for a user who may not see it.
 */
export const SCREENS = [
  { path: '/vessels', label: 'Vessels', needs: 'fleet.read' },
  { path: '/crew', label: 'Crew', needs: 'fleet.read' },
  { path: '/documents', label: 'Documents', needs: 'documents.read' },
  { path: '/assessments', label: 'Assessments', needs: 'assessments.read' },
  { path: '/questionnaires', label: 'Questionnaires', needs: 'assessments.read' },
  { path: '/team', label: 'Team dynamics', needs: 'analysis.read' },
  { path: '/recruitment', label: 'Recruitment', needs: 'recruitment.read' },
  { path: '/users', label: 'Users', needs: 'installation.manage' },
  { path: '/audit', label: 'Audit log', needs: 'audit.read' },
  { path: '/settings', label: 'Settings', needs: null },
] as const satisfies ReadonlyArray<{ path: string; label: string; needs: Capability | null }>;

export type ScreenPath = (typeof SCREENS)[number]['path'];

/** The key that opens a screen with Ctrl/Cmd: its position for the first nine, a comma for Settings. */
export function screenKey(path: ScreenPath): string | undefined {
  if (path === '/settings') return ',';
  const index = SCREENS.findIndex((s) => s.path === path);
  return index < 9 ? String(index + 1) : undefined;
}

/** The screens a user holding these capabilities may open, in sidebar order. */
export function screensFor<S extends { needs: Capability | null }>(screens: readonly S[], capabilities: ReadonlySet<Capability>): S[] {
  return screens.filter((screen) => screen.needs === null || capabilities.has(screen.needs));
}
