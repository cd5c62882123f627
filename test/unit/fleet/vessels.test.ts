import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../helpers/temp-core';
import { personInput, vesselInput, vesselWithPosition } from '../../helpers/fleet';

let core: ReturnType<typeof tempCore>;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

describe('vessels', () => {
  it('creates, edits, archives and restores a vessel; the IMO prefix is stored without "IMO"', async () => {
    const vessel = await core.call('vessels.create', vesselInput({ imoNumber: 'IMO 9074729', homePort: '  Valletta ' }));
    expect(vessel).toMatchObject({ imoNumber: '9074729', homePort: 'Valletta', archivedAt: null, officialNumber: null });

    const edited = await core.call('vessels.update', { id: vessel.id, ...vesselInput({ name: 'Renamed', grossTonnage: null }) });
    expect(edited).toMatchObject({ name: 'Renamed', grossTonnage: null });

    const archived = await core.call('vessels.archive', { id: vessel.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await core.call('vessels.list', {})).toEqual([]);
    expect((await core.call('vessels.list', { archived: 'only' })).map((v) => v.id)).toEqual([vessel.id]);

    await core.call('vessels.restore', { id: vessel.id });
    expect((await core.call('vessels.list', {})).map((v) => v.name)).toEqual(['Renamed']);
  });

  it('rejects a bad IMO check digit and a vessel with neither IMO nor official number, naming the field', async () => {
    const bad = await core.dispatch('vessels.create', vesselInput({ imoNumber: '9074728' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'imoNumber', message: expect.stringMatching(/check digit/) }] } } });
    const none = await core.dispatch('vessels.create', vesselInput({ imoNumber: null, officialNumber: '' }));
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'imoNumber' }] } } });
    const flag = await core.dispatch('vessels.create', vesselInput({ flag: 'XXX' }));
    expect(flag).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'flag' }] } } });
    expect(await core.call('vessels.list', { archived: 'include' })).toEqual([]);
  });

  it('refuses a second live vessel with the same IMO number, but not once the first is archived', async () => {
    const first = await core.call('vessels.create', vesselInput());
    expect(await core.dispatch('vessels.create', vesselInput({ name: 'Twin' }))).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Test Vessel') } });
    await core.call('vessels.archive', { id: first.id });
    await core.call('vessels.create', vesselInput({ name: 'Twin' }));
    expect(await core.dispatch('vessels.restore', { id: first.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('counts positions, current crew and vacancies', async () => {
    const { vessel, position } = await vesselWithPosition(core);
    await core.call('positions.create', { vesselId: vessel.id, department: 'deck', title: 'Deck/Stew', headcount: 1, rotation: null, employmentKind: 'permanent' });
    const person = await core.call('people.create', personInput());
    await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-01-01' });
    const [summary] = await core.call('vessels.list', { asOf: '2024-06-01' });
    expect(summary).toMatchObject({ positions: 2, headcount: 3, currentCrew: 1, vacancies: 2 });
    const before = await core.call('vessels.list', { asOf: '2023-12-31' });
    expect(before[0]).toMatchObject({ currentCrew: 0, vacancies: 3 });
  });

  it('will not archive a vessel or position with current or planned crew', async () => {
    const { vessel, position } = await vesselWithPosition(core);
    const person = await core.call('people.create', personInput());
    const assignment = await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2020-01-01' });
    expect(await core.dispatch('vessels.archive', { id: vessel.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/1 current or planned assignment/) } });
    expect(await core.dispatch('positions.archive', { id: position.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await core.call('assignments.update', { id: assignment.id, startDate: '2020-01-01', endDate: '2020-06-30', rotation: null });
    await core.call('positions.archive', { id: position.id });
    await core.call('vessels.archive', { id: vessel.id });
    expect(await core.dispatch('positions.restore', { id: position.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/restore the vessel first/) } });
  });
});

describe('vessel detail', () => {
  it('splits crew into current (with rotation phase), planned joiners and past crew, and reports vacancies', async () => {
    const { vessel, position } = await vesselWithPosition(core, { headcount: 3 });
    const mk = (n: number) => core.call('people.create', personInput({ givenNames: `P${n}`, email: `p${n}@example.org` }));
    const [a, b, c, d] = await Promise.all([mk(1), mk(2), mk(3), mk(4)]);
    await core.call('assignments.create', { personId: a!.id, positionId: position.id, startDate: '2024-01-01' });
    // 4:2 from 2024-01-01: onboard for 28 days, on leave for 14, so on 2024-02-05 (day 35) on leave.
    await core.call('assignments.create', { personId: b!.id, positionId: position.id, startDate: '2024-01-01', rotation: null });
    await core.call('assignments.create', { personId: c!.id, positionId: position.id, startDate: '2024-03-01' });
    await core.call('assignments.create', { personId: d!.id, positionId: position.id, startDate: '2023-01-01', endDate: '2023-12-31' });

    const detail = await core.call('vessels.get', { id: vessel.id, asOf: '2024-02-05' });
    expect(detail.currentCrew.map((m) => [m.givenNames, m.phase, m.rotation])).toEqual([
      ['P1', 'on_leave', '4:2'],
      ['P2', 'onboard', null],
    ]);
    expect(detail.plannedJoiners.map((m) => m.givenNames)).toEqual(['P3']);
    expect(detail.pastCrew.map((m) => m.givenNames)).toEqual(['P4']);
    expect(detail.positions[0]).toMatchObject({ current: 2, planned: 1, vacancies: 1 });
  });

  it('exports the crew list as CSV', async () => {
    const { vessel, position } = await vesselWithPosition(core);
    const person = await core.call('people.create', personInput({ givenNames: 'Zoë', nationalities: ['FRA', 'GBR'] }));
    await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-01-01' });
    const out = await core.call('vessels.exportCrew', { id: vessel.id, asOf: '2024-01-10' });
    expect(out.fileName).toBe('crew-test-vessel-2024-01-10.csv');
    expect(out.csv.split('\n').slice(0, 2)).toEqual([
      'department,position,given_names,surname,nationalities,start_date,end_date,rotation,status',
      'Interior,Chief Stew,Zoë,Smith,France; United Kingdom,2024-01-01,,4:2,Onboard',
    ]);
  });
});
