import type { Core } from '../../src/core/core';
import type { Input } from '../../src/shared/api';

/** Small builders for fleet tests: valid defaults, overridable per test. */
export const vesselInput = (overrides: Partial<Input<'vessels.create'>> = {}): Input<'vessels.create'> => ({
  name: 'Test Vessel',
  kind: 'motor',
  lengthM: 50,
  grossTonnage: 450,
  flag: 'MLT',
  imoNumber: '9074729',
  use: 'charter',
  ...overrides,
});

export const personInput = (overrides: Partial<Input<'people.create'>> = {}): Input<'people.create'> => ({
  givenNames: 'Joanna',
  surname: 'Smith',
  dateOfBirth: '1990-04-12',
  nationalities: ['GBR'],
  languages: ['English'],
  email: 'joanna.smith@example.org',
  ...overrides,
});

/** A vessel with one position (Chief Stew, 2 berths, 4:2 rotation). */
export async function vesselWithPosition(core: Core, overrides: Partial<Input<'positions.create'>> = {}) {
  const vessel = await core.call('vessels.create', vesselInput());
  const position = await core.call('positions.create', {
    vesselId: vessel.id,
    department: 'interior',
    title: 'Chief Stew',
    headcount: 2,
    rotation: '4:2',
    employmentKind: 'rotational',
    ...overrides,
  });
  return { vessel, position };
}

export const base64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64');
