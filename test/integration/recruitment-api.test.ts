import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../src/shared/api';
import { formatWallClock } from '../../src/shared/domain/dates';
import { peopleCsv } from '../bench/fleet-data';
import { personInput, vesselWithPosition } from '../helpers/fleet';
import { addUser, OWNER, tempCore } from '../helpers/temp-core';

/**
 * Recruitment through the dispatcher (docs/recruitment.md): requisitions and their moves and figures,
 * applications and the first-submission stamp, hiring into the position (and a full one refused), interviews
 * with overlap warnings, feedback once per interviewer, notes, the inbox, duplicates and merging, the CV.
 */
const core = tempCore();
let position: Output<'positions.create'>;
let vessel: Output<'vessels.create'>;
const people: Record<string, string> = {};

const requisitionInput = (overrides: Partial<Input<'requisitions.create'>> = {}): Input<'requisitions.create'> => ({
  positionId: position.id,
  title: 'Chief Stew',
  startDate: '2027-03-01',
  rotation: '4:2',
  salaryMin: 6000,
  salaryMax: 7000,
  currency: 'eur',
  places: 1,
  requirements: { certificates: ['eng1', 'pst'], languages: ['English'] },
  ...overrides,
});

beforeAll(async () => {
  ({ vessel, position } = await vesselWithPosition(core, { headcount: 1 }));
  for (const [key, given, email] of [['ana', 'Ana', 'ana@example.org'], ['ben', 'Ben', 'ben@example.org'], ['cy', 'Cy', 'cy@example.org']] as const) {
    people[key] = (await core.call('people.create', personInput({ givenNames: given, surname: `${given}son`, email }))).id;
  }
});
afterAll(() => core.dispose());

async function openRequisition(overrides: Partial<Input<'requisitions.create'>> = {}) {
  const draft = await core.call('requisitions.create', requisitionInput(overrides));
  return core.call('requisitions.move', { id: draft.id, status: 'open' });
}

describe('requisitions', () => {
  it('takes its defaults from the position: title, department, rotation and the certificates it requires', async () => {
    const defaults = await core.call('requisitions.defaults', { positionId: position.id });
    expect(defaults).toMatchObject({ title: 'Chief Stew', department: 'interior', rotation: '4:2', places: 1 });
    expect(defaults.requirements.certificates).toEqual(expect.arrayContaining(['eng1', 'pst']));
  });

  it('is created as a draft, opened with a stamp, and refuses a move its state does not allow, naming the allowed ones', async () => {
    const draft = await core.call('requisitions.create', requisitionInput());
    expect(draft).toMatchObject({ status: 'draft', currency: 'EUR', vessel: vessel.name, department: 'interior', openedAt: null, createdBy: OWNER.displayName });
    const bad = await core.dispatch('requisitions.move', { id: draft.id, status: 'paused' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Requisition cannot go from Draft to Paused; from Draft it can go to Open, Cancelled' } });
    const open = await core.call('requisitions.move', { id: draft.id, status: 'open' });
    expect(open.status).toBe('open');
    expect(open.openedAt).not.toBeNull();
    expect(open.daysOpen).toBe(0);
    const cancelled = await core.call('requisitions.move', { id: draft.id, status: 'cancelled' });
    expect(cancelled.endedAt).not.toBeNull();
    expect(await core.dispatch('requisitions.update', { id: draft.id, ...requisitionInput() })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/cancelled; its terms can no longer change/) } });
  });

  it('refuses a minimum salary above the maximum, a salary without currency and an unknown currency, naming the field', async () => {
    const above = await core.dispatch('requisitions.create', requisitionInput({ salaryMin: 8000, salaryMax: 7000 }));
    expect(above).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'salaryMin', message: 'The minimum salary (8000) is above the maximum (7000)' }] } } });
    expect(await core.dispatch('requisitions.create', requisitionInput({ currency: null }))).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'currency' }] } } });
    expect(await core.dispatch('requisitions.create', requisitionInput({ currency: 'XYZ1' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('requisitions.create', requisitionInput({ places: 0 }))).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'places', message: 'At least one place' }] } } });
  });
});

describe('applications, the stamp and hiring', () => {
  it('moves a candidate forward only, stamps the first submission to the vessel once, and needs a reason to reject', async () => {
    const req = await openRequisition();
    const app = await core.call('applications.create', { requisitionId: req.id, personId: people.ana!, source: 'Agency', agency: 'Blue Water Crew' });
    expect(app).toMatchObject({ stage: 'sourced', firstSubmission: null });
    expect(await core.dispatch('applications.create', { requisitionId: req.id, personId: people.ana!, source: 'Direct' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /already a candidate/ } });
    const submitted = await core.call('applications.move', { id: app.id, stage: 'submitted' });
    expect(submitted.firstSubmission).toMatchObject({ applicationId: app.id, agency: 'Blue Water Crew', submittedBy: OWNER.displayName });
    const back = await core.dispatch('applications.move', { id: app.id, stage: 'screening' });
    expect(back).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Application cannot go from Submitted to Vessel to Screening; from Submitted to vessel it can go to Interviewing, Offered, Rejected, Withdrawn'.replace('Submitted to Vessel', 'Submitted to vessel') } });
    // A second requisition on the same vessel: the stamp stays the first one, by the first agency.
    const other = await openRequisition({ title: 'Chief Stew (relief)' });
    const second = await core.call('applications.create', { requisitionId: other.id, personId: people.ana!, source: 'Agency', agency: 'Another Agency' });
    const secondSubmitted = await core.call('applications.move', { id: second.id, stage: 'submitted' });
    expect(secondSubmitted.firstSubmission).toMatchObject({ applicationId: app.id, agency: 'Blue Water Crew', submittedAt: submitted.firstSubmission!.submittedAt });
    expect(await core.dispatch('applications.move', { id: second.id, stage: 'rejected' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'reason' }] } } });
    expect((await core.call('applications.move', { id: second.id, stage: 'rejected', reason: 'Duplicate of the main requisition' })).exitReason).toBe('Duplicate of the main requisition');
    const history = await core.call('applications.history', { id: app.id });
    expect(history.map((h) => h.toStage)).toEqual(['sourced', 'submitted']);
    await core.call('requisitions.move', { id: other.id, status: 'closed' });
  });

  it('hires from an offer: the assignment is created, the requisition filled; a full position is refused with who holds it', async () => {
    const req = await openRequisition();
    const ben = await core.call('applications.create', { requisitionId: req.id, personId: people.ben!, source: 'Referral' });
    await core.call('applications.move', { id: ben.id, stage: 'submitted' });
    expect(await core.dispatch('applications.hire', { id: ben.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /Only a candidate with an offer/ } });
    expect(await core.dispatch('applications.move', { id: ben.id, stage: 'offered' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: /start date/ } });
    expect(await core.dispatch('applications.move', { id: ben.id, stage: 'placed' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /use Hire/ } });
    await core.call('applications.move', { id: ben.id, stage: 'offered', offer: { startDate: '2027-03-01', rotation: '6:6', salary: 6500 } });
    const hired = await core.call('applications.hire', { id: ben.id });
    expect(hired.application).toMatchObject({ stage: 'placed', assignmentId: hired.assignmentId });
    expect(hired.requisition).toMatchObject({ status: 'filled', placed: 1, daysToFill: 0 });
    const crew = await core.call('vessels.get', { id: vessel.id, asOf: '2027-03-02' });
    expect(JSON.stringify(crew)).toContain('Benson');
    const person = await core.call('people.get', { id: people.ben! });
    expect(person.assignments[0]).toMatchObject({ positionTitle: 'Chief Stew', startDate: '2027-03-01', rotation: '6:6' });

    // The one place is taken from 1 March: Cy cannot be hired into it.
    const again = await openRequisition();
    const cy = await core.call('applications.create', { requisitionId: again.id, personId: people.cy!, source: 'Direct' });
    await core.call('applications.move', { id: cy.id, stage: 'submitted' });
    await core.call('applications.move', { id: cy.id, stage: 'offered', offer: { startDate: '2027-04-01' } });
    const full = await core.dispatch('applications.hire', { id: cy.id });
    expect(full).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^The position Chief Stew on Test Vessel is full on 1 Apr 2027: its one place is held by Ben Benson \(from 1 Mar 2027\)/) } });
    const untouched = await core.call('applications.list', { requisitionId: again.id });
    expect(untouched[0]).toMatchObject({ stage: 'offered', assignmentId: null });
    expect((await core.call('people.get', { id: people.cy! })).assignments).toHaveLength(0);

    const figures = await core.call('requisitions.figures', {});
    expect(figures.hires).toBe(1);
    expect(figures.timeToHire.median).toBe(0);
    expect(figures.sourceOfHires.find((s) => s.source === 'Referral')).toEqual({ source: 'Referral', hires: 1, applications: 1 });
    expect(figures.requisitions.filled).toBe(1);
    await core.call('applications.move', { id: cy.id, stage: 'withdrawn', reason: 'Took another job' });
    await core.call('requisitions.move', { id: again.id, status: 'closed' });
  });
});

describe('interviews, feedback and notes', () => {
  let appId: string;
  let interviewId: string;
  let hart: Awaited<ReturnType<typeof addUser>>;
  let mia: Awaited<ReturnType<typeof addUser>>;

  beforeAll(async () => {
    hart = await addUser(core, { role: 'captain', displayName: 'Captain Hart' });
    mia = await addUser(core, { role: 'head_of_department', displayName: 'Mia Chief' });
    position = await core.call('positions.create', { vesselId: vessel.id, department: 'deck', title: 'Bosun', headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
    const req = await openRequisition({ title: 'Bosun', requirements: {} });
    appId = (await core.call('applications.create', { requisitionId: req.id, personId: people.cy!, source: 'Direct' })).id;
    await core.call('applications.move', { id: appId, stage: 'submitted' });
  });

  it('schedules in the zone where it is held, with a question guide from the position, and warns of an interviewer booked twice', async () => {
    const first = await core.call('interviews.schedule', { applicationId: appId, kind: 'captain', mode: 'video', interviewers: [hart.user.id, mia.user.id], localTime: '2027-01-10T10:00', timeZone: 'Europe/Paris', durationMinutes: 60, location: 'https://meet.example/abc' });
    expect(first.interview).toMatchObject({ startsAt: '2027-01-10T09:00:00.000Z', localTime: '2027-01-10 10:00', status: 'scheduled' });
    expect(first.interview.interviewers).toEqual([
      { userId: hart.user.id, name: 'Captain Hart', role: 'captain', gaveFeedback: false },
      { userId: mia.user.id, name: 'Mia Chief', role: 'head_of_department', gaveFeedback: false },
    ]);
    expect(first.interview.questions.length).toBeGreaterThan(2);
    expect(first.warnings).toEqual([]);
    interviewId = first.interview.id;
    const second = await core.call('interviews.schedule', { applicationId: appId, kind: 'technical', mode: 'phone', interviewers: [mia.user.id], localTime: '2027-01-10T09:30', timeZone: 'Europe/London', durationMinutes: 30 });
    expect(second.warnings).toEqual(['Mia Chief already has an interview with Cy Cyson at 10 Jan 2027, 10:00 (Europe/Paris) that overlaps this one']);
    expect(await core.dispatch('interviews.schedule', { applicationId: appId, kind: 'captain', mode: 'video', interviewers: [hart.user.id], localTime: '2027-03-28T02:30', timeZone: 'Europe/Paris', durationMinutes: 30 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: /does not exist in Europe\/Paris/ } });
    expect(await core.dispatch('interviews.schedule', { applicationId: appId, kind: 'captain', mode: 'video', interviewers: [hart.user.id], localTime: '2027-01-10T10:00', timeZone: 'Mars/Olympus', durationMinutes: 30 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('interviews.move', { id: second.interview.id, status: 'scheduled' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /already Scheduled/ } });
    await core.call('interviews.move', { id: second.interview.id, status: 'cancelled' });
  });

  it('takes feedback from each interviewer once, as the signed-in user, refuses anyone else, and sums it up per application', async () => {
    const given = await hart.call('feedback.submit', { interviewId, ratings: { technical: 4, teamwork: 5 }, overall: 4, recommendation: 'hire', strengths: 'Calm' });
    expect(given).toMatchObject({ interviewer: 'Captain Hart', interviewerId: hart.user.id });
    // An author named in the request is not a field of it: the session decides.
    const named = await core.dispatch('feedback.submit', { interviewId, interviewer: 'Captain Hart', overall: 3, recommendation: 'maybe', concerns: 'Short tenures', ratings: { technical: 2 } }, { session: mia.token });
    expect(named).toMatchObject({ ok: true, data: { interviewer: 'Mia Chief', interviewerId: mia.user.id } });
    const twice = await core.dispatch('feedback.submit', { interviewId, overall: 2, recommendation: 'no_hire' }, { session: hart.token });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /^Captain Hart already gave feedback on this interview .*; each interviewer gives it once$/ } });
    // The owner may call feedback.submit, but is not an interviewer of this one; nor is another captain.
    expect(await core.dispatch('feedback.submit', { interviewId, overall: 3, recommendation: 'maybe' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only the interviewers of this interview (Captain Hart, Mia Chief) give feedback on it, and Olivia Owner is not one of them', details: { reason: 'not-allowed' } },
    });
    const stranger = await addUser(core, { role: 'captain', displayName: 'Captain Stranger' });
    expect(await core.dispatch('feedback.submit', { interviewId, overall: 3, recommendation: 'maybe' }, { session: stranger.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: /Captain Stranger is not one of them/ } });
    const summary = await core.call('feedback.summary', { id: appId });
    expect(summary).toMatchObject({ count: 2, overall: 3.5, competencies: { technical: 3, teamwork: 5 }, recommendations: { strong_hire: 0, hire: 1, maybe: 1, no_hire: 0 } });
    expect(summary.entries.map((e) => e.interviewer)).toEqual(['Captain Hart', 'Mia Chief']);
    expect((await core.call('interviews.list', { applicationId: appId }))[0]!.interviewers.map((i) => [i.name, i.gaveFeedback])).toEqual([['Captain Hart', true], ['Mia Chief', true]]);
  });

  it('shows shared notes to everyone and private ones to their author only', async () => {
    await core.call('notes.add', { applicationId: appId, kind: 'red_flag', visibility: 'shared', body: 'Gap of a year in the CV' });
    await core.call('notes.add', { applicationId: appId, kind: 'follow_up', visibility: 'private', body: 'Call the last captain' });
    expect((await core.call('notes.list', { id: appId })).map((n) => n.body)).toEqual(['Gap of a year in the CV', 'Call the last captain']);
    const another = await addUser(core, { role: 'recruiter', displayName: 'Another Recruiter' });
    expect((await another.call('notes.list', { id: appId })).map((n) => n.body)).toEqual(['Gap of a year in the CV']);
    // A colleague of the same name is another account: the private note stays its author's.
    const namesake = await addUser(core, { role: 'recruiter', displayName: (await core.call('auth.me', {})).displayName });
    expect((await namesake.call('notes.list', { id: appId })).map((n) => n.body)).toEqual(['Gap of a year in the CV']);
  });

  it('puts stage changes and feedback in the inbox, read and unread', async () => {
    const inbox = await core.call('notifications.list', {});
    const kinds = new Set(inbox.items.map((n) => n.kind));
    expect(kinds).toEqual(new Set(['stage_change', 'feedback_submitted']));
    const feedback = inbox.items.find((n) => n.title === 'Feedback on Cy Cyson from Mia Chief')!;
    expect(feedback).toMatchObject({ link: `/recruitment/application/${appId}`, readAt: null, body: 'Mia Chief: Maybe, 3 of 5 overall (Bosun on Test Vessel).' });
    expect(await core.call('notifications.markRead', { ids: [feedback.id] })).toEqual({ changed: 1 });
    const after = await core.call('notifications.list', { unreadOnly: true });
    expect(after.unread).toBe(inbox.unread - 1);
    expect(after.items.some((n) => n.id === feedback.id)).toBe(false);
  });

  it('reminds of an interview within a day, and is read as it stands while an import holds the database', async () => {
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString().slice(0, 16);
    await core.call('interviews.schedule', { applicationId: appId, kind: 'screening', mode: 'phone', interviewers: [(await core.call('auth.me', {})).id], localTime: soon, timeZone: 'UTC', durationMinutes: 20 });
    const importing = core.call('people.import', { contentBase64: Buffer.from(peopleCsv(7000)).toString('base64') }, { taskId: 'inbox-import' });
    await new Promise<void>((started) => {
      const off = core.events.subscribe((event, payload) => {
        if (event === 'task.progress' && (payload as { taskId: string; message?: string }).taskId === 'inbox-import' && (payload as { message?: string }).message === 'Importing people') {
          off();
          started();
        }
      });
    });
    const during = await core.dispatch('notifications.list', {});
    expect(during).toMatchObject({ ok: true });
    expect((during as { data: Output<'notifications.list'> }).data.items.some((n) => n.kind === 'interview_reminder')).toBe(false);
    await importing;
    const after = await core.call('notifications.list', {});
    expect(after.items.find((n) => n.kind === 'interview_reminder')).toMatchObject({ priority: 'high', title: `Interview with Cy Cyson, ${formatWallClock(soon.replace('T', ' '))}` });
    expect((await core.call('notifications.list', {})).items.filter((n) => n.kind === 'interview_reminder')).toHaveLength(1);
  }, 60_000);
});
