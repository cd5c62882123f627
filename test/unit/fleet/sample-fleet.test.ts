import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleFleet } from '../../../src/core/demo/sample-fleet';
import type { TaskHandle } from '../../../src/core/api/tasks';
import type { ServiceContext } from '../../../src/core/context';
import { tempCore } from '../../helpers/temp-core';
import { CredentialEvents } from '../../../src/core/auth/credential-events';

const cores: Array<ReturnType<typeof tempCore>> = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
});

const task: TaskHandle = { id: null, signal: new AbortController().signal, progress: () => undefined, throwIfCancelled: () => undefined };
const contextOf = (core: ReturnType<typeof tempCore>): ServiceContext => ({
  state: core.state,
  events: core.events,
  credentials: new CredentialEvents(),
  db: () => core.state.requireDatabase().db,
  sqlite: () => core.state.requireDatabase().sqlite,
  onClose: () => undefined,
});

async function loaded(today: string) {
  const core = tempCore();
  cores.push(core);
  const counts = await loadSampleFleet(contextOf(core), task, today);
  return { core, counts };
}

// Loading stores sample certificate pictures and scores the sample questionnaires in the worker pool: seconds,
// not milliseconds, on a busy 2-core machine.
describe('the sample fleet', { timeout: 30_000 }, () => {
  it('loads 4 yachts of different sizes and about 60 crew, with vacancies, joiners, past and unassigned crew', async () => {
    const { core, counts } = await loaded('2025-06-01');
    expect(counts.vessels).toBe(4);
    expect(counts.people).toBeGreaterThanOrEqual(55);
    expect(counts.people).toBeLessThanOrEqual(65);
    const vessels = await core.call('vessels.list', { asOf: '2025-06-01' });
    expect(new Set(vessels.map((v) => v.lengthM)).size).toBe(4);
    expect(vessels.some((v) => v.kind === 'sail')).toBe(true);
    expect(vessels.reduce((n, v) => n + v.vacancies, 0)).toBeGreaterThan(0);
    for (const status of ['onboard', 'on_leave', 'joining', 'unassigned'] as const) {
      expect((await core.call('people.list', { asOf: '2025-06-01', status })).total, status).toBeGreaterThan(0);
    }
    const pastCrew = await Promise.all(vessels.map(async (v) => (await core.call('vessels.get', { id: v.id, asOf: '2025-06-01' })).pastCrew.length));
    expect(pastCrew.every((n) => n > 0)).toBe(true);
  });

  it('is deterministic: the same seed and day give the same people and placements', async () => {
    const first = await loaded('2025-06-01');
    const second = await loaded('2025-06-01');
    const snapshot = async (core: ReturnType<typeof tempCore>) =>
      (await core.call('people.list', { asOf: '2025-06-01', limit: 500 })).rows.map((r) => [r.givenNames, r.surname, r.dateOfBirth, r.status, r.placement?.positionTitle ?? null]);
    expect(await snapshot(first.core)).toEqual(await snapshot(second.core));
  });

  it('comes with certificate records: every vessel’s matrix shows valid, expiring and missing certificates, and the bell rings', async () => {
    const { core, counts } = await loaded('2025-06-01');
    expect(counts.documents).toBeGreaterThan(300);
    const states = new Set<string>();
    for (const vessel of await core.call('vessels.list', { asOf: '2025-06-01' })) {
      const matrix = await core.call('documents.compliance', { vesselId: vessel.id, asOf: '2025-06-01' });
      expect(matrix.rows.length).toBeGreaterThan(0);
      for (const row of matrix.rows) for (const cell of row.cells) if (cell.required) states.add(cell.state);
    }
    expect([...states]).toEqual(expect.arrayContaining(['valid', 'missing', 'expires_30']));
    const expiring = await core.call('documents.expiring', { asOf: '2025-06-01' });
    expect(expiring.items.length).toBeGreaterThan(5);
    expect(expiring.items.every((item) => item.daysLeft <= 90)).toBe(true);
    const preview = await core.call('documents.preview', { id: expiring.items[0]!.documentId });
    expect(preview.dataUrl).toMatch(/^data:image\/jpeg/);
  });

  it('refuses to load into a database that already has a fleet, and changes nothing', async () => {
    const { core } = await loaded('2025-06-01');
    const before = (await core.call('people.list', {})).total;
    expect(await core.dispatch('demo.load', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already has 4 vessels/) } });
    expect((await core.call('people.list', {})).total).toBe(before);
  });
});
