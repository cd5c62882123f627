import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output, TaskProgress } from '../../src/shared/api';
import { base64, createPeople, itemIds, resultsCsv } from '../helpers/assessments';
import { vesselWithPosition } from '../helpers/fleet';
import { tempCore } from '../helpers/temp-core';
import { bothTransports } from '../helpers/transports';

/** assessments.* and norms.* through the dispatcher: import preview/confirm, placement, local groups, settings. */
const core = tempCore();
let people: Array<{ id: string; email: string }>;
const answers = (value: number) => itemIds.map(() => String(value));

beforeAll(async () => {
  people = await createPeople(core, 34);
});
afterAll(() => core.dispose());

const count = async () => (await core.call('assessments.list', { archived: 'include' })).total;

describe('importing results', () => {
  it('reports a bad file and stores nothing, over both transports', async () => {
    const transports = await bothTransports(core);
    try {
      const csv = `email,taken_on,${itemIds.slice(0, 119).join(',')},i999\n${people[0]!.email},2025-03-01,${answers(3).join(',')}\n`;
      for (const bridge of Object.values(transports.bridges)) {
        const preview = await bridge.invoke('assessments.importPreview', { contentBase64: base64(csv), context: 'incumbent' });
        expect(preview).toMatchObject({ ok: true, data: { validRows: 0, fileProblems: expect.arrayContaining([expect.objectContaining({ column: 'i999', message: expect.stringContaining('not an item of IPIP-NEO-120 (Johnson 2014)') })]) } });
        const run = await bridge.invoke('assessments.import', { contentBase64: base64(csv), context: 'incumbent' });
        expect(run).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { report: expect.objectContaining({ fileProblems: expect.any(Array) }) } } });
      }
    } finally {
      await transports.close();
    }
    expect(await count()).toBe(0);
  });

  it('stores nothing when the import is cancelled while scoring', async () => {
    const csv = resultsCsv(people.map((p) => p.email), { seed: 9, takenOn: '2025-01-01' });
    const off = core.events.subscribe((event, payload) => {
      const progress = payload as TaskProgress;
      if (event === 'task.progress' && progress.taskId === 'cancel-me' && progress.message === 'Scoring answers') void core.call('tasks.cancel', { taskId: 'cancel-me' });
    });
    const run = await core.dispatch('assessments.import', { contentBase64: base64(csv), context: 'incumbent' }, { taskId: 'cancel-me' });
    off();
    expect(run).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await count()).toBe(0);
  });

  it('previews row by row, then scores the valid rows in one transaction with progress', async () => {
    const bad = [
      `nobody@example.org,2025-03-01,${answers(3).join(',')}`,
      `${people[1]!.email},2025-02-30,${answers(3).join(',')}`,
      `${people[2]!.email},2025-03-02,7,${answers(3).slice(1).join(',')}`,
    ];
    const csv = resultsCsv(people.map((p) => p.email), { seed: 5, straight: 1, extra: bad });
    const input = { contentBase64: base64(csv), fileName: 'crew.csv', context: 'incumbent' as const };
    const preview = await core.call('assessments.importPreview', input);
    expect(preview).toMatchObject({ rows: 37, validRows: 34, fileProblems: [] });
    expect(preview.rowProblems).toEqual([
      { line: 36, column: 'email', message: 'No person with the e-mail nobody@example.org in the database' },
      { line: 37, column: 'taken_on', message: '"2025-02-30" is not a date; write YYYY-MM-DD' },
      { line: 38, column: 'i1', message: '"7" is not an answer: use a whole number from 1 to 5, or leave it empty when unanswered' },
    ]);
    expect(preview.preview[0]).toMatchObject({ line: 2, personId: people[0]!.id, matchedBy: 'email', answered: 120 });
    expect(await count()).toBe(0);

    const progress: TaskProgress[] = [];
    const off = core.events.subscribe((event, payload) => event === 'task.progress' && progress.push(payload as TaskProgress));
    const done = await core.call('assessments.import', input, { taskId: 'import-1' });
    off();
    expect(done).toMatchObject({ imported: 34, skipped: 3 });
    expect(progress.some((p) => p.message === 'Scoring answers')).toBe(true);
    expect(await count()).toBe(34);

    const again = await core.call('assessments.importPreview', input);
    expect(again.validRows).toBe(0);
    expect(again.rowProblems[0]!.message).toContain('already has a stored IPIP-NEO-120 (Johnson 2014) result for 2025-03-01');
  });

  it('lists, filters, opens, archives and restores results', async () => {
    const list = await core.call('assessments.list', { search: 'resp', limit: 5 });
    expect(list.total).toBe(34);
    expect(list.rows).toHaveLength(5);
    const invalid = await core.call('assessments.list', { verdict: 'invalid' });
    expect(invalid.total).toBeGreaterThan(0);
    const detail = await core.call('assessments.get', { id: invalid.rows[0]!.id });
    expect(detail.reasons.length).toBeGreaterThan(0);
    expect(detail.scales.map((s) => s.id)).toEqual(['N', 'E', 'O', 'A', 'C']);
    expect(detail.facets).toHaveLength(30);
    const archived = await core.call('assessments.archive', { id: detail.id });
    expect(archived.archivedAt).not.toBeNull();
    expect((await core.call('assessments.list', { personId: detail.personId })).total).toBe(0);
    await core.call('assessments.restore', { id: detail.id });
    expect((await core.call('assessments.list', { personId: detail.personId })).total).toBe(1);
  });
});

describe('norms and placement', () => {
  let resultId: string;
  let volunteer: Output<'norms.import'>;
  beforeAll(async () => {
    // 34 people are too few to compare answer patterns: every result is at best questionable, and counts in the groups.
    resultId = (await core.call('assessments.list', { verdict: 'questionable', limit: 1 })).rows[0]!.id;
    const csv = 'scale,mean,sd,n\nN,2.9,0.7,1000\nE,3.4,0.6,1000\nO,3.6,0.6,1000\nA,3.8,0.5,1000\nC,3.7,0.6,1000\n';
    volunteer = await core.call('norms.import', { contentBase64: base64(csv), fileName: 'v.csv', label: 'Synthetic volunteers', population: 'volunteer', source: 'test figures' });
  });

  it('refuses a norm file with a bad row, naming row and column', async () => {
    const bad = await core.dispatch('norms.import', { contentBase64: base64('scale,mean,sd\nN,2.9,0\nX,3,1\n'), label: 'Bad', population: 'applicant', source: 'test' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/sd: must be greater than 0.*"X" is not a scale/) } });
    expect(await core.call('norms.list', { archived: 'include' })).toHaveLength(1);
  });

  it('places on the local group of all incumbents (34 ≥ 30) and says when a group is below the minimum', async () => {
    const everyone = await core.call('assessments.place', { id: resultId, norm: { kind: 'local', by: 'context', group: 'All crew in post', population: 'incumbent' } });
    expect(everyone.status).toBe('placed');
    expect(everyone.norm).toMatchObject({ origin: 'local', population: 'incumbent' });
    expect(everyone.scales.every((s) => s.t !== null && s.percentile !== null)).toBe(true);

    await core.call('assessments.updateSettings', { minGroupSize: 40, thresholds: {} });
    const small = await core.call('assessments.place', { id: resultId, norm: { kind: 'local', by: 'context', group: 'All crew in post', population: 'incumbent' } });
    expect(small.status).toBe('belowMinimum');
    expect(small.messages[0]).toMatch(/at least 40 are needed before percentiles are shown/);
    expect(small.scales.every((s) => s.percentile === null && s.mean !== null)).toBe(true);
    await core.call('assessments.updateSettings', { minGroupSize: 30, thresholds: {} });
  });

  it('never mixes populations silently: mixing is explicit and labelled', async () => {
    const options = await core.call('assessments.normOptions', { id: resultId });
    expect(options.find((o) => o.ref.kind === 'table')).toMatchObject({ sameFor: false, norm: { population: 'volunteer' } });
    const refused = await core.call('assessments.place', { id: resultId, norm: { kind: 'table', id: volunteer.id } });
    expect(refused).toMatchObject({ status: 'mismatch', mixed: false });
    expect(refused.messages[0]).toMatch(/crew in post but "Synthetic volunteers" describes volunteers/);
    expect(refused.scales.every((s) => s.t === null)).toBe(true);
    const mixed = await core.call('assessments.place', { id: resultId, norm: { kind: 'table', id: volunteer.id }, allowMixing: true });
    expect(mixed).toMatchObject({ status: 'placed', mixed: true });
    expect(mixed.messages.join(' ')).toMatch(/Compared anyway, as asked/);
  });

  it('analyses local groups by position: a group below the minimum says so; invalid results are left out', async () => {
    const { position } = await vesselWithPosition(core);
    for (const person of people.slice(0, 2)) await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-01-01' });
    const { groups, excludedInvalid } = await core.call('assessments.localGroups', { by: 'position' });
    expect(excludedInvalid).toBeGreaterThan(0);
    expect(groups.map((g) => [g.group, g.population, g.n, g.sufficient])).toEqual([
      ['Chief Stew', 'incumbent', 2, false],
      ['No position', 'incumbent', 32 - excludedInvalid, 32 - excludedInvalid >= 30],
    ]);
    expect(groups[0]!.message).toBe('Only 2 people have scores in "Chief Stew" (crew in post); at least 30 are needed before percentiles are shown.');
    expect(groups[0]!.scales.map((s) => s.scale)).toEqual(['N', 'E', 'O', 'A', 'C']);
  });

  it('archives a norm table with undo', async () => {
    await core.call('norms.archive', { id: volunteer.id });
    expect(await core.dispatch('assessments.place', { id: resultId, norm: { kind: 'table', id: volunteer.id } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.call('norms.restore', { id: volunteer.id });
    expect(await core.call('norms.list', { archived: 'exclude' })).toHaveLength(1);
  });
});

describe('settings', () => {
  it('starts at the documented defaults and validates changes', async () => {
    const settings = await core.call('assessments.settings', {});
    expect(settings.minGroupSize).toBe(30);
    expect(settings.thresholds.longstring).toEqual({ questionable: 0.1, invalid: 0.25 });
    const bad = await core.dispatch('assessments.updateSettings', { minGroupSize: 1, thresholds: { irv: { questionable: 2 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const changed = await core.call('assessments.updateSettings', { ...settings, thresholds: { ...settings.thresholds, longstring: { questionable: 0.2, invalid: null } } });
    expect(changed.thresholds.longstring).toEqual({ questionable: 0.2, invalid: null });
  });
});
