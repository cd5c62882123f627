import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crewList } from '../../../src/core/people/crew-list';
import { crewListInputSchema, type Input } from '../../../src/shared/api';
import { personInput, vesselInput } from '../../helpers/fleet';
import { tempCore } from '../../helpers/temp-core';

const core = tempCore();

beforeAll(async () => {
  const aurora = await core.call('vessels.create', vesselInput({ name: 'Aurora' }));
  const borealis = await core.call('vessels.create', vesselInput({ name: 'Borealis', imoNumber: null, officialNumber: '123' }));
  const stew = await core.call('positions.create', { vesselId: aurora.id, department: 'interior', title: 'Chief Stew', headcount: 1, rotation: '4:2', employmentKind: 'rotational' });
  const engineer = await core.call('positions.create', { vesselId: borealis.id, department: 'engineering', title: 'Chief Engineer', headcount: 2, rotation: null, employmentKind: 'permanent' });
  const add = async (givenNames: string, surname: string, nationalities: string[], email: string | null) =>
    (await core.call('people.create', personInput({ givenNames, surname, nationalities, email }))).id;
  const smith = await add('Joanna', 'Smith', ['GBR'], 'jo@example.org');
  const johnson = await add('John', 'Johnson', ['DEU'], null);
  const nunez = await add('Zoë', 'Núñez', ['ESP'], 'zoe@example.org');
  await add('Pieter', 'van der Merwe', ['ZAF'], null);
  await add('Anna', 'Archer', ['FRA'], 'anna@example.org');
  // Smith has a current assignment and a planned one: her placement is the current one.
  await core.call('assignments.create', { personId: smith, positionId: stew.id, startDate: '2024-01-01', endDate: '2024-06-30' });
  await core.call('assignments.create', { personId: smith, positionId: engineer.id, startDate: '2024-07-01' });
  await core.call('assignments.create', { personId: johnson, positionId: engineer.id, startDate: '2024-01-01' });
  await core.call('assignments.create', { personId: nunez, positionId: engineer.id, startDate: '2024-09-01' });
});
afterAll(() => core.dispose());

const surnames = async (input: Input<'people.list'>) => (await core.call('people.list', { asOf: '2024-02-05', ...input })).rows.map((r) => r.surname);

describe('the crew list sorts by any column, on the server, a page at a time', () => {
  it('by name either way', async () => {
    expect(await surnames({})).toEqual(['Archer', 'Johnson', 'Núñez', 'Smith', 'van der Merwe']);
    expect(await surnames({ descending: true })).toEqual(['van der Merwe', 'Smith', 'Núñez', 'Johnson', 'Archer']);
    expect(await surnames({ search: 'j', descending: true })).toEqual(['Smith', 'Johnson']);
  });

  it('by status in the order of a day aboard: onboard, on leave, joining, unassigned', async () => {
    // Smith's 4:2 from 1 Jan puts her on leave on 5 Feb.
    expect(await surnames({ sort: 'status' })).toEqual(['Johnson', 'Smith', 'Núñez', 'Archer', 'van der Merwe']);
    expect(await surnames({ sort: 'status', descending: true })).toEqual(['van der Merwe', 'Archer', 'Núñez', 'Smith', 'Johnson']);
  });

  it('by position as the list shows it (title · vessel), the unassigned last either way', async () => {
    expect(await surnames({ sort: 'position' })).toEqual(['Johnson', 'Núñez', 'Smith', 'Archer', 'van der Merwe']);
    expect(await surnames({ sort: 'position', descending: true })).toEqual(['Smith', 'Núñez', 'Johnson', 'van der Merwe', 'Archer']);
  });

  it('by nationality as the country names read (Germany under G, not DEU), and by e-mail, blanks last', async () => {
    expect(await surnames({ sort: 'nationality' })).toEqual(['Archer', 'Johnson', 'van der Merwe', 'Núñez', 'Smith']);
    expect(await surnames({ sort: 'email' })).toEqual(['Archer', 'Smith', 'Núñez', 'Johnson', 'van der Merwe']);
  });

  it('pages of a sorted list join up to the whole list, with the filters applied', async () => {
    const whole = await surnames({ sort: 'status', vesselId: undefined });
    const pages = [...(await surnames({ sort: 'status', limit: 2 })), ...(await surnames({ sort: 'status', limit: 2, offset: 2 })), ...(await surnames({ sort: 'status', limit: 2, offset: 4 }))];
    expect(pages).toEqual(whole);
    expect(await surnames({ sort: 'status', department: 'engineering' })).toEqual(['Johnson', 'Smith', 'Núñez']);
    expect(await surnames({ sort: 'position', status: 'unassigned' })).toEqual(['Archer', 'van der Merwe']);
    expect(await core.dispatch('people.list', { sort: 'salary' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'sort' }] } } });
  });
});

describe('the two ways of sorting by placement', () => {
  it('give the same order: one pass over open assignments (many matches) or a look-up per person (few)', async () => {
    const sqlite = new Database(join(core.dataDir, 'harmony.db'), { readonly: true });
    try {
      for (const sort of ['position', 'status'] as const) {
        for (const descending of [false, true]) {
          const query = crewListInputSchema.parse({ sort, descending, archived: 'include' });
          const ids = (manyMatches: number) => crewList(sqlite, { ...query, asOf: '2024-02-05' }, manyMatches).rows.map((r) => r.surname);
          expect(ids(0)).toEqual(ids(Number.POSITIVE_INFINITY));
        }
      }
    } finally {
      sqlite.close();
    }
  });
});
