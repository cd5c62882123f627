import { describe, expect, it } from 'vitest';
import { SCREENS, screenKey } from '../../../src/shared/screens';

describe('the screens the sidebar and the desktop menu list', () => {
  it('gives every screen its own key: its position for the first nine, a comma for Settings', () => {
    const keys = SCREENS.map((s) => screenKey(s.path));
    expect(keys).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', ',']);
    expect(new Set(keys).size).toBe(SCREENS.length);
  });

  it('names each screen once, by a path of its own', () => {
    expect(new Set(SCREENS.map((s) => s.path)).size).toBe(SCREENS.length);
    expect(new Set(SCREENS.map((s) => s.label)).size).toBe(SCREENS.length);
  });
});
