import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everyoneGroup } from '../../../src/shared/psychometrics';
import { words } from '../../../src/shared/words';

/**
 * The assessments screens in a captain's words (issue 10, finding 17): no internal references, instruments by
 * name, and one name per thing — the screens and the core's group names take their words from the dictionary.
 */
const folder = 'src/renderer/src/screens/assessments';
/** What a person can read in a screen file: its code without the comments. */
const shownText = (file: string) =>
  readFileSync(join(folder, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

describe('the assessments screens', () => {
  const files = readdirSync(folder).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));

  it.each(files)('%s cites no internal document and shows no instrument id', (file) => {
    const text = shownText(file);
    expect(text).not.toMatch(/SPEC\s*§|README|CREW\.md|issue \d/);
    // An instrument is shown by its name; its id only travels in API calls and keys.
    expect(text).not.toMatch(/>\s*\{[^}]*\b(instrumentId|key)\}\s*</);
  });

  it('call a population and a local group by one name each', () => {
    expect(words.assessmentContexts.incumbent.toLowerCase()).toBe(words.populations.incumbent);
    expect(words.groupings.context.toLowerCase()).toBe(`${words.populations.applicant} and ${words.populations.incumbent}`);
    expect(everyoneGroup('applicant')).toBe('All applicants');
    expect(everyoneGroup('incumbent')).toBe('All crew in post');
  });
});
