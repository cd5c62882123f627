import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personInput, vesselInput } from '../../helpers/fleet';
import { tempCore } from '../../helpers/temp-core';

const core = tempCore();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const aurora = await core.call('vessels.create', vesselInput({ name: 'Aurora' }));
  const borealis = await core.call('vessels.create', vesselInput({ name: 'Borealis', imoNumber: null, officialNumber: '123' }));
  const chief = await core.call('positions.create', { vesselId: aurora.id, department: 'interior', title: 'Chief Stew', headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
  const engineer = await core.call('positions.create', { vesselId: borealis.id, department: 'engineering', title: 'Chief Engineer', headcount: 2, rotation: null, employmentKind: 'permanent' });
  const add = async (key: string, givenNames: string, surname: string, email: string | null = null) => {
    ids[key] = (await core.call('people.create', personInput({ givenNames, surname, email }))).id;
  };
  await add('joanna', 'Joanna Maria', 'Smith', 'jo.smith@example.org');
  await add('zoe', 'Zoë', 'Núñez');
  await add('john', 'John', 'Johnson');
  await add('pieter', 'Pieter', 'van der Merwe');
  await add('archived', 'Anna', 'Archer');
  ids.aurora = aurora.id;
  ids.borealis = borealis.id;
  await core.call('assignments.create', { personId: ids.joanna!, positionId: chief.id, startDate: '2024-01-01' });
  await core.call('assignments.create', { personId: ids.john!, positionId: engineer.id, startDate: '2024-01-01' });
  await core.call('assignments.create', { personId: ids.zoe!, positionId: engineer.id, startDate: '2024-09-01' });
  await core.call('people.archive', { id: ids.archived! });
});
afterAll(() => core.dispose());

const names = async (input: Parameters<typeof core.call<'people.list'>>[1]) =>
  (await core.call('people.list', { asOf: '2024-02-05', ...input })).rows.map((r) => `${r.givenNames} ${r.surname}`);

describe('the crew list', () => {
  it('lists live people by surname with their status and placement', async () => {
    const page = await core.call('people.list', { asOf: '2024-02-05' });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => [r.surname, r.status, r.placement?.vesselName ?? null])).toEqual([
      ['Johnson', 'onboard', 'Borealis'],
      ['Núñez', 'joining', 'Borealis'],
      ['Smith', 'on_leave', 'Aurora'],
      ['van der Merwe', 'unassigned', null],
    ]);
  });

  it('finds people by word prefixes in any order, ignoring case and accents', async () => {
    expect(await names({ search: 'jo' })).toEqual(['John Johnson', 'Joanna Maria Smith']);
    expect(await names({ search: 'smi jo' })).toEqual(['Joanna Maria Smith']);
    expect(await names({ search: 'MARIA' })).toEqual(['Joanna Maria Smith']);
    expect(await names({ search: 'zoe nun' })).toEqual(['Zoë Núñez']);
    expect(await names({ search: 'merwe' })).toEqual(['Pieter van der Merwe']);
    expect(await names({ search: 'jo.smith' })).toEqual(['Joanna Maria Smith']);
    expect(await names({ search: 'xyz' })).toEqual([]);
  });

  it('filters by vessel, department, position and status, on the same assignment', async () => {
    expect(await names({ vesselId: ids.borealis })).toEqual(['John Johnson', 'Zoë Núñez']);
    expect(await names({ department: 'interior' })).toEqual(['Joanna Maria Smith']);
    expect(await names({ positionTitle: 'chief engineer' })).toEqual(['John Johnson', 'Zoë Núñez']);
    expect(await names({ positionTitle: 'chief' })).toEqual(['John Johnson', 'Zoë Núñez', 'Joanna Maria Smith']);
    expect(await names({ positionTitle: '%' })).toEqual([]);
    expect(await names({ status: 'onboard' })).toEqual(['John Johnson']);
    expect(await names({ status: 'on_leave' })).toEqual(['Joanna Maria Smith']);
    expect(await names({ status: 'joining' })).toEqual(['Zoë Núñez']);
    expect(await names({ status: 'unassigned' })).toEqual(['Pieter van der Merwe']);
    expect(await names({ status: 'onboard', vesselId: ids.aurora })).toEqual([]);
    expect(await names({ status: 'unassigned', vesselId: ids.aurora })).toEqual([]);
    expect(await names({ search: 'jo', vesselId: ids.borealis })).toEqual(['John Johnson']);
  });

  it('shows archived people only when asked', async () => {
    expect(await names({ search: 'anna' })).toEqual([]);
    expect(await names({ search: 'anna', archived: 'include' })).toEqual(['Anna Archer']);
    const archived = await core.call('people.list', { archived: 'only' });
    expect(archived.rows.map((r) => [r.surname, r.status])).toEqual([['Archer', 'archived']]);
  });

  it('pages through the list with a stable total', async () => {
    const first = await core.call('people.list', { limit: 3, offset: 0 });
    const second = await core.call('people.list', { limit: 3, offset: 3 });
    expect([first.total, second.total]).toEqual([4, 4]);
    expect(first.rows).toHaveLength(3);
    expect(second.rows.map((r) => r.surname)).toEqual(['van der Merwe']);
    expect((await core.call('people.list', { offset: 10 })).rows).toEqual([]);
  });

  it('agrees with itself: the status filter returns exactly the rows whose status it names, on any date', async () => {
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date('2023-06-01'), max: new Date('2026-01-01'), noInvalidDate: true }), async (date) => {
        const asOf = date.toISOString().slice(0, 10);
        const all = await core.call('people.list', { asOf });
        let counted = 0;
        for (const status of ['onboard', 'on_leave', 'joining', 'unassigned'] as const) {
          const filtered = await core.call('people.list', { asOf, status });
          counted += filtered.total;
          expect(filtered.rows.every((r) => r.status === status)).toBe(true);
          expect(filtered.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.status === status).map((r) => r.id));
        }
        expect(counted).toBe(all.total);
      }),
      { numRuns: 40 },
    );
  });
});
