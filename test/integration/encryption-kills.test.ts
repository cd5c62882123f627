import { describe, expect, it } from 'vitest';
import { sealingKills } from '../helpers/sealing-kills';

/**
 * Issue 14: "kill -9 during the encryption migration loses nothing". The process sealing a data folder's plain
 * scans and backups is killed at random moments; each start continues where the last stopped, and at the end
 * every file is sealed and opens to its original bytes. `npm run bench -- sealing-kills` runs more kills.
 */
describe('the encryption of stored files killed at random moments', () => {
  it('loses nothing, continues at each start, and ends with every file sealed', async () => {
    const outcome = await sealingKills(10);
    expect(outcome.lost).toBe(0);
    expect(outcome.plainAtEnd).toBe(0);
    expect(outcome.leftovers).toBe(0);
    // The kills must have caught it half-way, or this test would prove nothing.
    expect(outcome.midway).toBeGreaterThan(0);
  }, 300_000);
});
