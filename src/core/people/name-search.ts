import { searchWords } from '../../shared/domain/text';

/**
 * Finding people by name as you type, the one way every list does it: each typed word (folded: no case, no
 * accents) must start one of the person's search terms — a given name, the surname, or a word of the e-mail's
 * local part (records.ts writes them). The terms' covering index answers each word with a range scan.
 */

/** Past the last character any folded word can hold, so `term >= 'jo' AND term < 'jo' || MAX` is "starts with jo". */
const PREFIX_END = '\u{10FFFF}';
const MAX_WORDS = 8;

export interface NameSearch {
  /** The typed words, longest first (it narrows most), at most eight. */
  words: string[];
  /** Named parameters for the SQL below: @name0, @name0end, … */
  params: Record<string, string>;
  /** Word `i` as a prefix range on a search-term column. */
  term(i: number, column: string): string;
  /** Whether the person in `personId` has a term starting with each of the words from `from` on. */
  matches(personId: string, from?: number): string;
}

/** The name search for what was typed; null when nothing was. */
export function nameSearch(search: string): NameSearch | null {
  const words = searchWords(search)
    .slice(0, MAX_WORDS)
    .sort((a, b) => b.length - a.length);
  if (words.length === 0) return null;
  const params: Record<string, string> = {};
  words.forEach((word, i) => {
    params[`name${i}`] = word;
    params[`name${i}end`] = word + PREFIX_END;
  });
  const term = (i: number, column: string) => `${column} >= @name${i} AND ${column} < @name${i}end`;
  return {
    words,
    params,
    term,
    matches: (personId, from = 0) =>
      words
        .slice(from)
        .map((_, j) => `${personId} IN (SELECT person_id FROM person_search_terms WHERE ${term(from + j, 'term')})`)
        .join(' AND '),
  };
}
