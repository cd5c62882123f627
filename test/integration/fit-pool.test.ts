import { afterAll, describe, expect, it } from 'vitest';
import { PsychometricsPool } from '../../src/core/psychometrics/psychometrics-pool';
import { bestSwaps, type SwapSearch } from '../../src/engine/fit';
import { seededRandom } from '../../src/engine/random';
import { candidate, position, prediction, settings, teamBase } from '../helpers/fit';

/** Best single swaps in the worker pool: the same list as one thread, and a cancel stops it. */
const random = seededRandom(5);
const z = () => ({ N: random() * 2 - 1, E: random() * 2 - 1, O: random() * 2 - 1, A: random() * 2 - 1, C: random() * 2 - 1 });
const raw = () => ({ N: 2.5 + random(), E: 3 + random(), O: 3 + random(), A: 3.3 + random(), C: 3 + random() });
const crew = Array.from({ length: 20 }, (_, i) => [`m${i}`, raw()] as [string, Record<string, number>]);
const search: SwapSearch = {
  team: teamBase(crew),
  members: crew.map(([id]) => ({ id, name: id, positionKey: 'stew', success: 0.5 })),
  positions: [{ key: 'stew', position: position({ team: null, noTeam: null }) }],
  candidates: Array.from({ length: 300 }, (_, i) => candidate({ personId: `c${i}`, name: `C ${i}`, result: { verdict: 'valid', takenOn: '2025-01-01', z: z(), mixed: false, note: null } })),
  settings: settings(),
  prediction: prediction(),
  coefficients: prediction().coefficients,
  asOf: '2026-01-15',
  sortBy: 'success',
  limit: 30,
};
const pool = new PsychometricsPool({ maxThreads: 2 });
afterAll(() => pool.close());

describe('best swaps in the worker pool', () => {
  it('equal the search in this thread, in the same order', async () => {
    expect(await pool.swaps(search)).toEqual(bestSwaps(search));
  });

  it('stop when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(pool.swaps(search, controller.signal)).rejects.toThrow();
  });
});
