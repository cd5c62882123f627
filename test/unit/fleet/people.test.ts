import sharp from 'sharp';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personInput, vesselWithPosition } from '../../helpers/fleet';
import { tempCore } from '../../helpers/temp-core';

let core: ReturnType<typeof tempCore>;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

describe('people', () => {
  it('stores a person with normalised fields and finds them again', async () => {
    const person = await core.call('people.create', personInput({ email: ' Joanna.Smith@Example.ORG ', phone: '', nationalities: ['gbr'] }));
    expect(person).toMatchObject({ email: 'joanna.smith@example.org', phone: null, nationalities: ['GBR'], photoHash: null });
    const detail = await core.call('people.get', { id: person.id });
    expect(detail).toMatchObject({ status: 'unassigned', placement: null, assignments: [] });
  });

  it('names each invalid field', async () => {
    const result = await core.dispatch('people.create', personInput({ givenNames: ' ', dateOfBirth: '1990-02-30', email: 'nope', nationalities: ['XXX'] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = (result.error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['dateOfBirth', 'email', 'givenNames', 'nationalities.0']);
  });

  it('refuses the same person twice (name and birth date, or e-mail), and names an archived match', async () => {
    const first = await core.call('people.create', personInput());
    const sameName = await core.dispatch('people.create', personInput({ givenNames: 'JOANNA', email: null }));
    expect(sameName).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Joanna Smith, born 1990-04-12, is already stored', details: { personId: first.id } } });
    const sameEmail = await core.dispatch('people.create', personInput({ surname: 'Other' }));
    expect(sameEmail).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('joanna.smith@example.org') } });
    await core.call('people.archive', { id: first.id });
    const archived = await core.dispatch('people.create', personInput());
    expect(archived).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('archived') } });
  });

  it('archives and restores; an assigned person cannot be archived until the assignment ends', async () => {
    const { position } = await vesselWithPosition(core);
    const person = await core.call('people.create', personInput());
    const assignment = await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2020-01-01' });
    expect(await core.dispatch('people.archive', { id: person.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.call('assignments.archive', { id: assignment.id });
    await core.call('people.archive', { id: person.id });
    expect((await core.call('people.get', { id: person.id })).status).toBe('archived');
    expect(await core.dispatch('people.update', { id: person.id, ...personInput({ surname: 'Changed' }) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.call('people.restore', { id: person.id });
    expect((await core.call('people.get', { id: person.id })).status).toBe('unassigned');
  });

  it('stores a photo by content hash, resized, and serves it back; rejects what is not a picture', async () => {
    const person = await core.call('people.create', personInput());
    const png = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3366aa' } }).png().toBuffer();
    const updated = await core.call('people.setPhoto', { id: person.id, contentBase64: png.toString('base64') });
    expect(updated.photoHash).toMatch(/^[0-9a-f]{64}$/);
    const store = core.state.files;
    expect(existsSync(store.pathOf(updated.photoHash!))).toBe(true);
    const { dataUrl } = await core.call('people.photo', { id: person.id });
    const stored = Buffer.from(dataUrl!.replace('data:image/jpeg;base64,', ''), 'base64');
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'jpeg', width: 600, height: 450 });

    const junk = await core.dispatch('people.setPhoto', { id: person.id, contentBase64: Buffer.from('not an image').toString('base64') });
    expect(junk).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'contentBase64' }] } } });
    expect((await core.call('people.get', { id: person.id })).person.photoHash).toBe(updated.photoHash);

    await core.call('people.setPhoto', { id: person.id, contentBase64: null });
    expect(await core.call('people.photo', { id: person.id })).toEqual({ dataUrl: null });
  });
});

describe('assignments', () => {
  it('takes the rotation of the position unless told otherwise', async () => {
    const { position } = await vesselWithPosition(core);
    const a = await core.call('people.create', personInput());
    const b = await core.call('people.create', personInput({ givenNames: 'Ben', email: 'ben@example.org' }));
    expect((await core.call('assignments.create', { personId: a.id, positionId: position.id, startDate: '2024-01-01' })).rotation).toBe('4:2');
    expect((await core.call('assignments.create', { personId: b.id, positionId: position.id, startDate: '2024-01-01', rotation: '2:2' })).rotation).toBe('2:2');
  });

  it('refuses a double booking with a CONFLICT naming the other assignment', async () => {
    const { position, vessel } = await vesselWithPosition(core);
    const person = await core.call('people.create', personInput());
    const first = await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-01-01', endDate: '2024-06-30' });
    const overlap = await core.dispatch('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-06-30' });
    expect(overlap).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: `Double booking: this overlaps their assignment as Chief Stew on ${vessel.name} (1 Jan 2024 to 30 Jun 2024)`,
        details: { assignmentId: first.id, issues: [{ path: 'startDate', message: `Overlaps Chief Stew on ${vessel.name} (1 Jan 2024 to 30 Jun 2024)` }] },
      },
    });
    // The day after is free; an open-ended one blocks everything later.
    const second = await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-07-01' });
    expect(await core.dispatch('assignments.create', { personId: person.id, positionId: position.id, startDate: '2030-01-01', endDate: '2030-02-01' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('(from 1 Jul 2024, open-ended)'), details: { assignmentId: second.id } },
    });
    // Moving the first one onto the second is refused too; archiving one frees its dates, restoring re-checks.
    expect(await core.dispatch('assignments.update', { id: first.id, startDate: '2024-01-01', endDate: '2024-07-01', rotation: null })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.call('assignments.archive', { id: second.id });
    await core.call('assignments.update', { id: first.id, startDate: '2024-01-01', endDate: null, rotation: null });
    expect(await core.dispatch('assignments.restore', { id: second.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { assignmentId: first.id } } });
  });

  it('rejects an end before the start, naming endDate', async () => {
    const { position } = await vesselWithPosition(core);
    const person = await core.call('people.create', personInput());
    const result = await core.dispatch('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-05-01', endDate: '2024-04-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'endDate' }] } } });
  });

  it("derives a person's status from assignments, rotation and the date", async () => {
    const { position } = await vesselWithPosition(core, { rotation: '2:1' });
    const person = await core.call('people.create', personInput());
    await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-01-01', endDate: '2024-12-31' });
    const status = async (asOf: string) => (await core.call('people.get', { id: person.id, asOf })).status;
    expect(await status('2023-12-01')).toBe('joining');
    expect(await status('2024-01-01')).toBe('onboard');
    expect(await status('2024-01-14')).toBe('onboard');
    expect(await status('2024-01-15')).toBe('on_leave');
    expect(await status('2024-01-21')).toBe('on_leave');
    expect(await status('2024-01-22')).toBe('onboard');
    expect(await status('2025-01-01')).toBe('unassigned');
    const history = await core.call('people.get', { id: person.id, asOf: '2025-01-01' });
    expect(history.assignments.map((a) => [a.state, a.positionTitle])).toEqual([['past', 'Chief Stew']]);
  });
});
