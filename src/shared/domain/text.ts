/**
 * Folds text for searching and duplicate checks: lower case, accents removed ("Zoë Núñez" → "zoe nunez"),
 * punctuation as spaces, single spaces.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * A person's initials, as on a photo placeholder: the first letter of the first given name and of the surname
 * ("Jörg Peter Müller-Lüdenscheid" → "JM"), whole letters even when written with combining accents.
 */
export function initials(givenNames: string, surname: string): string {
  const first = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.normalize('NFC').trim())][0]?.segment ?? '';
  const given = givenNames.trim().split(/\s+/)[0] ?? '';
  return `${first(given)}${first(surname)}`.toLocaleUpperCase();
}

/** The words of a name or query, folded; what "find by name as you type" matches on (word prefixes). */
export function searchWords(value: string): string[] {
  return foldText(value.replace(/[@.]/g, ' '))
    .split(' ')
    .filter((w) => w.length > 0);
}

/** "a, b or c" (or "a, b and c"): the words of a sentence's list, in their order. */
export function wordList(values: readonly string[], conjunction: 'and' | 'or'): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} ${conjunction} ${values.at(-1)}`;
}
