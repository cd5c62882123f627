import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, breakdown, OTHER_GROUPS } from '../../../src/engine/questionnaires';

describe('anonymous figures', () => {
  it('withhold a figure below five answers and give it from five', () => {
    expect(aggregate([4, 4, 3, 5])).toMatchObject({ n: 4, mean: null, sd: null, withheld: expect.stringMatching(/4 answers.*at least 5/) });
    expect(aggregate([4, 4, 3, 5, 4])).toMatchObject({ n: 5, mean: 4, withheld: null });
    expect(aggregate([])).toMatchObject({ n: 0, mean: null, withheld: 'No answers yet.' });
  });

  it('break down only into groups of five or more, with the small ones together when they make five', () => {
    const five = [3, 3, 3, 3, 3];
    expect(breakdown(new Map([['Deck', five], ['Interior', [4, 4, 4, 4, 4, 4]], ['Galley', [1, 2]], ['Engineering', [5, 5, 5]]]))).toEqual([
      expect.objectContaining({ group: 'Deck', n: 5, mean: 3 }),
      expect.objectContaining({ group: 'Interior', n: 6, mean: 4 }),
      expect.objectContaining({ group: OTHER_GROUPS, n: 5, mean: 3.6 }),
    ]);
  });

  it('never lets the total minus the groups shown reveal fewer than five answers', () => {
    // Deck 5 and interior 1: deck beside the vessel would give the interior's one answer away.
    expect(breakdown(new Map([['Deck', [3, 3, 3, 3, 3]], ['Interior', [1]]]))).toEqual([]);
    // The smallest shown group joins the rest until the rest is five.
    expect(breakdown(new Map([['Deck', [3, 3, 3, 3, 3, 3, 3]], ['Interior', [2, 2, 2, 2, 2]], ['Galley', [1, 1]]]))).toEqual([
      expect.objectContaining({ group: 'Deck', n: 7 }),
      expect.objectContaining({ group: OTHER_GROUPS, n: 7 }),
    ]);
  });

  it('property: every figure shown rests on five or more, and what is left out is none or five or more', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 6 }), (sizes) => {
        const groups = new Map(sizes.map((n, g) => [`G${g}`, Array.from({ length: n }, () => 3)]));
        const total = sizes.reduce((a, b) => a + b, 0);
        const rows = breakdown(groups);
        const shown = rows.reduce((n, r) => n + r.n, 0);
        expect(rows.every((r) => r.n >= 5 && r.mean !== null)).toBe(true);
        if (rows.length === 0) return;
        expect(shown).toBe(total);
        const named = rows.filter((r) => r.group !== OTHER_GROUPS).reduce((n, r) => n + r.n, 0);
        expect(total - named === 0 || total - named >= 5).toBe(true);
      }),
    );
  });
});
