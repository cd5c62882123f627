import { afterAll, describe, expect, it } from 'vitest';
import { base64, createPeople, resultsCsv } from '../helpers/assessments';
import { tempCore } from '../helpers/temp-core';

/**
 * A small import has no group large enough to check answers for random answering: such a result is questionable
 * with that one finding and nothing careless, and the list and the detail say it is unchecked so the screens can
 * word it as its reason does. A straight-liner in the same import is questionable (or worse) for its own reasons.
 */
const core = tempCore();
afterAll(() => core.dispose());

describe('results not yet checked for random answering', () => {
  it('are marked unchecked in the list and the detail; a careless one in the same import is not', async () => {
    const people = await createPeople(core, 4, 'unchecked');
    const csv = resultsCsv(people.map((p) => p.email), { seed: 11, straight: 1 });
    await core.call('assessments.import', { contentBase64: base64(csv), context: 'incumbent' });
    const list = await core.call('assessments.list', { limit: 10 });
    expect(list.rows).toHaveLength(4);
    const unchecked = list.rows.filter((r) => r.unchecked);
    const other = list.rows.filter((r) => !r.unchecked);
    expect(unchecked.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);
    for (const row of list.rows) {
      const detail = await core.call('assessments.get', { id: row.id });
      expect(detail.unchecked).toBe(row.unchecked);
      const onlyComparison = detail.reasons.length > 0 && detail.reasons.every((r) => r.index === 'comparisonGroup');
      expect(row.unchecked).toBe(row.verdict === 'questionable' && onlyComparison);
    }
    for (const row of unchecked) expect(row.verdict).toBe('questionable');
    const careless = await core.call('assessments.get', { id: other[0]!.id });
    expect(careless.reasons.some((r) => r.index !== 'comparisonGroup')).toBe(true);
  });
});
