/**
 * How the app reads a text file it is given (CSV, instrument and threshold JSON, a person's JSON): UTF-8 with or
 * without a byte-order mark, or UTF-16 with one. Anything else is refused naming the file and the line, never
 * guessed: Windows "ANSI", Mac Roman and Central European files all decode as plausible Western letters, and a
 * crew database must not store a wrong guess of a name (docs/csv.md).
 */

/** A file that cannot be used as it is: where (file, line when known) and why, in plain words. */
export class TextFileError extends Error {
  constructor(
    readonly source: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${source}${line === null ? '' : `, line ${line}`}: ${reason}`);
    this.name = 'TextFileError';
  }
}

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in a spreadsheet: “CSV UTF-8”) and try again.';

function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

const lineAt = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
};

/** The few characters before `index` on its line, to show a person where to look. */
function before(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('\n', index - 1) + 1, index - 12);
  return text.slice(start, index).trim();
}

/**
 * Where the first byte that UTF-8 does not allow is. The lenient decoding marks it with U+FFFD; a U+FFFD the
 * file really holds is told apart by re-encoding the text before it, which gives its byte offset.
 */
function firstBadByte(bytes: Uint8Array, lenient: string): { index: number; byte: number } {
  const encoder = new TextEncoder();
  for (let i = lenient.indexOf('\uFFFD'); i !== -1; i = lenient.indexOf('\uFFFD', i + 1)) {
    const offset = encoder.encode(lenient.slice(0, i)).length;
    const literal = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!literal) return { index: i, byte: bytes[offset] ?? 0 };
  }
  return { index: 0, byte: bytes[0] ?? 0 };
}

function notUtf8(bytes: Uint8Array, source: string): TextFileError {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const { index, byte } = firstBadByte(bytes, lenient);
  const context = before(lenient, index);
  // What the byte would be in the Western European encoding spreadsheets on Windows write: a hint, never used.
  const western = byte >= 0xa0 ? ` (in a Western European file it would read “${new TextDecoder('windows-1252').decode(new Uint8Array([byte]))}”)` : '';
  return new TextFileError(
    source,
    lineAt(lenient, index),
    `the file is not UTF-8 text: a character${context ? ` after “${context}”` : ''} is written in another encoding${western}. ${SAVE_AS_UTF8}`,
  );
}

/**
 * The text of a file's bytes (without its byte-order mark). Throws a TextFileError naming the line for a file
 * that is not UTF-8 or UTF-16 text, or that holds a zero byte (a binary file: a spreadsheet, an image, a device).
 */
export function decodeText(bytes: Uint8Array, source: string): string {
  const encoding = encodingOf(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding === 'utf-8') throw notUtf8(bytes, source);
    const lenient = new TextDecoder(encoding).decode(bytes);
    throw new TextFileError(source, lineAt(lenient, lenient.indexOf('\uFFFD')), `the file is marked as UTF-16 but is not valid UTF-16 text. ${SAVE_AS_UTF8}`);
  }
  const zero = text.indexOf('\0');
  if (zero !== -1) {
    throw new TextFileError(source, lineAt(text, zero), 'this is not a text file (it holds a zero byte): choose the CSV or JSON file itself, not a spreadsheet, an image or a device.');
  }
  return text;
}
