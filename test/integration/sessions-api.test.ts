import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64, importPeople, itemIds, ipip, resultsCsv } from '../helpers/assessments';
import { ownerCore, tempDir } from '../helpers/temp-core';

/**
 * Issue 12: questionnaires taken in the app through the typed API — every answer stored as it is given (a core
 * closed mid-way resumes at the next item), refusals, the kiosk held until the exit code, proctoring events in
 * the verdict, and single sessions screened against the stored reference group.
 */
const dir = tempDir();
let core = ownerCore(dir.path);
afterAll(async () => {
  await core.close();
  dir.remove();
});

let people: Array<{ id: string; email: string }>;
const MS = 4_000;

/** An attentive-looking answer: agrees with plus-keyed items and disagrees with minus-keyed ones, with some spread. */
const attentive = (i: number) => {
  const item = ipip.items[i]!;
  const lean = ['N', 'O'].includes(item.scale) ? 2 : 4;
  const value = item.keyed === 1 ? lean : 6 - lean;
  return Math.min(5, Math.max(1, value + ((i * 7) % 3) - 1));
};

async function answerAll(sessionId: string, value: (i: number) => number, from = 0, to = itemIds.length) {
  for (let i = from; i < to; i += 1) await core.call('sessions.answer', { sessionId, item: itemIds[i]!, value: value(i), ms: MS });
}

beforeAll(async () => {
  people = await importPeople(core, 372, 'crew');
  // 360 crew in post answered attentively: the reference group a single session is screened against.
  await core.call('assessments.import', { contentBase64: base64(resultsCsv(people.slice(0, 360).map((p) => p.email), { seed: 40, takenOn: '2025-01-10' })), context: 'incumbent', fileName: 'stored.csv' });
}, 180_000);

describe('a session answered through the API', () => {
  it('stores every answer as it is given, resumes after the core is closed at item 60, and finishes as a result like an imported one', async () => {
    const person = people[360]!;
    const session = await core.call('sessions.start', { personId: person.id, instrumentId: 'ipip-neo-120', language: 'en', context: 'incumbent' });
    expect(session).toMatchObject({ id: expect.any(String), status: 'open', answered: 0, items: 120, progress: 'invited' });
    await answerAll(session.id, attentive, 0, 60);
    await core.close();
    core = ownerCore(dir.path);
    const view = await core.call('sessions.kiosk', { id: session.id });
    expect(view.next).toBe(60);
    expect(Object.keys(view.answers)).toHaveLength(60);
    expect(view.session.progress).toBe('inProgress');
    await answerAll(session.id, attentive, 60);
    const { resultId } = await core.call('sessions.finish', { sessionId: session.id });
    const result = await core.call('assessments.get', { id: resultId! });
    expect(result).toMatchObject({ personId: person.id, answered: 120, items: 120, context: 'incumbent' });
    expect(result.responseTime).toMatchObject({ totalSeconds: (120 * MS) / 1000, itemsUnderThreshold: 0, pageTimeIndex: 0 });
    expect(result.comparison).toMatchObject({ reference: 360 });
    expect(result.session).toMatchObject({ language: 'en', engineVersion: expect.stringMatching(/^harmony-crew /), proctoring: [] });
    expect(result.session!.taken).toMatch(/^Answered in the kiosk in English on /);
    expect(result.verdict).toBe(result.currentVerdict);
    await expect(core.call('sessions.answer', { sessionId: session.id, item: 'i1', value: 3, ms: 10 })).rejects.toThrow(/finished/);
  });

  it('refuses a value outside the range, an unknown item, finishing with items unanswered, and an archived person', async () => {
    const person = people[361]!;
    const { id } = await core.call('sessions.start', { personId: person.id, language: 'de', context: 'incumbent' });
    await expect(core.call('sessions.answer', { sessionId: id, item: 'i1', value: 6, ms: 10 })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/outside .* range: give a whole number from 1 to 5/) });
    await expect(core.call('sessions.answer', { sessionId: id, item: 'i1', value: 2.5, ms: 10 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(core.call('sessions.answer', { sessionId: id, item: 'i121', value: 3, ms: 10 })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/not an item/) });
    await core.call('sessions.answer', { sessionId: id, item: 'i1', value: 3, ms: 10 });
    await expect(core.call('sessions.finish', { sessionId: id })).rejects.toThrow(/119 of 120 items are not answered yet/);
    await expect(core.call('sessions.start', { personId: person.id, language: 'xx', context: 'incumbent' })).rejects.toThrow(/has no texts in "xx"/);
    const archived = people[371]!;
    await core.call('people.archive', { id: archived.id });
    await expect(core.call('sessions.start', { personId: archived.id, context: 'applicant' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/archived/) });
  });
});

describe('the kiosk', () => {
  it('holds every call but its own session until the operator enters the exit code, which is stored only as a hash', async () => {
    const person = people[362]!;
    const other = await core.call('sessions.start', { personId: people[363]!.id, context: 'incumbent' });
    const { id } = await core.call('sessions.start', { personId: person.id, context: 'incumbent', exitCode: 'bosun-4711' });
    expect(await core.call('sessions.kioskState', {})).toEqual({ sessionId: id });
    await expect(core.call('people.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.call('assessments.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.call('sessions.kiosk', { id: other.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.call('sessions.answer', { sessionId: other.id, item: 'i1', value: 3, ms: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const view = await core.call('sessions.kiosk', { id });
    expect(view.greeting).toBe('Given362');
    expect(view.languages.length).toBeGreaterThanOrEqual(39);
    await core.call('sessions.setLanguage', { sessionId: id, language: 'fr' });
    expect((await core.call('sessions.kiosk', { id })).items[0]!.text).toBe(ipip.items[0]!.text.fr);
    await core.call('sessions.answer', { sessionId: id, item: 'i1', value: 4, ms: 3000 });
    await expect(core.call('sessions.setLanguage', { sessionId: id, language: 'en' })).rejects.toThrow(/before the first answer/);

    await expect(core.call('sessions.leave', { sessionId: id, exitCode: 'wrong' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const left = await core.call('sessions.leave', { sessionId: id, exitCode: 'bosun-4711' });
    expect(left).toMatchObject({ status: 'paused', pauses: 1, kioskLocked: false });
    await expect(core.call('sessions.answer', { sessionId: id, item: 'i2', value: 4, ms: 3000 })).rejects.toThrow(/paused/);
    expect((await core.call('people.list', {})).total).toBeGreaterThan(0);

    const db = new Database(join(dir.path, 'harmony.db'), { readonly: true });
    const stored = db.prepare('SELECT exit_code_hash AS hash FROM questionnaire_sessions WHERE id = ?').get(id) as { hash: string };
    db.close();
    expect(stored.hash).toMatch(/^scrypt1\$/);
    expect(stored.hash).not.toContain('bosun');

    await core.call('sessions.handOver', { sessionId: id, exitCode: 'second-code' });
    await answerAll(id, attentive, 1);
    const { resultId } = await core.call('sessions.finish', { sessionId: id });
    await expect(core.call('assessments.get', { id: resultId! })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await core.call('sessions.leave', { sessionId: id, exitCode: 'second-code' });
    const result = await core.call('assessments.get', { id: resultId! });
    expect(result.session!.taken).toMatch(/in French .*paused once and resumed/);
  });
});

describe('proctoring and screening of a single session', () => {
  it('counts proctoring events in the verdict: a paste makes it questionable, a scripted answer invalid', async () => {
    const { id } = await core.call('sessions.start', { personId: people[364]!.id, context: 'incumbent' });
    const lost = await core.call('sessions.report', { sessionId: id, event: { kind: 'focusLost', item: 'i3' } });
    expect(lost).toMatchObject({ kind: 'focusLost', severity: 'medium', item: 'i3' });
    await core.call('sessions.report', { sessionId: id, event: { kind: 'paste', item: 'i4' } });
    await core.call('sessions.report', { sessionId: id, event: { kind: 'syntheticInput', item: 'i5' } });
    await answerAll(id, attentive);
    const { resultId } = await core.call('sessions.finish', { sessionId: id });
    const result = await core.call('assessments.get', { id: resultId! });
    expect(result.session!.proctoring.map((e) => e.severity)).toEqual(['medium', 'high', 'critical']);
    expect(result.verdict).toBe('invalid');
    expect(result.reasons.map((r) => r.index)).toEqual(expect.arrayContaining(['proctoringCritical', 'proctoringHigh']));
    expect(result.currentVerdict).toBe('invalid');
  });

  it('finds fast streaks from the stored times', async () => {
    const { id } = await core.call('sessions.start', { personId: people[365]!.id, context: 'incumbent' });
    for (let i = 0; i < itemIds.length; i += 1) await core.call('sessions.answer', { sessionId: id, item: itemIds[i]!, value: attentive(i), ms: i >= 20 && i < 32 ? 400 : MS });
    const { resultId } = await core.call('sessions.finish', { sessionId: id });
    const result = await core.call('assessments.get', { id: resultId! });
    expect(result.session!.proctoring).toEqual([expect.objectContaining({ kind: 'fastStreak', severity: 'high', item: 'i21', detail: expect.stringMatching(/^12 answers in a row/) })]);
    expect(result.reasons.map((r) => r.index)).toContain('proctoringHigh');
  });

  it('a straight-lined and a uniformly random session are not valid and name the indices', async () => {
    const straight = await core.call('sessions.start', { personId: people[366]!.id, context: 'incumbent' });
    await answerAll(straight.id, () => 3);
    const s = await core.call('assessments.get', { id: (await core.call('sessions.finish', { sessionId: straight.id })).resultId! });
    expect(s.verdict).toBe('invalid');
    expect(s.reasons.map((r) => r.index)).toEqual(expect.arrayContaining(['longstringMax', 'irv']));

    let state = 12_345;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return 1 + (state % 5);
    };
    const randomSession = await core.call('sessions.start', { personId: people[367]!.id, context: 'incumbent' });
    await answerAll(randomSession.id, random);
    const r = await core.call('assessments.get', { id: (await core.call('sessions.finish', { sessionId: randomSession.id })).resultId! });
    expect(r.verdict).not.toBe('valid');
    // The stored results of crew in post (those before it that were not invalid) are the group it is compared with.
    expect(r.comparison!.reference).toBeGreaterThanOrEqual(360);
    expect(r.reasons.map((x) => x.index)).toContain('mahalanobis');
  });

  it('without a reference group large enough, a random session says which indices were not computed and is not valid', async () => {
    let state = 99;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return 1 + (state % 5);
    };
    const { id } = await core.call('sessions.start', { personId: people[368]!.id, context: 'applicant' });
    await answerAll(id, random);
    const r = await core.call('assessments.get', { id: (await core.call('sessions.finish', { sessionId: id })).resultId! });
    expect(r.verdict).not.toBe('valid');
    expect(r.reasons).toContainEqual(expect.objectContaining({ index: 'comparisonGroup', value: 1, cutoff: 360 }));
    expect(r.notComputed.map((n) => n.index)).toEqual(expect.arrayContaining(['mahalanobis', 'psychSyn', 'psychAnt']));
  });
});
