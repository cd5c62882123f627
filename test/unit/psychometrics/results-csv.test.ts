import { describe, expect, it } from 'vitest';
import { sortKeyOf } from '../../../src/core/people/records';
import { analyseResultsCsv, type PeopleIndex } from '../../../src/core/psychometrics/results-csv';
import { ipip, itemIds } from '../../helpers/assessments';

const people: PeopleIndex = { byId: new Map(), byEmail: new Map(), bySortKey: new Map(), names: new Map() };
for (const [id, given, surname, email] of [
  ['id-ana', 'Ana', 'Silva', 'ana@example.org'],
  ['id-bo', 'Bo', 'Berg', 'bo@example.org'],
  ['id-li1', 'Li', 'Wei', null],
  ['id-li2', 'Li', 'Wei', null],
] as const) {
  people.byId.set(id, `${given} ${surname}`);
  people.names.set(id, `${given} ${surname}`);
  if (email) people.byEmail.set(email, [id]);
  const key = sortKeyOf({ givenNames: given, surname });
  people.bySortKey.set(key, [...(people.bySortKey.get(key) ?? []), id]);
}

const answers = itemIds.map((_, j) => String(1 + (j % 5))).join(',');
const bytes = (text: string) => new TextEncoder().encode(text);
const analyse = (text: string, stored: string[] = []) => analyseResultsCsv(bytes(text), ipip, people, new Set(stored));

describe('reading a results CSV for stored people', () => {
  it('matches rows by person id, e-mail or name, and reports each row that cannot be used', async () => {
    const header = `person_id,email,given_names,surname,taken_on,${itemIds.join(',')}`;
    const csv = [
      header,
      `id-ana,,,,2025-01-10,${answers}`,
      `,BO@example.org,,,2025-01-10,${answers}`,
      `,,li,wei,2025-01-10,${answers}`,
      `,,Ana,Silva,2025-01-10,${answers}`,
      `id-ghost,,,,2025-01-10,${answers}`,
      `id-bo,,,,2025-01-11,${answers.replace(/^1/, '0')}`,
      `id-bo,,,,2999-01-01,${answers}`,
    ].join('\n');
    const { report, valid } = await analyse(csv, ['id-bo|2025-01-10']);
    expect(valid.map((v) => [v.line, v.personId])).toEqual([[2, 'id-ana']]);
    expect(report.rowProblems).toEqual([
      { line: 3, column: null, message: 'Bo Berg already has a stored IPIP-NEO-120 (Johnson 2014) result for 2025-01-10' },
      { line: 4, column: 'surname', message: '2 people have the name li wei; give their person_id instead' },
      { line: 5, column: null, message: 'Ana Silva already has a row for 2025-01-10 on line 2' },
      { line: 6, column: 'person_id', message: 'No person with id "id-ghost" in the database' },
      { line: 7, column: 'i1', message: '"0" is not an answer: use a whole number from 1 to 5, or leave it empty when unanswered' },
      { line: 8, column: 'taken_on', message: '2999-01-01 is in the future' },
    ]);
    expect(report.preview).toEqual([{ line: 2, personId: 'id-ana', personName: 'Ana Silva', matchedBy: 'id', takenOn: '2025-01-10', answered: 120 }]);
  });

  it('counts empty and NA cells as unanswered', async () => {
    const partial = itemIds.map((_, j) => (j < 10 ? 'NA' : j < 20 ? '' : '3')).join(',');
    const { valid } = await analyse(`email,taken_on,${itemIds.join(',')}\nana@example.org,2025-01-10,${partial}\n`);
    expect(valid[0]).toMatchObject({ answered: 100 });
    expect(valid[0]!.values.slice(0, 20).every((v) => v === null)).toBe(true);
  });

  it('blocks a file whose header lacks the date, names nobody, or has columns that are not items', async () => {
    const { report, valid } = await analyse(`name,${itemIds.slice(1).join(',')},extra\nAna,${answers}\n`);
    expect(valid).toEqual([]);
    const messages = report.fileProblems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('The required column "taken_on"'),
        expect.stringContaining('Name the person of each row'),
        expect.stringContaining('"name" is not an item of IPIP-NEO-120 (Johnson 2014)'),
        expect.stringContaining('no column for item i1'),
      ]),
    );
    expect((await analyse('')).report.fileProblems[0]!.message).toBe('The file is empty');
    expect((await analyseResultsCsv(new Uint8Array([0x41, 0xff, 0x41]), ipip, people, new Set())).report.fileProblems[0]!.message).toMatch(/not UTF-8/);
  });
});
