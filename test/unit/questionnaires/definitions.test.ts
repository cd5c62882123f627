import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrumentDefinitionSchema } from '../../../src/shared/psychometrics';
import { pulseSurveySchema } from '../../../src/shared/questionnaires';
import { parseInstrumentDefinition } from '../../../src/engine/psychometrics';
import { levelOf, paragraphs, pulseMean, roundStart } from '../../../src/engine/questionnaires';

const base = {
  id: 'crew-check',
  response: { min: 1, max: 4 },
  languages: ['en'],
  scales: [{ id: 'A' }],
  items: [
    { id: 'q1', scale: 'A', keyed: 1, text: { en: 'One' } },
    { id: 'q2', scale: 'A', keyed: -1, text: { en: 'Two' } },
  ],
};
const problems = (definition: unknown) => {
  try {
    parseInstrumentDefinition(definition, 'def.json');
    return [];
  } catch (error) {
    return (error as { issues: Array<{ path: string; message: string }> }).issues;
  }
};

describe('a custom instrument definition for questionnaires taken in the app', () => {
  it('is accepted whole and refused with the reason for each bad part', () => {
    expect(instrumentDefinitionSchema.safeParse(base).success).toBe(true);
    expect(problems({ ...base, items: [...base.items, { ...base.items[0], text: { en: 'Again' } }] })).toContainEqual({ path: 'items.2.id', message: 'item "q1" is defined twice' });
    expect(problems({ ...base, items: [{ ...base.items[0], scale: 'Z' }, base.items[1]] })).toContainEqual({ path: 'items.0.scale', message: 'item "q1" belongs to scale "Z", which is not defined' });
    expect(problems({ ...base, response: { min: 3, max: 3 } })).toContainEqual({ path: 'response.max', message: 'max must be greater than min' });
    expect(problems({ ...base, languages: ['en', ''] })).toContainEqual({ path: 'languages.1', message: 'a language code must not be empty' });
    expect(problems({ ...base, languages: ['en', 'de'] })).toContainEqual({ path: 'languages.1', message: 'language "de" is offered but no item has a text in it' });
    expect(problems({ ...base, languages: ['en', 'de'], items: [{ ...base.items[0], text: { en: 'One', de: 'Eins' } }, base.items[1]] })).toContainEqual({ path: 'languages.1', message: 'language "de" has no text for item q2' });
    expect(problems({ ...base, responseLabels: { en: ['No', 'Yes'] } })).toContainEqual({ path: 'responseLabels.en', message: 'has 2 labels for 4 answer options' });
  });
});

describe('pulse survey definitions', () => {
  const dir = join(__dirname, '../../../resources/pulse');
  const shipped = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);

  it('ship four, each valid, of 5 to 8 statements, with the sources of their constructs', () => {
    expect(shipped).toHaveLength(4);
    for (const s of shipped) {
      const parsed = pulseSurveySchema.parse(s);
      expect(parsed.items.length).toBeGreaterThanOrEqual(5);
      expect(parsed.items.length).toBeLessThanOrEqual(8);
      expect(parsed.sources.length).toBeGreaterThan(0);
    }
  });

  it('are refused with the reason: a duplicate statement, a language without every text', () => {
    const survey = pulseSurveySchema.parse(shipped[0]);
    const duplicate = pulseSurveySchema.safeParse({ ...survey, items: [...survey.items, survey.items[0]] });
    expect(duplicate.success).toBe(false);
    expect(JSON.stringify(duplicate.error!.issues)).toMatch(/is defined twice/);
    const partial = pulseSurveySchema.safeParse({ ...survey, response: { ...survey.response, labels: { ...survey.response.labels, de: ['1', '2', '3', '4', '5'] } } });
    expect(JSON.stringify(partial.error!.issues)).toMatch(/has no de text/);
  });

  it('score the mean of the answered statements with reverse-keyed ones turned', () => {
    const survey = pulseSurveySchema.parse(shipped.find((s) => (s as { id: string }).id === 'team-climate'));
    const all4 = Object.fromEntries(survey.items.map((i) => [i.id, 4]));
    expect(pulseMean(survey, all4)).toBeCloseTo((6 * 4 + 2) / 7, 12);
    expect(pulseMean(survey, {})).toBeNull();
  });
});

describe('small rules', () => {
  it('read levels from T-scores: below 45 low, above 55 high', () => {
    expect([levelOf(44.9), levelOf(45), levelOf(55), levelOf(55.1), levelOf(null)]).toEqual(['low', 'neutral', 'neutral', 'high', null]);
  });
  it('turn the texts’ HTML breaks into paragraphs and drop any markup', () => {
    expect(paragraphs('One\nline. <br /><br />\nTwo <b>bold</b>.')).toEqual(['One line.', 'Two bold.']);
  });
  it('place a day in its round', () => {
    expect(roundStart(100, 28, 100)).toBe(100);
    expect(roundStart(100, 28, 127)).toBe(100);
    expect(roundStart(100, 28, 128)).toBe(128);
  });
});
