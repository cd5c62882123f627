import { afterAll, describe, expect, it } from 'vitest';
import { personInput, vesselInput } from '../../helpers/fleet';
import { tempCore } from '../../helpers/temp-core';

const core = tempCore();
afterAll(() => core.dispose());

describe('positions: must be aboard, and a title in its own department', () => {
  it('marks captains, chief engineers and officers of the watch by default; the vessel can change it either way', async () => {
    const vessel = await core.call('vessels.create', vesselInput());
    const add = (department: 'deck' | 'engineering' | 'interior', title: string, mustBeAboard?: boolean) =>
      core.call('positions.create', { vesselId: vessel.id, department, title, headcount: 1, rotation: null, employmentKind: 'permanent', ...(mustBeAboard === undefined ? {} : { mustBeAboard }) });
    const flags = await Promise.all([add('deck', 'Captain'), add('deck', '3rd Officer'), add('engineering', 'Chief Engineer'), add('deck', 'Bosun'), add('interior', 'Chief Stew')]);
    expect(flags.map((p) => p.mustBeAboard)).toEqual([true, true, true, false, false]);
    expect((await add('deck', 'Deck/Engineer', true)).mustBeAboard).toBe(true);
    const bosun = flags[3]!;
    const changed = await core.call('positions.update', { id: bosun.id, department: 'deck', title: 'Bosun', headcount: 2, rotation: null, employmentKind: 'permanent', mustBeAboard: true });
    expect(changed.mustBeAboard).toBe(true);
    // Left out on an update: unchanged.
    expect((await core.call('positions.update', { id: bosun.id, department: 'deck', title: 'Bosun', headcount: 3, rotation: null, employmentKind: 'permanent' })).mustBeAboard).toBe(true);
  });

  it('refuses a known title under another department, naming the right one; custom titles go anywhere', async () => {
    const vessel = await core.call('vessels.create', vesselInput({ imoNumber: null, officialNumber: 'DEPT-1', name: 'Department test' }));
    const result = await core.dispatch('positions.create', { vesselId: vessel.id, department: 'interior', title: 'Chief Engineer', headcount: 1, rotation: null, employmentKind: 'permanent' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'department', message: 'Chief Engineer is an engineering position: choose Engineering, or give a title of your own' }] } },
    });
    expect(await core.dispatch('positions.create', { vesselId: vessel.id, department: 'interior', title: 'Stew/Engineer', headcount: 1, rotation: null, employmentKind: 'permanent' })).toMatchObject({ ok: true });
    const stew = await core.call('positions.create', { vesselId: vessel.id, department: 'interior', title: 'stew', headcount: 1, rotation: null, employmentKind: 'permanent' });
    expect(await core.dispatch('positions.update', { id: stew.id, department: 'galley', title: 'Stew', headcount: 1, rotation: null, employmentKind: 'permanent' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'department', message: expect.stringContaining('Interior') }] } },
    });
  });
});

describe('assignments: a rotation restart', () => {
  it('must fall within the assignment and needs a rotation; it is kept across edits and dropped with the rotation', async () => {
    const vessel = await core.call('vessels.create', vesselInput({ imoNumber: null, officialNumber: 'RESTART-1', name: 'Restart test' }));
    const position = await core.call('positions.create', { vesselId: vessel.id, department: 'deck', title: 'Deckhand', headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
    const person = await core.call('people.create', personInput({ email: 'restart@example.org', surname: 'Restart' }));
    const a = await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2026-11-01' });
    expect(a.rotationRestart).toBeNull();
    const update = (fields: Record<string, unknown>) => core.dispatch('assignments.update', { id: a.id, startDate: '2026-11-01', endDate: null, rotation: '4:2', ...fields });
    expect(await update({ rotationRestart: '2026-10-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'rotationRestart' }] } } });
    expect(await update({ rotation: null, rotationRestart: '2026-12-01' })).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'rotationRestart' }] } } });
    expect(await update({ rotationRestart: '2026-11-15' })).toMatchObject({ ok: true, data: { rotationRestart: '2026-11-15' } });
    // Kept when left out; the status follows it (aboard on day 35, which 4:2 from the start would make leave).
    expect(await update({ endDate: '2027-06-01' })).toMatchObject({ ok: true, data: { rotationRestart: '2026-11-15' } });
    expect((await core.call('people.get', { id: person.id, asOf: '2026-12-06' })).status).toBe('onboard');
    // Moving the start past it is refused with the date in words; removing the rotation drops it.
    expect(await update({ startDate: '2026-11-20' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('15 Nov 2026') } });
    expect(await update({ rotation: null })).toMatchObject({ ok: true, data: { rotationRestart: null } });
    // Ending the assignment before a restart ("End today") drops the restart instead of refusing.
    expect(await update({ rotationRestart: '2026-12-20' })).toMatchObject({ ok: true, data: { rotationRestart: '2026-12-20' } });
    expect(await update({ endDate: '2026-12-10' })).toMatchObject({ ok: true, data: { rotationRestart: null, endDate: '2026-12-10' } });
  });
});
