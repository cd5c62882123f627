import { describe, expect, it } from 'vitest';
import { computeLocalGroups, groupLabel, localNorms, placeOnLocalGroup, placeOnTable } from '../../../src/engine/psychometrics';
import { assessmentSettingsSchema, normRefSchema } from '../../../src/shared/api';
import type { Grouping, NormTable } from '../../../src/shared/psychometrics';

const table = (population: NormTable['population']): NormTable => ({
  label: 'Test norms',
  population,
  source: 'test',
  rows: [
    { scale: 'C', mean: 3.5, sd: 0.5, n: 100, source: null, label: null },
    { scale: 'N', mean: 2.5, sd: 0.8, n: 100, source: null, label: null },
  ],
});
const scores = [
  { id: 'C', mean: 4 },
  { id: 'N', mean: 2.1 },
  { id: 'O', mean: 3 },
];

describe('placing a result on a norm table (docs/psychometrics.md#2-scale-scores-and-norms)', () => {
  it('gives z, T and percentile against norms of the same population, and says which scales have no row', () => {
    const placed = placeOnTable(scores, table('applicant'), 'applicant', false);
    expect(placed.status).toBe('placed');
    expect(placed.mixed).toBe(false);
    const c = placed.scores.find((s) => s.id === 'C')!;
    expect(c.z).toBeCloseTo(1, 12);
    expect(c.t).toBeCloseTo(60, 12);
    expect(c.percentile).toBeCloseTo(84.1344746, 6);
    expect(placed.scores.find((s) => s.id === 'N')!.t).toBeCloseTo(45, 12);
    expect(placed.scores.find((s) => s.id === 'O')).toEqual({ id: 'O', mean: 3, z: null, t: null, percentile: null });
    expect(placed.messages).toEqual(['The norm table has no row for O: no z, T or percentile there.']);
  });

  it('never mixes applicants with volunteer or incumbent norms silently', () => {
    for (const [population, words] of [['volunteer', 'volunteers'], ['incumbent', 'crew in post']] as const) {
      const refused = placeOnTable(scores, table(population), 'applicant', false);
      expect(refused.status).toBe('mismatch');
      expect(refused.mixed).toBe(false);
      expect(refused.scores.every((s) => s.z === null && s.percentile === null)).toBe(true);
      expect(refused.messages[0]).toContain(`"Test norms" describes ${words}`);
    }
    const incumbentOnApplicants = placeOnTable(scores, table('applicant'), 'incumbent', false);
    expect(incumbentOnApplicants.status).toBe('mismatch');
  });

  it('mixes only when asked, and labels the result as mixed', () => {
    const mixed = placeOnTable(scores, table('volunteer'), 'applicant', true);
    expect(mixed).toMatchObject({ status: 'placed', mixed: true });
    expect(mixed.messages[0]).toMatch(/Compared anyway, as asked\.$/);
    expect(mixed.scores.find((s) => s.id === 'C')!.t).toBeCloseTo(60, 12);
  });

  it('places on a table of unspecified population with a warning, not as a mix', () => {
    const placed = placeOnTable(scores, table('unspecified'), 'incumbent', false);
    expect(placed).toMatchObject({ status: 'placed', mixed: false });
    expect(placed.messages[0]).toMatch(/compare like with like/);
  });
});

interface Stored {
  personId: string;
  context: 'applicant' | 'incumbent';
  title: string | null;
  department: 'deck' | null;
  scores: Record<string, number>;
  takenOn?: string;
  invalid?: boolean;
}

const record = (i: number, overrides: Partial<Stored> = {}): Stored => ({
  personId: `p${i}`,
  context: 'incumbent',
  title: 'Deckhand',
  department: 'deck',
  // Spread so every group has a non-zero SD.
  scores: { C: 3 + (i % 5) * 0.2, N: 2 + (i % 3) * 0.3 },
  ...overrides,
});

/** The engine's local groups (as the worker pool computes them) from stored results of one instrument. */
function analyse(records: Stored[], by: Grouping, minGroupSize: number, archivedPeople: string[] = []) {
  const scales = ['C', 'N'];
  return computeLocalGroups({
    results: {
      ids: records.map((_, i) => `r${String(i).padStart(4, '0')}`),
      people: records.map((r) => r.personId),
      populations: records.map((r) => r.context),
      takenOn: records.map((r) => r.takenOn ?? '2025-01-01'),
      invalid: Uint8Array.from(records, (r) => (r.invalid ? 1 : 0)),
    },
    scores: Float64Array.from(records.flatMap((r) => scales.map((scale) => r.scores[scale] ?? Number.NaN))),
    scales,
    archivedPeople,
    stints: Object.fromEntries(records.flatMap((r) => (r.title && r.department ? [[r.personId, [{ startDate: '2024-01-01', endDate: null, title: r.title, department: r.department }]]] : []))),
    groupings: [by],
    minGroupSize,
  });
}
const localGroups = (records: Stored[], by: Grouping, minGroupSize: number) => analyse(records, by, minGroupSize).groups[by]!;

describe('local norm groups (issue 3 §3)', () => {
  it('labels a result by position, department or context, with a group for people without a post', () => {
    expect(groupLabel('position', { title: 'Bosun', department: 'deck' }, 'incumbent')).toBe('Bosun');
    expect(groupLabel('department', { title: 'Bosun', department: 'deck' }, 'incumbent')).toBe('Deck');
    expect(groupLabel('context', { title: 'Bosun', department: 'deck' }, 'incumbent')).toBe('All crew in post');
    expect(groupLabel('context', { title: null, department: null }, 'applicant')).toBe('All applicants');
    expect(groupLabel('position', { title: null, department: null }, 'applicant')).toBe('No position');
    expect(groupLabel('department', { title: null, department: null }, 'applicant')).toBe('No position');
  });

  it('counts a person once per population, with their latest result that is not invalid; archived people not at all', () => {
    const records = [
      record(1, { takenOn: '2024-01-01', scores: { C: 1, N: 1 } }),
      record(1, { takenOn: '2025-01-01', scores: { C: 2, N: 2 } }),
      record(1, { takenOn: '2025-06-01', scores: { C: 5, N: 5 }, invalid: true }),
      record(1, { context: 'applicant', takenOn: '2023-01-01', scores: { C: 4, N: 4 } }),
      record(2, { scores: { C: 3, N: 3 } }),
      record(3, { scores: { C: 5, N: 5 } }),
    ];
    const { groups, results, excludedInvalid } = analyse(records, 'context', 2, ['p3']);
    expect(results).toBe(3);
    expect(excludedInvalid).toBe(1);
    expect(groups.context!.map((g) => [g.group, g.n, g.scales[0]!.mean])).toEqual([
      ['All applicants', 1, 4],
      ['All crew in post', 2, 2.5],
    ]);
  });

  it('keeps applicants and incumbents of one position apart', () => {
    const records = [...Array.from({ length: 30 }, (_, i) => record(i)), ...Array.from({ length: 5 }, (_, i) => record(100 + i, { context: 'applicant' }))];
    const groups = localGroups(records, 'position', 30);
    expect(groups.map((g) => [g.group, g.population, g.n, g.sufficient])).toEqual([
      ['Deckhand', 'applicant', 5, false],
      ['Deckhand', 'incumbent', 30, true],
    ]);
  });

  it('gives percentiles from the minimum size on, and says why not below it', () => {
    const at = (n: number, minimum: number) => localGroups(Array.from({ length: n }, (_, i) => record(i)), 'department', minimum)[0]!;
    expect(at(29, 30)).toMatchObject({ sufficient: false, table: null, message: 'Only 29 people have scores in "Deck" (crew in post); at least 30 are needed before percentiles are shown.' });
    expect(at(30, 30)).toMatchObject({ sufficient: true, message: null });
    expect(at(10, 10).sufficient).toBe(true);
    const below = placeOnLocalGroup(scores, at(29, 30), 'incumbent', false);
    expect(below.status).toBe('belowMinimum');
    expect(below.scores.every((s) => s.percentile === null && s.mean !== null)).toBe(true);
    expect(below.messages[0]).toMatch(/at least 30 are needed/);
  });

  it('places on a sufficient group with its mean and SD (n − 1), and refuses another population unless asked', () => {
    const records = Array.from({ length: 30 }, (_, i) => record(i));
    const group = localGroups(records, 'context', 30)[0]!;
    const cs = records.map((r) => r.scores.C!);
    const mean = cs.reduce((a, b) => a + b, 0) / cs.length;
    const sd = Math.sqrt(cs.reduce((a, c) => a + (c - mean) ** 2, 0) / (cs.length - 1));
    const placed = placeOnLocalGroup(scores, group, 'incumbent', false);
    expect(placed.scores.find((s) => s.id === 'C')!.z).toBeCloseTo((4 - mean) / sd, 12);
    expect(placeOnLocalGroup(scores, group, 'applicant', false).status).toBe('mismatch');
    expect(placeOnLocalGroup(scores, group, 'applicant', true)).toMatchObject({ status: 'placed', mixed: true });
  });

  it('a group whose scores do not vary cannot serve as norms', () => {
    const flat = localNorms(Array.from({ length: 30 }, () => ({ group: 'G', population: 'incumbent' as const, scores: { C: 3 } })), { minGroupSize: 30 });
    expect(flat[0]).toMatchObject({ sufficient: false, message: 'The scores in "G" (crew in post) do not vary on every scale, so they cannot serve as norms.' });
  });
});

describe('assessment settings and norm references', () => {
  it('default to the documented values', () => {
    const settings = assessmentSettingsSchema.parse({});
    expect(settings.minGroupSize).toBe(30);
    expect(settings.thresholds).toMatchObject({ answered: { questionable: 0.8, invalid: 0.5 }, irv: { questionable: 0.15, invalid: 0.05 }, mahalanobis: { questionable: 0.99, invalid: null } });
  });

  it('reject a minimum below 2, a fraction above 1 and a confidence of 1, naming the field', () => {
    const result = assessmentSettingsSchema.safeParse({ minGroupSize: 1, thresholds: { irv: { questionable: 1.5 }, mahalanobis: { questionable: 1 } } });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['minGroupSize', 'thresholds.irv.questionable', 'thresholds.mahalanobis.questionable']));
    expect(result.error!.issues.find((i) => i.path[0] === 'minGroupSize')!.message).toBe('A group needs at least 2 people for a standard deviation');
    expect(assessmentSettingsSchema.safeParse({ minGroupSize: 12.5 }).success).toBe(false);
  });

  it('a local norm reference names its population; volunteers are not a local population', () => {
    expect(normRefSchema.safeParse({ kind: 'local', by: 'position', group: 'Bosun', population: 'applicant' }).success).toBe(true);
    expect(normRefSchema.safeParse({ kind: 'local', by: 'position', group: 'Bosun' }).success).toBe(false);
    expect(normRefSchema.safeParse({ kind: 'local', by: 'position', group: 'Bosun', population: 'volunteer' }).success).toBe(false);
  });
});
