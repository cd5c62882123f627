import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PsychometricsPool } from '../../src/core/psychometrics/psychometrics-pool';
import { base64, importPeople, resultsCsv } from '../helpers/assessments';
import { tempCore } from '../helpers/temp-core';

/**
 * Issue 10: a small batch is compared with the stored group of its population (finding 18); stored verdicts stay
 * as given while the current rules' verdict is shown beside them (finding 25); local groups run in the worker
 * pool and the results list finds people by name as the crew list does (finding 24).
 */
const core = tempCore();
afterAll(() => core.dispose());

let crew: Array<{ id: string; email: string }>;
const importCsv = (csv: string, context: 'applicant' | 'incumbent', fileName: string) => core.call('assessments.import', { contentBase64: base64(csv), context, fileName });

beforeAll(async () => {
  crew = await importPeople(core, 372, 'crew');
  // 360 crew in post answered attentively: a comparison group of its own (3 × 120 items).
  await importCsv(resultsCsv(crew.slice(0, 360).map((p) => p.email), { seed: 40, takenOn: '2025-01-10' }), 'incumbent', 'stored.csv');
}, 120_000);

describe('a batch of five', () => {
  it('is compared with the stored results of its population, and a random answer sheet in it is not "valid"', async () => {
    // Seed 2: four attentive people and a random answer sheet that a batch of five alone calls valid.
    const five = crew.slice(360, 365);
    const done = await importCsv(resultsCsv(five.map((p) => p.email), { seed: 2, random: 1, takenOn: '2025-02-01' }), 'incumbent', 'five.csv');
    expect(done.notices.join(' ')).toMatch(/5 people are too few to compare with each other .* compared together with 360 stored results of crew in post/);
    const { rows } = await core.call('assessments.list', { search: 'crewSurname36', limit: 10 });
    const batch = await Promise.all(rows.filter((r) => r.takenOn === '2025-02-01').map((r) => core.call('assessments.get', { id: r.id })));
    expect(batch).toHaveLength(5);
    expect(batch.every((r) => r.comparison?.size === 365 && r.comparison.reference === 360 && r.comparison.minimum === 360)).toBe(true);
    const flagged = batch.filter((r) => r.reasons.some((reason) => reason.index === 'mahalanobis'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.verdict).not.toBe('valid');
    expect(batch.flatMap((r) => r.notComputed.map((n) => n.index))).not.toContain('mahalanobis');
  });

  it('of a population with too few stored results: not "valid", and the verdict says what could not be computed and why', async () => {
    const applicants = crew.slice(365, 370);
    const done = await importCsv(resultsCsv(applicants.map((p) => p.email), { seed: 2, random: 1, takenOn: '2025-02-02' }), 'applicant', 'applicants.csv');
    expect(done.notices.join(' ')).toMatch(/need at least 360 people to compare with; there were 5 people scored together, so they were not computed/);
    const { rows } = await core.call('assessments.list', { context: 'applicant' });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.verdict !== 'valid')).toBe(true);
    const detail = await core.call('assessments.get', { id: rows[0]!.id });
    expect(detail.comparison).toEqual({ size: 5, minimum: 360, reference: 0 });
    expect(detail.reasons).toContainEqual(expect.objectContaining({ index: 'comparisonGroup', value: 5, cutoff: 360 }));
    expect(detail.notComputed.map((n) => n.index)).toEqual(expect.arrayContaining(['mahalanobis', 'psychSyn', 'psychAnt']));
  });
});

describe('changing the validity rules', () => {
  it('leaves every stored verdict as it was, and shows the verdict under the current rules beside it', async () => {
    const before = await core.call('assessments.list', { limit: 500 });
    expect(before.rows.every((r) => r.currentVerdict === r.verdict)).toBe(true);
    expect((await core.call('assessments.list', { verdictChanged: true })).total).toBe(0);

    const settings = await core.call('assessments.settings', {});
    const off = { questionable: null, invalid: null };
    await core.call('assessments.updateSettings', { ...settings, thresholds: { ...settings.thresholds, mahalanobis: off, psychSyn: off, psychAnt: off, evenOdd: off } });
    const after = await core.call('assessments.list', { limit: 500 });
    expect(after.rows.map((r) => [r.id, r.verdict])).toEqual(before.rows.map((r) => [r.id, r.verdict]));
    const changed = after.rows.filter((r) => r.currentVerdict !== r.verdict);
    expect(changed.length).toBeGreaterThan(0);
    // The applicants' batch is no longer short of anything switched on: "valid" under the rules now.
    expect(after.rows.filter((r) => r.context === 'applicant' && r.currentVerdict === 'valid').length).toBeGreaterThan(0);

    const filtered = await core.call('assessments.list', { verdictChanged: true, limit: 500 });
    expect(filtered.total).toBe(changed.length);
    expect(filtered.rows.map((r) => r.id).sort()).toEqual(changed.map((r) => r.id).sort());
    expect((await core.call('assessments.list', { verdictChanged: true, archived: 'include', context: 'applicant' })).total).toBe(changed.filter((r) => r.context === 'applicant').length);
    const detail = await core.call('assessments.get', { id: changed[0]!.id });
    expect(detail.verdict).toBe(changed[0]!.verdict);
    expect(detail.currentVerdict).toBe(changed[0]!.currentVerdict);
    expect(detail.currentReasons.map((r) => r.index)).not.toContain('mahalanobis');

    await core.call('assessments.updateSettings', settings);
    expect((await core.call('assessments.list', { verdictChanged: true })).total).toBe(0);
  });
});

describe('the results list', () => {
  it('finds people by name exactly as the crew list does: words of names and e-mail, any order, accents and case ignored', async () => {
    const haveResults = new Set(crew.slice(0, 370).map((c) => c.id));
    for (const search of ['crew36', 'given361 CREWSURNAME', 'crewsurname36 given', 'Gívén364']) {
      const people = await core.call('people.list', { search, limit: 500 });
      const results = await core.call('assessments.list', { search, limit: 500 });
      const found = [...new Set(results.rows.map((r) => r.personId))].sort();
      expect(found.length, search).toBeGreaterThan(0);
      expect(found, search).toEqual(people.rows.map((p) => p.id).filter((id) => haveResults.has(id)).sort());
    }
  });

  it('names the instrument, not its id', async () => {
    const { rows } = await core.call('assessments.list', { limit: 1 });
    expect(rows[0]).toMatchObject({ instrumentId: 'ipip-neo-120', instrumentName: expect.stringMatching(/^IPIP-NEO-120/) });
  });
});

describe('local norm groups', () => {
  it('are computed in the worker pool, not on the core thread', async () => {
    const spy = vi.spyOn(PsychometricsPool.prototype, 'localGroups');
    try {
      const groups = await core.call('assessments.localGroups', { by: 'context' });
      expect(groups.groups.map((g) => [g.group, g.n])).toEqual([
        ['All applicants', 5],
        ['All crew in post', 365],
      ]);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});
