import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64, importPeople, itemIds, resultsCsv } from '../helpers/assessments';
import { tempCore } from '../helpers/temp-core';

/**
 * Issue 12: the profile a person reads — verdict first, domains and facets against the norm of their own
 * population with what they mean in their language, history across snapshots, and a one-page PDF.
 */
const core = tempCore();
afterAll(() => core.dispose());

let resultId: string;
let personId: string;

beforeAll(async () => {
  const people = await importPeople(core, 41, 'prof');
  // 40 applicants stored: a local group above the minimum of 30, so percentiles and levels can be read.
  await core.call('assessments.import', { contentBase64: base64(resultsCsv(people.slice(0, 41).map((p) => p.email), { seed: 7, takenOn: '2025-01-10' })), context: 'applicant', fileName: 'applicants.csv' });
  personId = people[40]!.id;
  const session = await core.call('sessions.start', { personId, context: 'applicant', language: 'de' });
  for (const [i, item] of itemIds.entries()) await core.call('sessions.answer', { sessionId: session.id, item, value: 1 + ((i * 3) % 5), ms: 3000 });
  resultId = (await core.call('sessions.finish', { sessionId: session.id })).resultId!;
}, 120_000);

describe('the profile', () => {
  it("is read against the person's own population, with levels and texts in their language", async () => {
    const profile = await core.call('profiles.get', { id: resultId });
    expect(profile.norm).toMatchObject({ label: 'All applicants', population: 'applicant' });
    expect(profile.language).toBe('de');
    expect(profile.languageNote).toBeNull();
    expect(profile.domains.map((d) => d.id)).toEqual(['N', 'E', 'O', 'A', 'C']);
    expect(profile.domains.find((d) => d.id === 'A')!.name).toBe('Verträglichkeit');
    if (profile.verdict !== 'invalid') {
      for (const d of profile.domains) {
        expect(d.percentile).not.toBeNull();
        expect(d.level).toBe(d.t! < 45 ? 'low' : d.t! > 55 ? 'high' : 'neutral');
        expect(d.meaning.join(' ')).not.toMatch(/<br/);
        expect(d.meaning.length).toBeGreaterThan(0);
      }
    }
    expect(profile.facets).toHaveLength(30);
    expect(profile.taken).toMatch(/^Answered in the kiosk in German/);
  });

  it('falls back to English texts in a language the texts do not exist in, and says so', async () => {
    const profile = await core.call('profiles.get', { id: resultId, language: 'ja' });
    expect(profile.language).toBe('en');
    expect(profile.languageNote).toMatch(/not in Japanese: they are shown in English/);
  });

  it('without a norm shows no levels and says why; history has one point per snapshot', async () => {
    const profile = await core.call('profiles.get', { id: resultId, norm: 'none' });
    expect(profile.domains.every((d) => d.level === null && d.meaning.length === 0)).toBe(true);
    expect(profile.normNote).toMatch(/no norm/);
    const history = await core.call('profiles.history', { personId, instrumentId: 'ipip-neo-120' });
    expect(history.points.map((p) => p.takenOn)).toEqual(['2025-01-10', expect.stringMatching(/^\d{4}-/)]);
    expect(history.points[1]!.resultId).toBe(resultId);
    expect(history.points.every((p) => p.t.length === 5)).toBe(true);
  });

  it('prints on one page, with or without the careless-responding detail', async () => {
    for (const careless of [false, true]) {
      const pdf = await core.call('profiles.pdf', { id: resultId, careless });
      const bytes = Buffer.from(pdf.contentBase64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
      expect(pdf.fileName).toMatch(/^profile-Given40-profSurname40-\d{4}-\d{2}-\d{2}\.pdf$/);
    }
  });
});
