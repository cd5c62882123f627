import { describe, expect, it } from 'vitest';
import { restoreKills } from '../helpers/restore-kills';

/**
 * A restore killed at any moment leaves the old or the new database whole. Ten random kills here keep the
 * suite quick; `npm run bench -- restore-kills` runs a hundred.
 */
describe('a restore killed at a random moment', () => {
  it('leaves either the old or the new database whole, every time', async () => {
    const outcome = await restoreKills(10);
    expect(outcome.corrupted).toBe(0);
    expect(outcome.leftovers).toBe(0);
    expect(outcome.found.A + outcome.found.B).toBe(10);
  }, 180_000);
});
