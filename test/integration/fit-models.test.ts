import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitLogistic } from '../../src/engine/fit';
import { vesselInput } from '../helpers/fleet';
import { simulateOutcomes } from '../helpers/fit-sim';
import { write } from '../../src/core/db/writes';
import { tempCore } from '../helpers/temp-core';

/**
 * Recalibration through the API: refused below the events-per-predictor rule, then fitted to the stored outcomes
 * exactly as the engine fits them, stored as a new version, and used only once someone chooses it.
 */
const core = tempCore();
const N = 120;
const { rows } = simulateOutcomes(N, [0.3, 1.4, 0.7, 0.66, 0.35], 77);
const assignmentIds: string[] = [];

beforeAll(async () => {
  const vessel = await core.call('vessels.create', vesselInput());
  const position = await core.call('positions.create', { vesselId: vessel.id, department: 'deck', title: 'Deckhand', headcount: 1, rotation: null, employmentKind: 'permanent' });
  for (let i = 0; i < N; i += 1) {
    const person = await core.call('people.create', { givenNames: `Crew${i}`, surname: 'Member', dateOfBirth: '1990-01-01', email: `crew${i}@example.org` });
    const start = new Date(Date.UTC(2010, 0, 1) + i * 40 * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2010, 0, 1) + (i * 40 + 30) * 86_400_000).toISOString().slice(0, 10);
    assignmentIds.push((await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: start, endDate: end })).id);
  }
  // Outcomes with simulated predictors, stored as the outcome service stores them.
  const sqlite = core.state.requireDatabase().sqlite;
  const insert = sqlite.prepare("INSERT INTO assignment_outcomes (id, assignment_id, completed, rating, factors, recorded_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'test', '2020-01-01', '2020-01-01')");
  write(sqlite, () => rows.forEach((r, i) => insert.run(`o${i}`, assignmentIds[i], r[4] ? 1 : 0, r[4] ? 5 : 2, JSON.stringify({ individual: r[0], team: r[1], environment: r[2], leader: r[3] }))));
});
afterAll(() => core.dispose());

describe('recalibration', () => {
  it('fits the stored outcomes as the engine does, stores a version with its data size, and waits to be chosen', async () => {
    const list = await core.call('models.list', {});
    expect(list).toMatchObject({ usable: N, needed: 40 });
    const fitted = await core.call('models.recalibrate', {});
    const x = new Float64Array(N * 5);
    rows.forEach((r, i) => x.set([1, r[0]! - 0.5, r[1]! - 0.5, r[2]! - 0.5, r[3]! - 0.5], i * 5));
    const expected = fitLogistic(x, Float64Array.from(rows, (r) => r[4]!), 5);
    expect(fitted).toMatchObject({ version: 'fleet-1', shipped: false, active: false, n: N, events: expected.events });
    expect(fitted.coefficients.individual.estimate).toBeCloseTo(expected.coefficients[1]!, 9);
    expect(fitted.coefficients.leader.standardError).toBeCloseTo(expected.standardErrors[4]!, 9);
    expect((await core.call('fit.settings', {})).model.version).toBe('prediction-v1');
    await core.call('models.activate', { id: fitted.id });
    expect((await core.call('fit.settings', {})).model).toMatchObject({ version: 'fleet-1', n: N, shipped: false });
    await core.call('models.activate', { id: 'prediction-v1' });
    expect((await core.call('fit.settings', {})).model.version).toBe('prediction-v1');
  });

  it('is refused with the counts when too few outcomes are usable', async () => {
    const sqlite = core.state.requireDatabase().sqlite;
    write(sqlite, () => sqlite.prepare("UPDATE assignment_outcomes SET archived_at = '2021-01-01' WHERE id >= 'o30'").run());
    const refused = await core.dispatch('models.recalibrate', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/at least 40 of each are needed/) } });
  });
});
