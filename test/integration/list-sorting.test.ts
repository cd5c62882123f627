import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verdicts } from '../../src/shared/psychometrics';
import { words } from '../../src/shared/words';
import { tempCore } from '../helpers/temp-core';

/**
 * Lists that page sort in the core, by what their columns show: the review queue, the questionnaire results and
 * the advisory log, on the sample fleet. Ties keep the newest first.
 */
const core = tempCore();
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
let personOrder: Map<string, number>;

/** The values never go down (or up, descending) by `compare`. */
function expectOrdered<T>(values: T[], compare: (a: T, b: T) => number, descending = false) {
  const out = values.findIndex((v, i) => i > 0 && (descending ? -1 : 1) * compare(values[i - 1]!, v) > 0);
  expect(out, `out of order at row ${out}: ${String(values[out - 1])} then ${String(values[out])}`).toBe(-1);
}

beforeAll(async () => {
  await core.call('demo.load', {});
  const people = await core.call('people.list', { archived: 'include', limit: 500 });
  personOrder = new Map(people.rows.map((p, i) => [p.id, i]));
}, 120_000);
afterAll(() => core.dispose());

describe('documents.list sorts the review queue', () => {
  const list = (sort: 'added' | 'file' | 'person' | 'type' | 'status', descending: boolean) => core.call('documents.list', { status: 'all', limit: 500, sort, descending });

  it('by type and status as their words read, both ways', async () => {
    for (const descending of [false, true]) {
      const byType = await list('type', descending);
      expect(new Set(byType.rows.map((r) => r.type)).size).toBeGreaterThan(1);
      expectOrdered(byType.rows.map((r) => words.documentTypes[r.type]), collator.compare, descending);
      const byStatus = await list('status', descending);
      expectOrdered(byStatus.rows.map((r) => words.verificationStatuses[r.status]), collator.compare, descending);
    }
  });

  it('by person as the crew list orders names, by file name, and newest first by default', async () => {
    const byPerson = await list('person', false);
    expectOrdered(byPerson.rows.map((r) => personOrder.get(r.personId)!), (a, b) => a - b);
    const byFile = await list('file', true);
    expectOrdered(byFile.rows.map((r) => r.fileName.toLowerCase()), (a, b) => (a < b ? -1 : a > b ? 1 : 0), true);
    const plain = await core.call('documents.list', { status: 'all', limit: 500 });
    expectOrdered(plain.rows.map((r) => r.createdAt), (a, b) => a.localeCompare(b), true);
  });

  it('refuses a column it does not sort by, naming the field', async () => {
    const envelope = await core.dispatch('documents.list', { sort: 'why' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(envelope)).toContain('sort');
  });
});

describe('assessments.list sorts the results', () => {
  it('by verdict from sound to unusable, context by its words, person by name and answered share', async () => {
    const byVerdict = await core.call('assessments.list', { limit: 500, sort: 'verdict', descending: false });
    expect(new Set(byVerdict.rows.map((r) => r.verdict)).size).toBeGreaterThan(1);
    expectOrdered(byVerdict.rows.map((r) => verdicts.indexOf(r.verdict)), (a, b) => a - b);
    const byContext = await core.call('assessments.list', { limit: 500, sort: 'context', descending: true });
    expectOrdered(byContext.rows.map((r) => words.assessmentContexts[r.context]), collator.compare, true);
    const byPerson = await core.call('assessments.list', { limit: 500, sort: 'person', descending: false });
    expectOrdered(byPerson.rows.map((r) => personOrder.get(r.personId)!), (a, b) => a - b);
    const byAnswered = await core.call('assessments.list', { limit: 500, sort: 'answered', descending: false });
    expectOrdered(byAnswered.rows.map((r) => r.answered / r.items), (a, b) => a - b);
  });

  it('pages through one order without losing or repeating a result', async () => {
    const whole = await core.call('assessments.list', { limit: 500, sort: 'person', descending: true });
    const first = await core.call('assessments.list', { limit: 20, sort: 'person', descending: true });
    const second = await core.call('assessments.list', { offset: 20, limit: 20, sort: 'person', descending: true });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(whole.rows.slice(0, 40).map((r) => r.id));
  });
});

describe('fit.log sorts the advisory log', () => {
  it('newest first by default, by what was done in its words, and by how many people were shown', async () => {
    const vessels = await core.call('vessels.list', {});
    const detail = await core.call('vessels.get', { id: vessels[0]!.id });
    const position = detail.positions[0]!;
    await core.call('fit.rank', { positionId: position.id, limit: 3 });
    await core.call('fit.rank', { positionId: position.id, limit: 7 });
    const person = (await core.call('people.list', { limit: 1 })).rows[0]!;
    await core.call('fit.matches', { personId: person.id });

    const plain = await core.call('fit.log', {});
    expect(plain.total).toBe(3);
    expectOrdered(plain.entries.map((e) => e.createdAt), (a, b) => a.localeCompare(b), true);
    const byAction = await core.call('fit.log', { sort: 'action', descending: false });
    expectOrdered(byAction.entries.map((e) => words.advisoryActions[e.action]), collator.compare);
    const byShown = await core.call('fit.log', { sort: 'shown', descending: false });
    expect(byShown.entries.map((e) => e.shown.length)).toEqual([...plain.entries.map((e) => e.shown.length)].sort((a, b) => a - b));
  });
});
