/**
 * ICAO Doc 9303 Part 3 transliteration of names into the MRZ alphabet (docs/documents.md#verification-rules): Ä→AE,
 * Ö→OE, Ü→UE, ß→SS, Å→AA, Æ→AE, Ø→OE, other accents dropped, hyphens and spaces become `<`, apostrophes are
 * dropped.
 */
const MULTI_LETTER: Record<string, string> = {
  Ä: 'AE',
  Ö: 'OE',
  Ü: 'UE',
  ß: 'SS',
  ẞ: 'SS',
  Å: 'AA',
  Æ: 'AE',
  Ø: 'OE',
  Œ: 'OE',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ł: 'L',
  Ĳ: 'IJ',
};

/**
 * The plain spelling of letters that carry no separable accent (Unicode gives `Ø` no `O` to fall back on), as
 * printed on certificates that do not follow ICAO (`Bjørn` → `BJORN`).
 */
const PLAIN_LETTER: Record<string, string> = { Ø: 'O', Æ: 'AE', Œ: 'OE', Þ: 'TH', Ð: 'D', Đ: 'D', Ł: 'L', Ĳ: 'IJ' };

/**
 * `icao`: Doc 9303's table; `plain`: accents dropped; `unread`: the letters of PLAIN_LETTER as `?`, any one
 * character. The page pass's `eng` model has no `ø`, `æ`, `ł`…: it reads them as whatever looks closest (`Bjørn`
 * came out `BJORN` at one resolution and `BJGRN` at another, measured), so a printed name is allowed anything there.
 */
type Spelling = 'icao' | 'plain' | 'unread';

function mapName(name: string, spelling: Spelling): string {
  let out = '';
  for (const char of name.toLocaleUpperCase('en')) {
    const mapped = spelling === 'icao' ? MULTI_LETTER[char] : spelling === 'plain' ? PLAIN_LETTER[char] : PLAIN_LETTER[char] && '?';
    if (mapped) out += mapped;
    else if (char === 'ß' || char === 'ẞ') out += 'SS';
    else out += char;
  }
  return out
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`´ʼ]/g, '')
    .replace(/[\s\-‐‑–,.]+/g, '<')
    .replace(spelling === 'unread' ? /[^A-Z<?]/g : /[^A-Z<]/g, '')
    .replace(/^<+|<+$/g, '');
}

/** The MRZ spelling of a name (`Müller-Lüdenscheidt` → `MUELLER<LUEDENSCHEIDT`). */
export function transliterate(name: string): string {
  return mapName(name, 'icao');
}

/**
 * Every spelling an issuer may have used: the ICAO table (Ä→AE) and the plain one without diacritics (Ä→A),
 * which many states print and OCR often reads (`ÖZTÜRK` → `OZTURK`).
 */
export function spellings(name: string): string[] {
  return [...new Set([mapName(name, 'icao'), mapName(name, 'plain')])];
}

/** Name tokens in MRZ spelling: `Anna-Maria  Lou` → [`ANNA`, `MARIA`, `LOU`]. */
export function nameTokens(mrzName: string): string[] {
  return mrzName.split('<').filter(Boolean);
}

export interface NameComparison {
  ok: boolean;
  message: string;
}

/**
 * Surname exactly, given names in any order (issuers and people order them differently). A name field the MRZ
 * cut short (its 39 characters full) may end with a prefix of the last name.
 */
export function compareNames(
  read: { surname: string; givenNames: string },
  expected: { surname: string; givenNames: string },
  options: { truncated?: boolean } = {},
): NameComparison {
  const readSurname = transliterate(read.surname);
  const candidates = (name: string) => [...spellings(name), mapName(name, 'unread')];
  const surnameOk = candidates(expected.surname).some((s) => sameSpelling(readSurname, s));
  const readGiven = nameTokens(transliterate(read.givenNames)).sort();
  const givenOk = candidates(expected.givenNames).some((spelling) => sameTokens(readGiven, nameTokens(spelling).sort(), options.truncated ?? false));
  if (surnameOk && givenOk) return { ok: true, message: `Name matches the person (${readSurname.replace(/</g, ' ')}, ${readGiven.join(' ')})` };
  const parts: string[] = [];
  if (!surnameOk) parts.push(`surname reads ${readSurname.replace(/</g, ' ') || '(none)'}, the person is ${transliterate(expected.surname).replace(/</g, ' ')}`);
  if (!givenOk) parts.push(`given names read ${readGiven.join(' ') || '(none)'}, the person has ${nameTokens(transliterate(expected.givenNames)).join(' ') || '(none)'}`);
  return { ok: false, message: `Name does not match: ${parts.join('; ')}` };
}

/** The same spelling, a `?` of the expected one (a letter OCR cannot read) standing for any one character. */
function sameSpelling(read: string, expected: string): boolean {
  return read.length === expected.length && [...expected].every((char, i) => char === '?' || char === read[i]);
}

function sameTokens(read: string[], expected: string[], truncated: boolean): boolean {
  if (read.length === expected.length && read.every((token, i) => sameSpelling(token, expected[i]!))) return true;
  if (!truncated || read.length === 0) return false;
  // A cut-short MRZ name: all read tokens but one appear whole; the remaining one is a prefix of an expected token.
  const remaining = [...expected];
  let prefixUsed = false;
  for (const token of read) {
    const whole = remaining.indexOf(token);
    if (whole >= 0) {
      remaining.splice(whole, 1);
      continue;
    }
    const prefix = remaining.findIndex((candidate) => candidate.startsWith(token));
    if (prefix < 0 || prefixUsed) return false;
    prefixUsed = true;
    remaining.splice(prefix, 1);
  }
  return true;
}
