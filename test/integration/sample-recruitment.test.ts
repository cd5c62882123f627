import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore } from '../helpers/temp-core';

/** The sample fleet carries a hire in progress, so the Recruitment screen has something to show in one click. */
const core = tempCore();
beforeAll(async () => {
  await core.call('demo.load', {});
}, 120_000);
afterAll(() => core.dispose());

describe('the sample fleet’s recruitment', () => {
  it('has an open requisition on a position with a free place, its candidates at each stage to an interview with feedback', async () => {
    const [requisition, ...others] = await core.call('requisitions.list', {});
    expect(others).toHaveLength(0);
    expect(requisition).toMatchObject({ status: 'open', currency: 'EUR', places: 1, placed: 0, stages: { sourced: 1, contacted: 1, screening: 1, submitted: 1, interviewing: 1 } });
    const positions = await core.call('fit.positions', {});
    const position = positions.find((p) => p.id === requisition!.positionId)!;
    expect(position.current + position.planned).toBeLessThan(position.headcount);
    const applications = await core.call('applications.list', { requisitionId: requisition!.id });
    const interviewing = applications.find((a) => a.stage === 'interviewing')!;
    expect(interviewing.firstSubmission).not.toBeNull();
    const [interview] = await core.call('interviews.list', { applicationId: interviewing.id });
    // The interviewer is the account that loaded the sample, and their feedback is in.
    const me = await core.call('auth.me', {});
    expect(interview).toMatchObject({ status: 'scheduled', interviewers: [{ userId: me.id, name: me.displayName, role: 'owner', gaveFeedback: true }] });
    expect((await core.call('feedback.summary', { id: interviewing.id })).entries).toMatchObject([{ interviewerId: me.id, interviewer: me.displayName }]);
    for (const a of applications) expect((await core.call('people.get', { id: a.personId })).status).toBe('unassigned');
  });
});
