import { describe, expect, it } from 'vitest';
import {
  parseInstrumentJson,
  parseKeysCsv,
  parseNormsCsv,
  parseResponsesCsv,
  parseResponseTimesCsv,
  PsychometricsInputError,
} from '../../../src/engine/psychometrics';
import { instrument } from '../../helpers/psych-fixtures';

/** Bad files give errors that name the file, row, column or field, and say what is wrong. */
function failure(fn: () => unknown): PsychometricsInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PsychometricsInputError) return error;
    throw error;
  }
  throw new Error('expected a PsychometricsInputError');
}

const def = instrument('demo', [
  ['q1', 'A', 1, 'A1'],
  ['q2', 'A', -1, 'A1'],
  ['q3', 'B', 1, 'B1'],
  ['q4', 'B', -1, 'B1'],
]);

describe('responses CSV', () => {
  it('reads ids, answers and missing cells (empty or NA), in the column order given', () => {
    const { layout, responses } = parseResponsesCsv('id,q2,q1,q3,q4\np1,1,5,,NA\np2,2,4,3,3\n', def);
    expect(layout.items).toEqual(['q2', 'q1', 'q3', 'q4']);
    expect(Array.from(layout.keys)).toEqual([-1, 1, 1, -1]);
    expect(responses.ids).toEqual(['p1', 'p2']);
    expect(Array.from(responses.values)).toEqual([1, 5, Number.NaN, Number.NaN, 2, 4, 3, 3]);
  });

  it('accepts semicolons and a byte-order mark, as spreadsheets write them', () => {
    const { responses } = parseResponsesCsv('\uFEFFid;q1;q2;q3;q4\r\np1;1;2;3;4\r\n', def);
    expect(Array.from(responses.values)).toEqual([1, 2, 3, 4]);
  });

  it('names row and column of a value out of range', () => {
    const error = failure(() => parseResponsesCsv('id,q1,q2,q3,q4\np1,1,2,3,4\np2,1,7,3,4\n', def, { source: 'answers.csv' }));
    expect(error.issues).toEqual([{ path: 'answers.csv row 3, column q2', message: '7 is outside the response range 1–5' }]);
    expect(error.message).toContain('answers.csv row 3, column q2: 7 is outside the response range 1–5');
  });

  it('names cells that are not whole numbers, and lists every problem', () => {
    const error = failure(() => parseResponsesCsv('id,q1,q2,q3,q4\np1,x,2.5,3,4\n', def));
    expect(error.issues.map((i) => i.message)).toEqual([
      '"x" is not a number (leave the cell empty or write NA when unanswered)',
      '2.5 is not a whole number',
    ]);
  });

  it('ignores the empty trailing column of a spreadsheet export', () => {
    const { layout, responses } = parseResponsesCsv('id,q1,q2,q3,q4,\np1,1,2,3,4,\n', def);
    expect(layout.items).toHaveLength(4);
    expect(Array.from(responses.values)).toEqual([1, 2, 3, 4]);
  });

  it('honours --min/--max over the instrument range', () => {
    const { responses } = parseResponsesCsv('id,q1,q2,q3,q4\np1,0,4,0,4\n', def, { range: { min: 0, max: 4 } });
    expect(Array.from(responses.values)).toEqual([0, 4, 0, 4]);
  });

  it('refuses duplicate and empty ids', () => {
    const error = failure(() => parseResponsesCsv('id,q1,q2,q3,q4\np1,1,2,3,4\np1,1,2,3,4\n,1,2,3,4\n', def));
    expect(error.issues).toEqual([
      { path: 'responses.csv row 3', message: 'id "p1" was already used by responses.csv row 2' },
      { path: 'responses.csv row 4', message: 'the respondent id is empty' },
    ]);
  });

  it('names missing, unknown and doubled item columns', () => {
    expect(failure(() => parseResponsesCsv('id,q1,q2,q3\np1,1,2,3\n', def)).issues).toEqual([{ path: 'responses.csv', message: 'no column for item q4' }]);
    expect(failure(() => parseResponsesCsv('id,q1,q2,q3,q4,q9\np1,1,2,3,4,5\n', def)).issues).toEqual([
      { path: 'responses.csv column q9', message: '"q9" is not an item of demo' },
    ]);
    expect(failure(() => parseResponsesCsv('id,q1,q2,q3,q4,Q1\np1,1,2,3,4,5\n', def)).issues[0]!.message).toBe('item q1 also has column "q1"');
  });

  it('needs an id column and rows of the header’s length', () => {
    expect(failure(() => parseResponsesCsv('q1,q2,q3,q4\n1,2,3,4\n', def)).issues[0]!.message).toMatch(/missing column "id"/);
    expect(failure(() => parseResponsesCsv('id,q1,q2,q3,q4\np1,1,2,3\n', def)).issues).toEqual([{ path: 'responses.csv row 2', message: 'has 4 fields, the header has 5' }]);
    expect(failure(() => parseResponsesCsv('', def)).message).toBe('responses.csv: the file is empty.');
    expect(failure(() => parseResponsesCsv('id,q1,q2,q3,q4\n"p1,1,2,3,4\n', def)).message).toMatch(/not valid CSV/);
  });
});

describe('keys CSV', () => {
  const range = { min: 1, max: 5 };

  it('reads item,scale,keyed[,facet] with 1/-1, +/- and plus/minus', () => {
    const parsed = parseKeysCsv('item,scale,keyed,facet\na,X,1,X1\nb,X,-,X1\nc,Y,plus,\nd,Y,MINUS,\n', { id: 'mine', range });
    expect(parsed.items.map((i) => [i.id, i.scale, i.keyed, i.facet])).toEqual([
      ['a', 'X', 1, 'X1'],
      ['b', 'X', -1, 'X1'],
      ['c', 'Y', 1, null],
      ['d', 'Y', -1, null],
    ]);
    expect(parsed.facets).toEqual([{ id: 'X1', scale: 'X', name: {} }]);
  });

  it('names row and column of a bad keying, a repeated item and a facet under two scales', () => {
    const error = failure(() => parseKeysCsv('item,scale,keyed,facet\na,X,yes,F\na,X,1,F\nc,Y,1,F\n', { id: 'mine', range, source: 'k.csv' }));
    expect(error.issues).toEqual([
      { path: 'k.csv row 2, column keyed', message: '"yes" is not a keying; use 1/-1, +/- or plus/minus' },
      { path: 'k.csv row 3, column item', message: 'item "a" is already keyed on k.csv row 2' },
      { path: 'k.csv row 4, column facet', message: 'facet "F" is under scale "X" on k.csv row 2, not "Y"' },
    ]);
  });

  it('names a missing column', () => {
    expect(failure(() => parseKeysCsv('item,scale\na,X\n', { id: 'mine', range })).issues[0]!.message).toMatch(/missing column "keyed"/);
  });
});

describe('instrument definition JSON', () => {
  const valid = {
    id: 'mine',
    response: { min: 1, max: 5 },
    scales: [{ id: 'X', name: { en: 'Extra' } }],
    facets: [{ id: 'X1', scale: 'X' }],
    items: [
      { id: 'a', text: { en: 'A' }, scale: 'X', facet: 'X1', keyed: 'plus' },
      { id: 'b', text: { en: 'B' }, scale: 'X', facet: 'X1', keyed: -1 },
    ],
  };

  it('reads a valid definition', () => {
    const parsed = parseInstrumentJson(JSON.stringify(valid));
    expect(parsed.items.map((i) => i.keyed)).toEqual([1, -1]);
    expect(parsed.version).toBe('1');
  });

  it('names the field that is wrong', () => {
    const bad = { ...valid, response: { min: 5, max: 1 }, items: [{ ...valid.items[0], keyed: 'sideways' }, valid.items[1]] };
    const error = failure(() => parseInstrumentJson(JSON.stringify(bad), 'mine.json'));
    expect(error.issues).toEqual([
      { path: 'response.max', message: 'max must be greater than min' },
      { path: 'items.0.keyed', message: '"sideways" is not a keying; use 1/-1, +/- or plus/minus' },
    ]);
    expect(error.message.startsWith('mine.json is not a valid instrument definition: ')).toBe(true);
  });

  it('names references to scales and facets that are not defined', () => {
    const bad = { ...valid, items: [{ ...valid.items[0], scale: 'Q' }, { ...valid.items[1], facet: 'Y9' }] };
    expect(failure(() => parseInstrumentJson(JSON.stringify(bad))).issues).toEqual([
      { path: 'items.0.scale', message: 'item "a" belongs to scale "Q", which is not defined' },
      { path: 'items.0.facet', message: 'item "a" is in scale "Q" but its facet "X1" belongs to scale "X"' },
      { path: 'items.1.facet', message: 'item "b" belongs to facet "Y9", which is not defined' },
    ]);
  });

  it('says where JSON is broken', () => {
    expect(failure(() => parseInstrumentJson('{"id": ', 'mine.json')).message).toMatch(/^mine.json is not valid JSON: /);
  });

  it('refuses an item defined twice and a scale without items', () => {
    const error = failure(() => parseInstrumentJson(JSON.stringify({ ...valid, scales: [...valid.scales, { id: 'Z' }], items: [valid.items[0], valid.items[0]] })));
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'items.1.id', message: 'item "a" is defined twice' },
        { path: 'scales.1.id', message: 'scale "Z" has no items' },
      ]),
    );
  });
});

describe('norms CSV', () => {
  it('reads scale,mean,sd[,n,source,label] and the population column', () => {
    const table = parseNormsCsv('scale,mean,sd,n,source,label,population\nA,3.1,0.6,512,Local 2025,Deck applicants,applicant\nB,2.9,0.7,512,Local 2025,Deck applicants,applicant\n', def);
    expect(table).toMatchObject({ label: 'Deck applicants', population: 'applicant', source: 'Local 2025' });
    expect(table.rows[0]).toEqual({ scale: 'A', mean: 3.1, sd: 0.6, n: 512, source: 'Local 2025', label: 'Deck applicants' });
  });

  it('refuses a file that mixes comparison groups', () => {
    const error = failure(() => parseNormsCsv('scale,mean,sd,label\nA,3,1,Applicants\nB,3,1,Volunteers\n', def, 'n.csv'));
    expect(error.issues).toEqual([
      { path: 'n.csv', message: 'mixes norm groups "Applicants" (n.csv row 2) and "Volunteers" (n.csv row 3): one file holds one comparison group, never a mixture of groups' },
    ]);
  });

  it('names unknown scales, bad numbers and repeated scales', () => {
    const error = failure(() => parseNormsCsv('scale,mean,sd\nA,3,0\nQ,x,1\nA,3,1\n', def, 'n.csv'));
    expect(error.issues).toEqual([
      { path: 'n.csv row 2, column sd', message: 'sd: must be greater than 0' },
      { path: 'n.csv row 3, column scale', message: '"Q" is not a scale or facet of demo' },
      { path: 'n.csv row 3, column mean', message: 'mean: "x" is not a number' },
    ]);
    expect(failure(() => parseNormsCsv('scale,mean,sd\nA,3,1\nA,3,1\n', def, 'n.csv')).issues).toEqual([{ path: 'n.csv row 3', message: 'scale "A" appears twice in one norm group' }]);
  });
});

describe('response-time CSV', () => {
  const { layout, responses } = parseResponsesCsv('id,q1,q2,q3,q4\np1,1,2,3,4\np2,1,2,3,4\n', def);

  it('aligns times to respondents and items by name', () => {
    const times = parseResponseTimesCsv('id,q4,q1\np2,4000,1000\n', layout, responses);
    expect(Array.from(times.present)).toEqual([0, 1]);
    expect(Array.from(times.values.subarray(4))).toEqual([1000, Number.NaN, Number.NaN, 4000]);
  });

  it('names unknown respondents and bad times', () => {
    const error = failure(() => parseResponseTimesCsv('id,q1\np9,100\np1,-5\n', layout, responses, 't.csv'));
    expect(error.issues).toEqual([
      { path: 't.csv row 2', message: 'id "p9" is not among the respondents' },
      { path: 't.csv row 3, column q1', message: '"-5" is not a time in milliseconds' },
    ]);
  });
});

describe('files far larger than their kind', () => {
  it('refuses a norm table or a keys file of responses-file size by its row count, naming the line', () => {
    const norms = ['scale,mean,sd', ...Array.from({ length: 200_000 }, () => 'A,3,0.7')].join('\n');
    const started = performance.now();
    expect(failure(() => parseNormsCsv(norms, def, 'norms.csv')).issues).toEqual([{ path: 'norms.csv row 5002', message: 'the file has more than 5,000 rows under its header.' }]);
    const keys = ['item,scale,keyed', ...Array.from({ length: 200_000 }, (_, i) => `q${i},A,1`)].join('\n');
    expect(failure(() => parseKeysCsv(keys, { id: 'k', range: { min: 1, max: 5 } })).issues).toEqual([{ path: 'keys.csv row 2002', message: 'the file has more than 2,000 rows under its header.' }]);
    // Refused as soon as the limit is passed, not after checking every row.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
