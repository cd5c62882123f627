import { describe, expect, it } from 'vitest';
import type { CAPABILITIES} from '../../../src/shared/auth/roles';
import { ROLE_CAPABILITIES } from '../../../src/shared/auth/roles';
import { SCREENS, screenKey, screensFor } from '../../../src/shared/screens';

const paths = (capabilities: Iterable<(typeof CAPABILITIES)[number]>) => screensFor(SCREENS, new Set(capabilities)).map((s) => s.path);

describe('the screens the sidebar and the desktop menu list', () => {
  it('gives every screen its own key: its position for the first nine, a comma for Settings', () => {
    const keys = SCREENS.map((s) => screenKey(s.path));
    expect(keys).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', ',']);
    expect(new Set(keys).size).toBe(SCREENS.length);
  });

  it('names each screen once, by a path of its own', () => {
    expect(new Set(SCREENS.map((s) => s.path)).size).toBe(SCREENS.length);
    expect(new Set(SCREENS.map((s) => s.label)).size).toBe(SCREENS.length);
  });

  it('shows each role the screens its capabilities open, in sidebar order, and Settings to everyone', () => {
    expect(paths(ROLE_CAPABILITIES.owner)).toEqual(SCREENS.map((s) => s.path));
    expect(paths(ROLE_CAPABILITIES.captain)).toEqual(['/vessels', '/crew', '/documents', '/assessments', '/questionnaires', '/team', '/recruitment', '/audit', '/settings']);
    expect(paths(ROLE_CAPABILITIES.office_viewer)).not.toContain('/users');
    expect(paths(ROLE_CAPABILITIES.office_viewer)).not.toContain('/audit');
    expect(paths(ROLE_CAPABILITIES.crew_member)).toEqual(['/settings']);
    expect(paths(['documents.read'])).toEqual(['/documents', '/settings']);
  });
});
