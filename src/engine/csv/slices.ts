import { TextFileError } from '../../shared/files/text-file';
import { formatCount, type CsvLimits } from './limits';

/** A run of whole records of a CSV text, the line it starts on, and the line each record that is not blank starts on. */
export interface CsvSlice {
  text: string;
  firstLine: number;
  lines: number[];
}

/** A line of spaces only is no record (readers skip blank lines). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (text.charCodeAt(i) > 32) return false;
  return true;
}

/** Slices are about this many characters: csv-parse slows down on long inputs, and each slice is one pause. */
export const SLICE_CHARS = 256 * 1024;

/**
 * Cuts a CSV text into slices of whole records without parsing it, checking each line's length on the way, so
 * an over-long line is refused before any parser sees it. A record ends at a line break outside quotes (quotes
 * are counted: RFC 4180 doubles a quote inside a quoted value, which keeps the count even).
 */
export function* csvSlices(text: string, source: string, limits: CsvLimits, sliceChars = SLICE_CHARS): Generator<CsvSlice> {
  const lineBreak = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  let nextQuote = text.indexOf('"');
  let quoted = false;
  let line = 1;
  let recordStart = 0;
  let recordLine = 1;
  let sliceStart = 0;
  let sliceLine = 1;
  let lines: number[] = [];
  for (let pos = 0; pos < text.length; ) {
    const found = text.indexOf(lineBreak, pos);
    const end = found === -1 ? text.length : found;
    if (end - pos > limits.maxLineChars) {
      throw new TextFileError(source, line, `the line is ${formatCount(end - pos)} characters long; a line may hold at most ${formatCount(limits.maxLineChars)}.`);
    }
    while (nextQuote !== -1 && nextQuote < end) {
      quoted = !quoted;
      nextQuote = text.indexOf('"', nextQuote + 1);
    }
    pos = end + 1;
    line += 1;
    if (quoted) {
      if (pos - recordStart > limits.maxLineChars) {
        throw new TextFileError(source, recordLine, `a quoted value opens here and does not close within ${formatCount(limits.maxLineChars)} characters.`);
      }
      continue;
    }
    if (!isBlank(text, recordStart, end)) lines.push(recordLine);
    recordStart = pos;
    recordLine = line;
    if (pos - sliceStart >= sliceChars) {
      yield { text: text.slice(sliceStart, pos), firstLine: sliceLine, lines };
      sliceStart = pos;
      sliceLine = line;
      lines = [];
    }
  }
  if (quoted && !isBlank(text, recordStart, text.length)) lines.push(recordLine);
  if (sliceStart < text.length) yield { text: text.slice(sliceStart), firstLine: sliceLine, lines };
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator of a file: the most frequent of comma, semicolon and tab outside quotes on its first line
 * (spreadsheets in many locales write semicolons; "Unicode text" is tab-separated). A comma when none appears.
 */
export function detectDelimiter(text: string, limits: CsvLimits): string {
  const start = Math.max(0, text.search(/[^\r\n]/));
  const head = text.slice(start, start + limits.maxLineChars);
  const firstLine = head.slice(0, head.search(/[\r\n]|$/)).replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}
