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

/** The words of a name or query, folded; what "find by name as you type" matches on (word prefixes). */
export function searchWords(value: string): string[] {
  return foldText(value.replace(/[@.]/g, ' '))
    .split(' ')
    .filter((w) => w.length > 0);
}
