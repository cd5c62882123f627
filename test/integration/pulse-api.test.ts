import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIsoDate } from '../../src/shared/domain/dates';
import { createPeople } from '../helpers/assessments';
import { vesselInput } from '../helpers/fleet';
import { tempCore } from '../helpers/temp-core';

/**
 * Issue 12: pulse surveys on a schedule, answered in the kiosk or by invitation; anonymous answers carry no
 * person and show figures only from five answers, never narrowed below five by department; team dynamics reads
 * cohesion from them; campaigns follow each person.
 */
const core = tempCore();
afterAll(() => core.dispose());

let vesselId: string;
let crew: Array<{ id: string }>;
let scheduleId: string;

beforeAll(async () => {
  const vessel = await core.call('vessels.create', vesselInput());
  vesselId = vessel.id;
  const deck = await core.call('positions.create', { vesselId, department: 'deck', title: 'Deckhand', headcount: 6, rotation: null, employmentKind: 'permanent' });
  const interior = await core.call('positions.create', { vesselId, department: 'interior', title: 'Stew', headcount: 3, rotation: null, employmentKind: 'permanent' });
  crew = await createPeople(core, 8, 'pulse');
  for (const [i, person] of crew.entries()) await core.call('assignments.create', { personId: person.id, positionId: i < 6 ? deck.id : interior.id, startDate: '2024-01-01' });
  scheduleId = (await core.call('pulse.schedule', { vesselId, surveyId: 'team-climate', everyDays: 28, startOn: '2024-01-01', anonymous: true })).id;
});

async function answerPulse(department: 'deck' | 'interior', value: number) {
  const session = await core.call('pulse.start', { scheduleId, department });
  const view = await core.call('sessions.kiosk', { id: session.id });
  for (const item of view.items) await core.call('sessions.answer', { sessionId: session.id, item: item.id, value, ms: 3000 });
  await core.call('sessions.finish', { sessionId: session.id });
  return session.id;
}

describe('pulse surveys', () => {
  it('ships four definitions with their sources, and refuses an edited one that breaks the schema', async () => {
    const surveys = await core.call('pulse.surveys', {});
    expect(surveys.map((s) => s.id)).toEqual(['engagement', 'team-climate', 'wellbeing', 'workload']);
    for (const s of surveys) {
      expect(s.items).toBeGreaterThanOrEqual(5);
      expect(s.items).toBeLessThanOrEqual(8);
      expect(s.sources.length).toBeGreaterThan(0);
    }
    const definition = await core.call('pulse.survey', { id: 'workload' });
    const broken = { ...definition, version: '2', items: definition.items.slice(0, 3) };
    await expect(core.call('pulse.importSurvey', { contentBase64: Buffer.from(JSON.stringify(broken)).toString('base64') })).rejects.toThrow(/5 to 8 statements/);
    await expect(core.call('pulse.importSurvey', { contentBase64: Buffer.from(JSON.stringify(definition)).toString('base64') })).rejects.toThrow(/exists already/);
    const edited = { ...definition, version: '2', items: definition.items.map((i) => (i.id === 'say' ? { ...i, text: { en: 'I have a say in how my watch is run.' } } : i)) };
    expect(await core.call('pulse.importSurvey', { contentBase64: Buffer.from(JSON.stringify(edited)).toString('base64') })).toMatchObject({ id: 'workload', version: '2', builtin: false });
  });

  it('anonymous: 4 answers show no figure, 5 do; no answer keeps a person, and no department narrows below five', async () => {
    for (let i = 0; i < 4; i += 1) await answerPulse('deck', 4);
    let results = await core.call('pulse.results', { vesselId, surveyId: 'team-climate' });
    expect(results.anonymous).toBe(true);
    expect(results.rounds).toHaveLength(1);
    expect(results.rounds[0]!.vessel).toMatchObject({ n: 4, mean: null, withheld: expect.stringMatching(/at least 5/) });
    expect(results.rounds[0]!.departments).toEqual([]);

    await answerPulse('interior', 2);
    results = await core.call('pulse.results', { vesselId, surveyId: 'team-climate' });
    // Team climate has one reverse-keyed statement: 4 throughout scores (6 × 4 + 2) / 7.
    expect(results.rounds[0]!.vessel.n).toBe(5);
    expect(results.rounds[0]!.vessel.mean).toBeCloseTo((4 * ((6 * 4 + 2) / 7) + (6 * 2 + 4) / 7) / 5, 12);
    // Deck alone (4) is below five, and deck beside the vessel would give the interior's one answer away.
    expect(results.rounds[0]!.departments).toEqual([]);

    await answerPulse('deck', 4);
    results = await core.call('pulse.results', { vesselId, surveyId: 'team-climate' });
    // Deck has 5 now, but the interior's 1 would be the vessel minus deck: still no breakdown.
    expect(results.rounds[0]!.departments).toEqual([]);

    const db = new Database(join(core.dataDir, 'harmony.db'), { readonly: true });
    const stored = db.prepare('SELECT person_id AS personId, period FROM pulse_responses').all() as Array<{ personId: string | null; period: string }>;
    const left = db.prepare("SELECT count(*) AS n FROM session_answers a JOIN questionnaire_sessions s ON s.id = a.session_id WHERE s.kind = 'pulse'").get() as { n: number };
    db.close();
    expect(stored).toHaveLength(6);
    expect(stored.every((r) => r.personId === null)).toBe(true);
    expect(left.n).toBe(0);
  });

  it('feeds cohesion and the pulse part of volatility in team dynamics', async () => {
    const dynamics = await core.call('team.dynamics', { vesselId, asOf: todayIsoDate() });
    expect(dynamics.cohesion.available).toBe(true);
    expect(dynamics.cohesion.message).toMatch(/^Team climate in \d{4}-\d{2}: .* from 6 answers/);
    expect(dynamics.volatility.parts.find((p) => p.id === 'pulseVariability')!.note).toMatch(/Fewer than two months|Over 1 months/);
    const deckOnly = await core.call('team.dynamics', { vesselId, asOf: todayIsoDate(), group: { kind: 'department', department: 'deck' } });
    // Deck's 5 beside the vessel's 6 would give the interior's one answer away.
    expect(deckOnly.cohesion.series).toEqual([]);
  });
});

describe('campaigns', () => {
  it("assigns an instrument to a vessel's crew and follows each person: invited, in progress, completed", async () => {
    const due = todayIsoDate();
    const campaign = await core.call('campaigns.create', { name: 'Crew profiles', target: { kind: 'crew', vesselId, department: 'interior' }, what: { kind: 'assessment', instrumentId: 'ipip-neo-120', context: 'incumbent' }, dueOn: due });
    expect(campaign.members).toHaveLength(2);
    expect(campaign.counts).toEqual({ invited: 2, inProgress: 0, completed: 0, expired: 0 });
    const [first] = campaign.members;
    await core.call('sessions.answer', { sessionId: first!.sessionId, item: 'i1', value: 3, ms: 3000 });
    expect((await core.call('campaigns.get', { id: campaign.id })).counts).toMatchObject({ invited: 1, inProgress: 1 });
    await expect(core.call('campaigns.create', { name: 'Late', target: { kind: 'people', personIds: [crew[0]!.id] }, what: { kind: 'pulse', surveyId: 'wellbeing', anonymous: true }, dueOn: '2020-01-01' })).rejects.toThrow(/due date has passed/);
  });

  it('a remote pulse campaign gives each person an invitation', async () => {
    const campaign = await core.call('campaigns.create', { name: 'Wellbeing', mode: 'remote', target: { kind: 'people', personIds: [crew[0]!.id, crew[7]!.id] }, what: { kind: 'pulse', surveyId: 'wellbeing', anonymous: true }, dueOn: '2099-01-01' });
    expect(campaign.anonymous).toBe(true);
    const { html } = await core.call('invitations.export', { id: campaign.members[0]!.sessionId });
    expect(html).toContain('I have felt worn out most days.');
  });
});
