/**
 * The app's screens in sidebar order, shared by the window (sidebar, Ctrl/Cmd + number) and the desktop menu
 * (Go), so both list the same screens under the same keys. A screen appears here only when it works.
 */
export const SCREENS = [
  { path: '/vessels', label: 'Vessels' },
  { path: '/crew', label: 'Crew' },
  { path: '/documents', label: 'Documents' },
  { path: '/assessments', label: 'Assessments' },
  { path: '/questionnaires', label: 'Questionnaires' },
  { path: '/team', label: 'Team dynamics' },
  { path: '/recruitment', label: 'Recruitment' },
  // Needs the audit capability (src/shared/auth/roles.ts): the core refuses the others.
  { path: '/audit', label: 'Audit log' },
  { path: '/settings', label: 'Settings' },
] as const;

export type ScreenPath = (typeof SCREENS)[number]['path'];

/** The key that opens a screen with Ctrl/Cmd: its position for the first nine, a comma for Settings. */
export function screenKey(path: ScreenPath): string | undefined {
  if (path === '/settings') return ',';
  const index = SCREENS.findIndex((s) => s.path === path);
  return index < 9 ? String(index + 1) : undefined;
}
