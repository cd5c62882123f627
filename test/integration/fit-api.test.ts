import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUB_SCORES } from '../../src/shared/fit/model';
import type { Output } from '../../src/shared/api';
import { OWNER, tempCore } from '../helpers/temp-core';
import { bothTransports } from '../helpers/transports';

/**
 * fit.* and the records it reads, through the dispatcher, on the sample fleet: a ranking explained and logged,
 * reverse matching, what-if and best swaps, outcomes and models, ANOVA, decisions, and bad input.
 */
const core = tempCore();
let vessels: Output<'vessels.list'>;
let stew: { id: string; vesselId: string };

beforeAll(async () => {
  await core.call('demo.load', {});
  vessels = await core.call('vessels.list', {});
  const serenity = vessels.find((v) => v.name === 'Serenity Tide')!;
  const detail = await core.call('vessels.get', { id: serenity.id });
  const position = detail.positions.find((p) => p.title === 'Stew')!;
  stew = { id: position.id, vesselId: serenity.id };
}, 120_000);
afterAll(() => core.dispose());

describe('fit.rank', () => {
  it('ranks every live person who does not hold the position, sorted, explained, with a prediction, and logs it', async () => {
    const ranking = await core.call('fit.rank', { positionId: stew.id, limit: 10 });
    expect(ranking.position).toMatchObject({ title: 'Stew', vessel: 'Serenity Tide' });
    expect(ranking.considered).toBeGreaterThan(40);
    expect(ranking.candidates.length).toBe(10);
    const scores = ranking.candidates.map((c) => c.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const c of ranking.candidates) {
      expect(Object.keys(c.subScores).sort()).toEqual([...SUB_SCORES].sort());
      expect(c.strengths.length + c.gaps.length).toBeGreaterThan(0);
      expect(c.prediction.probability).toBeGreaterThan(0);
      expect(c.percentile).not.toBeNull();
    }
    expect(ranking.model.version).toBe('prediction-v1');
    const log = await core.call('fit.log', { limit: 5 });
    expect(log.entries[0]).toMatchObject({ id: ranking.logId, action: 'ranking shown', operator: OWNER.displayName, model: 'prediction-v1' });
    expect(log.entries[0]!.inputs).toMatchObject({ positionId: stew.id, preset: 'balanced', threshold: 0, limit: 10 });
  });

  it('applies threshold and limit, and a preset changes the weights', async () => {
    const ranking = await core.call('fit.rank', { positionId: stew.id, preset: 'guest-facing', threshold: 0.5, limit: 3 });
    expect(ranking.weights.culture).toBeCloseTo(0.3, 12);
    expect(ranking.candidates.every((c) => c.score! >= 0.5)).toBe(true);
    expect(ranking.candidates.length).toBeLessThanOrEqual(3);
  });

  it('refuses bad weights, a threshold outside 0–1 and an unknown preset with VALIDATION naming the field', async () => {
    const { dispatch } = core;
    const bad = async (input: unknown) => dispatch('fit.rank', input);
    const negative = await bad({ positionId: stew.id, weights: { certificates: -1, experience: 1, availability: 1, location: 1, culture: 1, engagement: 1 } });
    expect(negative).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/Certificates: a weight cannot be negative/) } });
    expect(await bad({ positionId: stew.id, weights: { certificates: 0, experience: 0, availability: 0, location: 0, culture: 0, engagement: 0 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/all zero/) } });
    expect(await bad({ positionId: stew.id, threshold: 1.2 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/between 0 and 1/) } });
    expect(await bad({ positionId: stew.id, preset: 'cheapest' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/no preset named "cheapest"/) } });
    expect(await bad({ positionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lowers the confidence with the reason for a candidate without a result and for a position with no requirements', async () => {
    const person = await core.call('people.create', { givenNames: 'Nadia', surname: 'Newcomer', dateOfBirth: '1995-05-05', nationalities: ['FRA'] });
    await core.call('documents.setRequirements', { vesselId: stew.vesselId, title: 'Stew', kinds: [] });
    const explained = await core.call('fit.explain', { positionId: stew.id, personId: person.id });
    expect(explained.candidate.subScores).toMatchObject({ certificates: null, culture: null });
    expect(explained.candidate.confidence).toBeLessThan(0.7);
    expect(explained.candidate.confidenceNotes.join(' ')).toMatch(/No questionnaire result yet, so culture is not scored.*|lists no required certificates/);
    await core.call('documents.setRequirements', { vesselId: stew.vesselId, title: 'Stew', kinds: null });
  });
});

describe('saved weights and trait profiles', () => {
  it('saves weights by name, ranks with them, and refuses a shipped name; archiving brings back the refusal', async () => {
    const saved = await core.call('fit.savePreset', { name: 'charter-season', label: 'Charter season', weights: { certificates: 1, experience: 1, availability: 2, location: 0, culture: 0, engagement: 0 } });
    expect(saved.weights.availability).toBeCloseTo(0.5, 12);
    expect((await core.call('fit.rank', { positionId: stew.id, preset: 'charter-season', limit: 1 })).weights.availability).toBeCloseTo(0.5, 12);
    expect(await core.dispatch('fit.savePreset', { name: 'balanced', label: 'Mine', weights: saved.weights })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.call('fit.archivePreset', { name: 'charter-season' });
    expect(await core.dispatch('fit.rank', { positionId: stew.id, preset: 'charter-season' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('an edited profile replaces the shipped one for its title until it is reset', async () => {
    const before = await core.call('fit.profiles', {});
    const shipped = before.profiles.find((p) => p.title === 'Stew')!;
    expect(shipped.source).toBe('Shipped (position-profiles-v1)');
    await core.call('fit.saveProfile', { title: 'Stew', ranges: [{ scale: 'A', min: 0.5, max: null, why: 'Our guests expect warmth' }] });
    const edited = (await core.call('fit.profiles', {})).profiles.find((p) => p.title === 'Stew')!;
    expect(edited).toMatchObject({ source: 'Edited (from position-profiles-v1)', editedBy: OWNER.displayName, edits: 1, ranges: [{ scale: 'A', min: 0.5 }] });
    expect((await core.call('fit.rank', { positionId: stew.id, limit: 1 })).position.profile).toBe('Stew profile (edited)');
    expect(await core.dispatch('fit.saveProfile', { title: 'Stew', ranges: [{ scale: 'A', min: 1, max: 0, why: 'x' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await core.call('fit.resetProfile', { title: 'Stew' });
    expect((await core.call('fit.profiles', {})).profiles.find((p) => p.title === 'Stew')!.source).toBe('Shipped (position-profiles-v1)');
  });
});

describe('records the fit reads', () => {
  it('sea service, visas, notice and cruising areas change the sub-scores they feed', async () => {
    const person = await core.call('people.create', { givenNames: 'Sam', surname: 'Seafarer', dateOfBirth: '1992-02-02', nationalities: ['ZAF'], noticeDays: 30 });
    const before = (await core.call('fit.explain', { positionId: stew.id, personId: person.id })).candidate;
    await core.call('seaService.add', { personId: person.id, vesselName: 'M/Y Elsewhere', lengthM: 75, use: 'charter', department: 'interior', positionTitle: 'Stew', startDate: '2022-01-01', endDate: '2023-12-31', kind: 'onboard' });
    await core.call('visas.add', { personId: person.id, kind: 'schengen', expiresOn: '2040-01-01' });
    await core.call('visas.add', { personId: person.id, kind: 'b1b2', expiresOn: '2040-01-01' });
    const after = (await core.call('fit.explain', { positionId: stew.id, personId: person.id })).candidate;
    expect(after.subScores.experience!).toBeGreaterThan(before.subScores.experience!);
    expect(after.subScores.location!).toBeGreaterThan(before.subScores.location!);
    expect(after.subScores.location).toBe(1);
    const service = await core.call('seaService.list', { id: person.id });
    expect(service).toHaveLength(1);
    expect(await core.dispatch('seaService.add', { personId: person.id, vesselName: 'X', department: 'interior', positionTitle: 'Stew', startDate: '2024-02-01', endDate: '2024-01-01', kind: 'onboard' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('vessels.update', { ...vessels[0]!, cruisingAreas: ['atlantis'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/Unknown cruising area: atlantis/) } });
  });
});

describe('reverse matching, what-if and swaps', () => {
  it('ranks the open positions for one person', async () => {
    const someone = (await core.call('people.list', { status: 'unassigned', limit: 1 })).rows[0]!;
    const result = await core.call('fit.matches', { personId: someone.id });
    expect(result.matches.length).toBeGreaterThan(0);
    const scores = result.matches.map((m) => m.candidate.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.matches[0]!.among).toBeGreaterThan(10);
  });

  it('a swap in what-if shows the harmony before and after, and every person’s figures side by side', async () => {
    const detail = await core.call('vessels.get', { id: stew.vesselId });
    const leaving = detail.currentCrew.find((c) => c.positionTitle === 'Stew')!;
    const joining = (await core.call('fit.rank', { positionId: stew.id, limit: 1 })).candidates[0]!;
    const result = await core.call('fit.whatIf', { vesselId: stew.vesselId, remove: [leaving.personId], add: [{ personId: joining.personId, positionId: stew.id }] });
    expect(result.harmony.before).not.toBeNull();
    expect(result.harmony.delta).toBeCloseTo(result.harmony.after! - result.harmony.before!, 9);
    expect(result.people.find((p) => p.personId === leaving.personId)).toMatchObject({ change: 'leaves', fitAfter: null });
    expect(result.people.find((p) => p.personId === joining.personId)).toMatchObject({ change: 'joins', fitBefore: null });
    expect(await core.dispatch('fit.whatIf', { vesselId: stew.vesselId, remove: ['stranger'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('best single swaps try every candidate × member and rank them by the change in harmony', async () => {
    const result = await core.call('fit.swaps', { vesselId: stew.vesselId, limit: 10 });
    expect(result.evaluated).toBe(result.crew * result.candidates);
    const deltas = result.swaps.map((s) => s.harmonyDelta ?? -Infinity);
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
  });
});

describe('outcomes, models, ANOVA and decisions', () => {
  it('the sample fleet’s ended assignments carry outcomes with their predictors; recalibration waits for enough of them', async () => {
    const { outcomes } = await core.call('outcomes.list', {});
    expect(outcomes.length).toBeGreaterThan(3);
    expect(outcomes[0]!.factors.environment).not.toBeNull();
    const models = await core.call('models.list', {});
    expect(models.models[0]).toMatchObject({ id: 'prediction-v1', active: true, shipped: true });
    expect(await core.dispatch('models.recalibrate', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Too few outcomes to recalibrate/) } });
    expect(await core.dispatch('outcomes.record', { assignmentId: outcomes[0]!.assignmentId, completed: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/why they left early/) } });
  });

  it('ANOVA compares departments per domain', async () => {
    const result = await core.call('fit.anova', { by: 'department' });
    expect(result.domains.map((d) => d.id)).toEqual(['N', 'E', 'O', 'A', 'C']);
    expect(result.domains[0]!.result!.dfBetween).toBe(3);
  });

  it('a decision records its basis and the ranking it was taken on', async () => {
    const ranking = await core.call('fit.rank', { positionId: stew.id, limit: 1 });
    const top = ranking.candidates[0]!;
    const decision = await core.call('fit.decide', { personId: top.personId, positionId: stew.id, decision: 'shortlisted', note: 'Strong interior record', logId: ranking.logId });
    expect(decision).toMatchObject({ decision: 'shortlisted', logId: ranking.logId, decidedBy: OWNER.displayName });
    expect(decision.basis).toMatchObject({ score: top.score, model: 'prediction-v1' });
    expect(await core.call('fit.decisions', { personId: top.personId })).toHaveLength(1);
    expect(await core.dispatch('fit.decide', { personId: top.personId, positionId: stew.id, decision: 'shortlisted', note: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('the same answers reach the renderer over both transports', async () => {
    const transports = await bothTransports(core);
    try {
      for (const bridge of Object.values(transports.bridges)) {
        const envelope = await bridge.invoke('fit.settings', {});
        expect(envelope).toMatchObject({ ok: true, data: { presets: expect.arrayContaining([expect.objectContaining({ name: 'balanced' })]) } });
      }
    } finally {
      await transports.close();
    }
  });
});
