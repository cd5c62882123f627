import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ROLE_CAPABILITIES } from '../../../src/shared/auth/roles';

vi.mock('electron', () => ({ Menu: { buildFromTemplate: vi.fn() } }));
const { menuTemplate } = await import('../../../src/main/menu');

const actions = { command: vi.fn(), loadSampleFleet: vi.fn(), backupNow: vi.fn(), restoreFromFile: vi.fn(), openDataFolder: vi.fn() };
/** The labels of each top-level menu, by its label (or role). */
function labels(capabilities: ReadonlySet<(typeof ROLE_CAPABILITIES)['owner'] extends ReadonlySet<infer C> ? C : never> | null) {
  const template = menuTemplate(actions, false, capabilities);
  return Object.fromEntries(
    template.map((menu) => [menu.label ?? menu.role, ((menu.submenu ?? []) as MenuItemConstructorOptions[]).filter((item) => item.label).map((item) => item.label)]),
  );
}

describe("the desktop menu follows the window's user", () => {
  it('offers the owner every screen and every act', () => {
    const menu = labels(ROLE_CAPABILITIES.owner);
    expect(menu.File).toEqual(['Import People from CSV…', 'Export People to CSV', 'Load Sample Fleet', 'Back Up Database Now', 'Restore from File…', 'Open Data Folder', 'Lock']);
    expect(menu.Go).toContain('Users');
    expect(menu.Go).toContain('Audit log');
  });

  it('offers an office viewer the screens they read and no act that writes', () => {
    const menu = labels(ROLE_CAPABILITIES.office_viewer);
    expect(menu.File).toEqual(['Export People to CSV', 'Restore from File…', 'Open Data Folder', 'Lock']);
    expect(menu.Go).not.toContain('Users');
    expect(menu.Go).not.toContain('Audit log');
    expect(menu.Go).toContain('Crew');
  });

  it('offers nothing of the app while no one is signed in (or the window is locked), but the way back from a file', () => {
    const menu = labels(null);
    expect(menu.Go).toBeUndefined();
    expect(menu.File).toEqual(['Restore from File…', 'Open Data Folder']);
  });
});
