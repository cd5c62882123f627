import { getTableColumns } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/cli/commands/import';
import { people, vessels } from '../../../src/core/db/schema';
import { personFormValues } from '../../../src/renderer/src/forms/person-values';
import {
  assignmentInputSchema,
  assignmentSchema,
  assignmentUpdateSchema,
  PEOPLE_COLUMNS,
  personInputSchema,
  personSchema,
  positionInputSchema,
  positionSchema,
  recordStamps,
  vesselInputSchema,
  vesselSchema,
  type ParsedPersonInput,
} from '../../../src/shared/api';
import { base64 } from '../../helpers/fleet';
import { tempCore } from '../../helpers/temp-core';

/**
 * Issue 10 finding 23: a person's fields (and a vessel's, a position's) are defined once, in the contract and the
 * database schema; whatever copies them (the bulk INSERT, the CSV columns, the staffing query, the edit form, the
 * contract's answers) must carry a field added there, or one of these tests fails.
 */
const keys = (shape: object) => Object.keys(shape).sort();
const pick = (record: object, fields: string[]) => Object.fromEntries(fields.map((f) => [f, (record as Record<string, unknown>)[f]]));
const PERSON_FIELDS = keys(personInputSchema.shape);
const STAMPS = Object.keys(recordStamps);

/** A person with a value in every field of the contract (none blank, none a default). */
const everyField: ParsedPersonInput = {
  givenNames: 'Ana María',
  surname: "O'Brien",
  dateOfBirth: '1988-07-01',
  nationalities: ['ESP', 'IRL'],
  languages: ['Spanish', 'English'],
  email: 'ana.obrien@example.org',
  phone: '+34 600 000 000',
  emergencyContactName: "Luis O'Brien",
  emergencyContactPhone: '+34 600 000 001',
  emergencyContactRelation: 'Brother',
  noticeDays: 45,
};

let core: ReturnType<typeof tempCore>;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

describe("a person's fields", () => {
  it('are all given a value by this test', () => {
    expect(keys(everyField)).toEqual(PERSON_FIELDS);
    expect(Object.entries(everyField).filter(([, v]) => v === null || v === '' || (Array.isArray(v) && v.length === 0))).toEqual([]);
  });

  it('each have a column in the people table and a place in the answer', () => {
    expect(keys(getTableColumns(people))).toEqual(expect.arrayContaining(PERSON_FIELDS));
    expect(keys(personSchema.shape)).toEqual([...PERSON_FIELDS, ...STAMPS, 'photoHash'].sort());
  });

  it('are all stored and read back', async () => {
    const created = await core.call('people.create', everyField);
    const { person } = await core.call('people.get', { id: created.id });
    expect(pick(person, PERSON_FIELDS)).toEqual(everyField);
  });

  it('all travel through an export and an import', async () => {
    await core.call('people.create', everyField);
    const exported = await core.call('people.exportCsv', {});
    expect(exported.csv.split('\n')[0]).toBe(PEOPLE_COLUMNS.map((c) => c.header).join(','));

    const elsewhere = tempCore();
    try {
      const result = await elsewhere.call('people.import', { contentBase64: base64(exported.csv) });
      expect(result.report.rowProblems).toEqual([]);
      const [row] = (await elsewhere.call('people.list', {})).rows;
      const { person } = await elsewhere.call('people.get', { id: row!.id });
      expect(pick(person, PERSON_FIELDS)).toEqual(everyField);
    } finally {
      await elsewhere.dispose();
    }
  });

  it('are all named in the import help, and a CSV column names a field', () => {
    expect(PEOPLE_COLUMNS.map((c) => c.field).sort()).toEqual(PERSON_FIELDS);
    for (const column of PEOPLE_COLUMNS) expect(importCommand.usage).toContain(`  ${column.header}`);
  });

  it('are all kept by the edit form', async () => {
    const person = await core.call('people.create', everyField);
    expect(personInputSchema.parse(personFormValues(person))).toEqual(everyField);
  });
});

describe("a vessel's, a position's and an assignment's fields", () => {
  it('each have a place in the answer', () => {
    expect(keys(vesselSchema.shape)).toEqual([...keys(vesselInputSchema.shape), ...STAMPS].sort());
    expect(keys(getTableColumns(vessels))).toEqual(expect.arrayContaining(keys(vesselInputSchema.shape)));
    expect(keys(positionSchema.shape)).toEqual([...keys(positionInputSchema.shape), ...STAMPS].sort());
    const assignmentFields = new Set([...Object.keys(assignmentInputSchema.shape), ...Object.keys(assignmentUpdateSchema.shape), ...STAMPS]);
    expect(keys(assignmentSchema.shape)).toEqual([...assignmentFields].sort());
  });

  it('are all stored and read back, a position also in its vessel with its staffing', async () => {
    const vesselInput = vesselInputSchema.parse({
      name: 'Every Field',
      kind: 'sail',
      lengthM: 42.5,
      grossTonnage: 299,
      flag: 'MLT',
      imoNumber: '9074729',
      officialNumber: 'ON 1234',
      homePort: 'Valletta',
      use: 'both',
      cruisingAreas: ['schengen'],
    });
    const vessel = await core.call('vessels.create', vesselInput);
    const detail = await core.call('vessels.get', { id: vessel.id });
    expect(pick(detail.vessel, keys(vesselInput))).toEqual(vesselInput);

    const positionInput = positionInputSchema.parse({ vesselId: vessel.id, department: 'engineering', title: 'ETO', headcount: 2, rotation: '3:3', employmentKind: 'rotational', mustBeAboard: true });
    const position = await core.call('positions.create', positionInput);
    const [listed] = (await core.call('vessels.get', { id: vessel.id })).positions;
    expect(pick(listed!, keys(positionSchema.shape))).toEqual(position);
    expect(pick(position, keys(positionInput))).toEqual(positionInput);
  });
});
