import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../src/shared/api';
import { personInput, vesselInput } from '../helpers/fleet';
import { addUser, OWNER, tempCore } from '../helpers/temp-core';

/**
 * Interviewers are user accounts (docs/recruitment.md#interviews): the directory a recruiter picks them from
 * (colleagues who give interview feedback and work on the application's vessel, within the caller's own scope),
 * scheduling refusing anyone else with the reason, and feedback given by the signed-in interviewer only, once,
 * with the audit log naming its author.
 */
const core = tempCore();
const apps: Record<'a' | 'b', string> = { a: '', b: '' };
const vessels: Record<'a' | 'b', string> = { a: '', b: '' };
type Account = Awaited<ReturnType<typeof addUser>>;
let captainA: Account;
let captainB: Account;
let recruiterA: Account;
let hodA: Account;
let viewer: Account;
let removed: Account;
let ownerId: string;

async function application(key: 'a' | 'b', name: string): Promise<void> {
  const vessel = await core.call('vessels.create', vesselInput({ name, imoNumber: null, officialNumber: `ON-${key}` }));
  const position = await core.call('positions.create', { vesselId: vessel.id, department: 'deck', title: 'Deckhand', headcount: 2, rotation: null, employmentKind: 'permanent' });
  const draft = await core.call('requisitions.create', { positionId: position.id, title: 'Deckhand', startDate: '2030-01-01', rotation: null, salaryMin: null, salaryMax: null, currency: null, requirements: {} });
  await core.call('requisitions.move', { id: draft.id, status: 'open' });
  const person = await core.call('people.create', personInput({ givenNames: `Candidate ${key.toUpperCase()}`, email: `${key}@example.org` }));
  vessels[key] = vessel.id;
  apps[key] = (await core.call('applications.create', { requisitionId: draft.id, personId: person.id, source: 'Direct' })).id;
}

beforeAll(async () => {
  ownerId = (await core.call('auth.me', {})).id;
  await application('a', 'Aurora');
  await application('b', 'Boreas');
  const on = (vessel: string) => ({ vesselIds: [vessel], department: null });
  captainA = await addUser(core, { role: 'captain', displayName: 'Ava Captain', scope: on(vessels.a) });
  captainB = await addUser(core, { role: 'captain', displayName: 'Bo Captain', scope: on(vessels.b) });
  recruiterA = await addUser(core, { role: 'recruiter', displayName: 'Rita Recruiter', scope: on(vessels.a) });
  hodA = await addUser(core, { role: 'head_of_department', displayName: 'Hal Bosun', scope: { vesselIds: [vessels.a], department: 'deck' } });
  viewer = await addUser(core, { role: 'office_viewer', displayName: 'Olga Viewer' });
  removed = await addUser(core, { role: 'captain', displayName: 'Rex Removed' });
  await core.call('users.remove', { id: removed.user.id });
}, 60_000);
afterAll(() => core.dispose());

const schedule = (applicationId: string, interviewers: string[]): Input<'interviews.schedule'> => ({ applicationId, kind: 'technical', mode: 'video', interviewers, localTime: '2029-06-01T10:00', timeZone: 'UTC', durationMinutes: 30 });

describe('the directory of colleagues who may interview', () => {
  it('lists the active accounts that give feedback and work on the application’s vessel, by name with their role', async () => {
    expect(await core.call('interviews.interviewers', { applicationId: apps.a })).toEqual([
      { id: captainA.user.id, name: 'Ava Captain', role: 'captain' },
      { id: hodA.user.id, name: 'Hal Bosun', role: 'head_of_department' },
      { id: ownerId, name: OWNER.displayName, role: 'owner' },
      { id: recruiterA.user.id, name: 'Rita Recruiter', role: 'recruiter' },
    ]);
    const forB = (await core.call('interviews.interviewers', { applicationId: apps.b })).map((c) => c.name);
    expect(forB).toEqual(['Bo Captain', OWNER.displayName]);
  });

  it('is open to a recruiter scoped to the vessel, and hides another vessel’s application as if it did not exist', async () => {
    expect((await recruiterA.call('interviews.interviewers', { applicationId: apps.a })).map((c) => c.name)).toEqual(['Ava Captain', 'Hal Bosun', OWNER.displayName, 'Rita Recruiter']);
    expect(await core.dispatch('interviews.interviewers', { applicationId: apps.b }, { session: recruiterA.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A head of department gives feedback but does not schedule: the directory is for those who schedule.
    expect(await core.dispatch('interviews.interviewers', { applicationId: apps.a }, { session: hodA.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('scheduling with accounts', () => {
  it('refuses, naming why, an account of another vessel, a role that gives no feedback, a removed account and an unknown id', async () => {
    const refused = await core.dispatch('interviews.schedule', schedule(apps.a, [captainA.user.id, captainB.user.id, viewer.user.id, removed.user.id, 'no-such-user']));
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'interviewers' }] } } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain('Bo Captain does not work on Aurora (their account is for other vessels)');
    expect(message).toContain('Olga Viewer is an office viewer, and that role does not give interview feedback');
    expect(message).toContain("Rex Removed's account was removed");
    expect(message).toContain('No account has the id no-such-user');
    expect(await core.call('interviews.list', { applicationId: apps.a })).toEqual([]);
  });

  it('warns of an account booked into two overlapping interviews, by its name', async () => {
    await core.call('interviews.schedule', schedule(apps.a, [captainA.user.id]));
    const again = await core.call('interviews.schedule', { ...schedule(apps.a, [hodA.user.id, captainA.user.id]), localTime: '2029-06-01T10:15' });
    expect(again.warnings).toEqual([expect.stringMatching(/^Ava Captain already has an interview with Candidate A Smith at .* that overlaps this one$/)]);
    const apart = await core.call('interviews.schedule', { ...schedule(apps.a, [hodA.user.id]), localTime: '2029-06-02T10:15' });
    expect(apart.warnings).toEqual([]);
  });
});

describe('feedback from the signed-in interviewer', () => {
  it('is taken from each interviewer once, refused to anyone else, and the audit log names its author', async () => {
    const { interview } = await core.call('interviews.schedule', { ...schedule(apps.a, [captainA.user.id, hodA.user.id]), localTime: '2029-07-01T10:00' });
    const submit = { interviewId: interview.id, overall: 4, recommendation: 'hire' } as const;
    expect(await core.dispatch('feedback.submit', submit, { session: recruiterA.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the interviewers of this interview (Ava Captain, Hal Bosun) give feedback on it, and Rita Recruiter is not one of them' } });
    const refusals = await core.call('audit.search', { action: 'refused', user: recruiterA.user.id });
    expect(refusals.entries.map((e) => e.note)).toEqual(['Only the interviewers of this interview (Ava Captain, Hal Bosun) give feedback on it, and Rita Recruiter is not one of them']);
    const given = await hodA.call('feedback.submit', { ...submit, strengths: 'Knows the deck' });
    expect(given).toMatchObject({ interviewer: 'Hal Bosun', interviewerId: hodA.user.id });
    expect(await core.dispatch('feedback.submit', submit, { session: hodA.token })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Hal Bosun already gave feedback on this interview/) } });
    const [shown] = (await core.call('interviews.list', { applicationId: apps.a })).filter((i) => i.id === interview.id);
    expect(shown!.interviewers).toEqual([
      { userId: captainA.user.id, name: 'Ava Captain', role: 'captain', gaveFeedback: false },
      { userId: hodA.user.id, name: 'Hal Bosun', role: 'head_of_department', gaveFeedback: true },
    ]);
    const history = await core.call('audit.history', { table: 'interview_feedback', rowId: given.id });
    expect(history[0]).toMatchObject({ action: 'created', actor: { kind: 'user', id: hodA.user.id, name: 'Hal Bosun' } });
    expect(history[0]!.changes.find((c) => c.column === 'interviewer_id')).toMatchObject({ label: 'Interviewer’s account', after: hodA.user.id });
    // The interview's own entry names its interviewers in words, not by account id.
    const scheduled = await core.call('audit.history', { table: 'interviews', rowId: interview.id });
    expect(scheduled[0]!.changes.find((c) => c.column === 'interviewers')).toMatchObject({ label: 'Interviewers', afterText: 'Ava Captain, Hal Bosun' });
  });

  it('shows an author’s present name in the summary once their account is renamed', async () => {
    await core.call('users.update', { id: hodA.user.id, displayName: 'Hal Bosun-Smith' });
    const summary = await core.call('feedback.summary', { id: apps.a });
    expect(summary.entries.map((e) => e.interviewer)).toEqual(['Hal Bosun-Smith']);
  });
});
