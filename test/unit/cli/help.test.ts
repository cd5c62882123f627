import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands';
import { harmony } from '../../helpers/cli';

/** What `harmony help` prints is for the person at the keyboard: it explains, it does not send them to a file. */
describe('harmony help', () => {
  it.each(commands.map((c) => c.name))('harmony help %s names no document of the project', async (name) => {
    const { code, out } = await harmony('help', name);
    expect(code).toBe(0);
    expect(out).not.toMatch(/README|\.md\b|\bSPEC\b|\bNOTES\b/);
  });

  it('says what a thresholds file for harmony analyze holds', async () => {
    const { out } = await harmony('help', 'analyze');
    expect(out).toContain('--thresholds FILE.json cut-offs of the validity verdict, such as {"irv": {"questionable": 0.2}}; null switches\n');
    expect(out).toContain('one off, and a cut-off left out keeps its default');
  });
});
