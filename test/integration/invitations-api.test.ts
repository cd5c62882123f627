import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_FORMAT } from '../../src/shared/questionnaires';
import { base64, createPeople, ipip, itemIds } from '../helpers/assessments';
import { tempCore } from '../helpers/temp-core';

/**
 * Issue 12: a remote invitation is one HTML file holding only its items and language and its own key; the
 * answers file it produces is imported once, and refused whole when altered, for another invitation or
 * version, or with a value out of range.
 */
const core = tempCore();
afterAll(() => core.dispose());

let people: Array<{ id: string }>;
beforeAll(async () => {
  people = await createPeople(core, 3, 'cand');
});

/** The data the page is built with, read back from the exported HTML as a browser would. */
async function exported(id: string) {
  const { html, fileName } = await core.call('invitations.export', { id });
  const json = /<script type="application\/json" id="invitation">(.*?)<\/script>/s.exec(html)![1]!;
  return { html, fileName, data: JSON.parse(json) as { invitationId: string; key: string; instrumentVersion: string; items: Array<{ id: string; text: string }> } };
}

/** The answers file as the page writes it: the payload text and its HMAC under the invitation's key. */
function answersFile(key: string, payload: Record<string, unknown>, tamper?: (payload: string) => string): string {
  const text = JSON.stringify(payload);
  const hmac = createHmac('sha256', Buffer.from(key, 'base64')).update(text).digest('hex');
  return JSON.stringify({ format: ANSWERS_FORMAT, payload: tamper ? tamper(text) : text, hmac });
}

function payloadFor(data: { invitationId: string; instrumentVersion: string }, value: (i: number) => number = (i) => 1 + (i % 5)) {
  return {
    invitationId: data.invitationId,
    instrumentId: 'ipip-neo-120',
    instrumentVersion: data.instrumentVersion,
    language: 'de',
    startedAt: '2026-01-05T10:00:00.000Z',
    finishedAt: '2026-01-05T10:30:00.000Z',
    answers: itemIds.map((item, i) => ({ item, value: value(i), ms: 3500, at: '2026-01-05T10:10:00.000Z' })),
    events: [{ kind: 'focusLost', seconds: 0, item: 'i7', at: '2026-01-05T10:05:00.000Z' }],
  };
}

describe('a remote invitation', () => {
  it('exports one offline HTML file with only its own items, language and key', async () => {
    const invitation = await core.call('invitations.create', { personId: people[0]!.id, context: 'applicant', language: 'de' });
    expect(invitation).toMatchObject({ mode: 'remote', progress: 'invited', language: 'de' });
    const { html, fileName, data } = await exported(invitation.id);
    expect(fileName).toMatch(/^questionnaire-Given0-candSurname0-.{8}\.html$/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link|https?:\/\//);
    expect(data.items).toHaveLength(120);
    expect(data.items[0]!.text).toBe(ipip.items[0]!.text.de);
    expect(html).not.toContain(ipip.items[0]!.text.fr!);
    expect(Buffer.from(data.key, 'base64')).toHaveLength(32);
  });

  it('imports the answers once, with their times and events, and refuses them a second time', async () => {
    const invitation = await core.call('invitations.create', { personId: people[1]!.id, context: 'applicant', language: 'de' });
    const { data } = await exported(invitation.id);
    const file = answersFile(data.key, payloadFor(data));
    const done = await core.call('invitations.import', { contentBase64: base64(file), sessionId: invitation.id });
    const result = await core.call('assessments.get', { id: done.resultId! });
    expect(result.responseTime).toMatchObject({ totalSeconds: 420, itemsUnderThreshold: 0 });
    expect(result.session).toMatchObject({ language: 'de', proctoring: [expect.objectContaining({ kind: 'focusLost', severity: 'medium', item: 'i7' })] });
    expect(result.session!.taken).toMatch(/^Answered through a remote invitation in German/);
    expect((await core.call('sessions.get', { id: invitation.id })).progress).toBe('completed');
    await expect(core.call('invitations.import', { contentBase64: base64(file) })).rejects.toThrow(/imported on .* already/);
  });

  it('refuses, whole, an edited file, a file of another invitation, another version and a value out of range', async () => {
    const a = await core.call('invitations.create', { personId: people[2]!.id, context: 'applicant', language: 'de' });
    const b = await core.call('invitations.create', { personId: people[0]!.id, context: 'incumbent', language: 'de' });
    const { data } = await exported(a.id);
    const other = (await exported(b.id)).data;
    const refused = async (file: string, pattern: RegExp, sessionId = a.id) => {
      await expect(core.call('invitations.import', { contentBase64: base64(file), sessionId })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(pattern) });
    };
    await refused(answersFile(data.key, payloadFor(data), (text) => text.replace('"item":"i1","value":1', '"item":"i1","value":5')), /was changed after the questionnaire page saved it/);
    await refused(answersFile(other.key, payloadFor(other)), /answers another invitation/);
    // Signed with the wrong key for the invitation it names.
    await refused(answersFile(other.key, payloadFor(data)), /was changed after/);
    await refused(answersFile(data.key, { ...payloadFor(data), instrumentVersion: '0.9.0' }), /version 0\.9\.0, and the invitation was for version/);
    await refused(answersFile(data.key, payloadFor(data, (i) => (i === 50 ? 7 : 3))), /answer to i51 is 7, outside 1–5/);
    await refused(JSON.stringify({ format: 'something else', payload: '{}', hmac: '0'.repeat(64) }), /not a Harmony Crew answers file/);
    const session = await core.call('sessions.get', { id: a.id });
    expect(session).toMatchObject({ status: 'open', resultId: null, answered: 0, importedAt: null });
    expect(session.events).toEqual([]);
    const done = await core.call('invitations.import', { contentBase64: base64(answersFile(data.key, payloadFor(data))), sessionId: a.id });
    expect(done.resultId).toEqual(expect.any(String));
  });
});
