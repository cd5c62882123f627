import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CERTIFICATE_RULES, extractLabelledFields } from '../../../src/engine/documents';
import { readFitnessStatement, readLookout, readRestrictions, resolveTickBoxes } from '../../../src/engine/documents/fitness';
import { HELD_OUT_WORDINGS, TUNING_WORDINGS } from '../../fixtures/documents/fitness-wording';

/** An ENG1's text as the page pass reads it: label, spaces, value. */
const medical = (rows: Array<[string, string]>) =>
  extractLabelledFields(['ENG1 SEAFARER MEDICAL CERTIFICATE', 'Surname:   DUBOIS', ...rows.map(([label, value]) => `${label}:      ${value}`)].join('\n'), DEFAULT_CERTIFICATE_RULES).fields;

describe('the fitness statement, read as a person reads it', () => {
  it.each([
    'FIT FOR SEA SERVICE - NO RESTRICTIONS',
    'Fit for all duties without restrictions',
    'Fit with no limitations',
    'No limitations',
    'Unrestricted',
    'Fit, restrictions: none',
    'Fit for duty - without limitation',
    'fit for sea service worldwide',
    'FIT',
  ])('%s is fit', (statement) => {
    expect(readFitnessStatement(statement)).toEqual({ fitness: 'fit', restrictions: [] });
  });

  it.each([
    ['FIT WITH RESTRICTIONS', []],
    ['Fit subject to limitations', []],
    ['Fit (restricted)', []],
    ['FIT - NEAR COASTAL WATERS ONLY', ['NEAR COASTAL WATERS ONLY']],
    ['Not fit for lookout duties at night', ['Not fit for lookout duties at night']],
    ['No restrictions except night lookout', ['No restrictions except night lookout']],
    ['Fit - restricted to near coastal voyages', ['restricted to near coastal voyages']],
    // Found by the property below: the NO starts the restriction that follows, it does not answer "restrictions".
    ['Fit with restrictions - no lookout at night', ['no lookout at night']],
    ['FIT - WITH RESTRICTIONS - NO RESTRICTIONS', []],
  ])('%s is fit with restrictions', (statement, named) => {
    expect(readFitnessStatement(statement)).toEqual({ fitness: 'fit_with_restrictions', restrictions: named });
  });

  it.each(['TEMPORARILY UNFIT', 'Permanently unfit for sea service', 'Not fit', 'Temporarily unfit until 01/03/2027'])('%s is unfit', (statement) => {
    expect(readFitnessStatement(statement).fitness).toBe('unfit');
  });

  it('answers a question with YES or NO, and leaves wording it does not understand unread', () => {
    expect(readFitnessStatement('YES', { question: true }).fitness).toBe('fit');
    expect(readFitnessStatement('NO', { question: true }).fitness).toBe('unfit');
    expect(readFitnessStatement('NO').fitness).toBeUndefined();
    for (const unclear of ['FIT FOR DUTY AS COOK', 'N/A', 'None', 'Fit - corrective lenses']) expect(readFitnessStatement(unclear).fitness, unclear).toBeUndefined();
  });

  it('reads a restrictions field: "none" in its many spellings, and anything else as a restriction', () => {
    for (const none of ['None', 'Nil', 'N/A', '-', 'No restrictions', 'No restrictions apply', 'Without limitations', 'Unrestricted']) expect(readRestrictions(none), none).toEqual([]);
    // "No …" can be the restriction itself: before issue 10 these were taken for "none".
    expect(readRestrictions('No solo watchkeeping')).toEqual(['No solo watchkeeping']);
    expect(readRestrictions('No night watchkeeping; near coastal only')).toEqual(['No night watchkeeping', 'near coastal only']);
    expect(readRestrictions('Corrective lenses to be worn')).toEqual(['Corrective lenses to be worn']);
  });

  it('reads the lookout line: YES is none, NO or a qualified yes is a restriction', () => {
    expect(readLookout('YES')).toEqual([]);
    expect(readLookout('NO - not at night')).toEqual(['Not fit for lookout duties at night']);
    expect(readLookout('YES (day only)')).toEqual(['Lookout duties: YES (day only)']);
  });

  it('keeps only ticked boxes, as printed and as OCR reads them, and reads ticked options together', () => {
    expect(resolveTickBoxes('Fitness: [X] Fit   [ ] Fit with restrictions   [ ] Unfit')).toBe('Fitness: Fit');
    expect(resolveTickBoxes('Fitness:   [X]1 Fit [ 1 Fit with restrictions [ ] Unfit')).toBe('Fitness: Fit');
    expect(resolveTickBoxes('Fit for lookout duties:   [X] Yes []1No')).toBe('Fit for lookout duties: Yes');
    expect(resolveTickBoxes('Medical fitness:\n[X] Fit for sea service\n[X] Fit with restrictions\n[ ] Unfit')).toBe('Medical fitness:\nFitness: Fit for sea service; Fit with restrictions');
    expect(medical([['Fitness', '[ ] Fit   [X] Fit with restrictions   [ ] Unfit']])).toMatchObject({ fitness: 'fit_with_restrictions' });
    expect(medical([['Fitness', '[ ] Fit   [ ] Fit with restrictions   [ ] Unfit']]).fitness).toBeUndefined();
  });

  it('reads the whole medical: the statement, the restrictions and the lookout line together', () => {
    expect(medical([['Fitness', 'FIT FOR SEA SERVICE - NO RESTRICTIONS']])).toMatchObject({ fitness: 'fit', restrictions: [] });
    expect(medical([['Fit for sea service', 'YES'], ['Restrictions', 'No solo watchkeeping']])).toMatchObject({ fitness: 'fit_with_restrictions', restrictions: ['No solo watchkeeping'] });
    expect(medical([['Fit for sea duty', 'FIT'], ['Fit for lookout duties', 'NO - not at night'], ['Restrictions', 'None']])).toMatchObject({
      fitness: 'fit_with_restrictions',
      restrictions: ['Not fit for lookout duties at night'],
    });
    // A speck a column away on a grainy capture is not a word of the statement.
    expect(medical([['Fit for sea duty', 'FIT WITH NO LIMITATIONS                       i']])).toMatchObject({ fitness: 'fit', restrictions: [] });
    // Two statements that disagree: the worse one counts.
    expect(medical([['Fitness', 'Fit'], ['Result', 'Temporarily unfit']]).fitness).toBe('unfit');
  });

  it('reads every wording of the fixture corpus as a person would', () => {
    for (const rows of [...TUNING_WORDINGS.fit, ...HELD_OUT_WORDINGS.fit]) expect(medical(rows).fitness, JSON.stringify(rows)).toBe('fit');
    for (const rows of [...TUNING_WORDINGS.restricted, ...HELD_OUT_WORDINGS.restricted]) expect(medical(rows).fitness, JSON.stringify(rows)).toBe('fit_with_restrictions');
  });
});

describe('a restriction actually present is never missed', () => {
  const fitWordings = [...TUNING_WORDINGS.fit, ...HELD_OUT_WORDINGS.fit];
  const restrictions = ['Not fit for lookout duties at night', 'No solo watchkeeping', 'Near coastal waters only', 'Corrective lenses to be worn', 'No night watchkeeping', 'Day work only'];
  const labels = ['Restrictions', 'Limitations', 'Restriction'];

  it('whatever "fit" wording surrounds it, in a restrictions field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fitWordings), fc.constantFrom(...restrictions), fc.constantFrom(...labels), fc.boolean(), (fit, restriction, label, before) => {
        const rows: Array<[string, string]> = before ? [[label, restriction], ...fit] : [...fit, [label, restriction]];
        const fields = medical(rows);
        expect(fields.fitness).not.toBe('fit');
        expect(fields.restrictions).toContain(restriction);
      }),
    );
  });

  it('whatever else the statement says, when it names one', () => {
    const named = [
      'NEAR COASTAL WATERS ONLY',
      'RESTRICTED TO DAYLIGHT WATCHKEEPING',
      'NOT FIT FOR LOOKOUT DUTIES',
      'NO RESTRICTIONS EXCEPT NIGHT LOOKOUT',
      'WITH RESTRICTIONS',
      'NO LOOKOUT AT NIGHT',
      'NOT FOR SOLO WATCHKEEPING',
      'CORRECTIVE LENSES MUST BE WORN',
      'SUBJECT TO LIMITATIONS',
    ];
    const fitParts = ['FIT', 'FIT FOR SEA SERVICE', 'NO RESTRICTIONS', 'FIT FOR ALL DUTIES', 'UNRESTRICTED', 'RESTRICTIONS: NONE', 'NIL', 'YES', 'WITHOUT LIMITATIONS'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fitParts), { maxLength: 3 }),
        fc.constantFrom(...named),
        fc.nat(3),
        fc.constantFrom(' - ', '; ', ', ', ': ', ' – ', '\n'),
        fc.boolean(),
        (parts, restriction, at, separator, lower) => {
          const statement = [...parts.slice(0, at), restriction, ...parts.slice(at)].join(separator);
          const printed = lower ? statement.toLowerCase() : statement;
          expect(readFitnessStatement(printed).fitness, printed).toBe('fit_with_restrictions');
          expect(readFitnessStatement(printed, { question: true }).fitness, printed).toBe('fit_with_restrictions');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
