import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from '../../../src/main/window-state';
import { tempDir } from '../../helpers/temp-core';

const display = { x: 0, y: 0, width: 1920, height: 1080 };
const dir = tempDir();
afterAll(() => dir.remove());


describe('window state', () => {
  it('round-trips bounds and the maximised flag', () => {
    const file = join(dir.path, 'a.json');
    saveWindowState(file, { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file, [display])).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });

  it('falls back to defaults for a missing or damaged file', () => {
    expect(loadWindowState(join(dir.path, 'missing.json'), [display])).toEqual(DEFAULT_WINDOW_STATE);
    const file = join(dir.path, 'bad.json');
    writeFileSync(file, '{"width": "wide"');
    expect(loadWindowState(file, [display])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a position on a display that is gone, keeping the size', () => {
    const file = join(dir.path, 'off.json');
    saveWindowState(file, { x: 3000, y: 100, width: 900, height: 650, maximized: false });
    expect(loadWindowState(file, [display])).toEqual({ width: 900, height: 650, maximized: false });
  });
});
