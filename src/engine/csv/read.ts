import { parse } from 'csv-parse/sync';
import { TextFileError } from '../../shared/files/text-file';
import { restoreCell } from './formula';
import { CSV_LIMITS, formatCount, type CsvLimits } from './limits';
import { csvSlices, detectDelimiter, type CsvSlice } from './slices';

/** A CSV file as read: its header, its rows of cells, and the line each row starts on (as an editor numbers it). */
export interface CsvTable {
  /** The file's name, for messages. */
  source: string;
  header: string[];
  headerLine: number;
  rows: string[][];
  lines: number[];
}

export interface CsvReadOptions {
  /** The file's name, for messages. */
  source: string;
  limits?: Partial<CsvLimits>;
}

const NOT_CLOSED = 'a quoted value is not closed: a quote (") is missing.';
const AFTER_CLOSING = 'a quoted value is followed by other characters before the next separator.';
const PARSE_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: NOT_CLOSED,
  CSV_INVALID_CLOSING_QUOTE: AFTER_CLOSING,
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: AFTER_CLOSING,
  INVALID_OPENING_QUOTE: 'a value has a quote (") inside it: put the whole value in quotes and double the quote inside ("").',
};

// Spaces around a value are dropped, those inside quotes kept: a writer quotes a value that needs them.
const PARSE_OPTIONS = { relax_column_count: true, skip_empty_lines: true, trim: true } as const;

/**
 * One slice's records with the line each starts on. The slicer counted the records already; csv-parse's own
 * line count (`info`, which costs a copied object per record) is asked for only if the two disagree.
 */
function parseSlice(slice: CsvSlice, delimiter: string, source: string): { records: string[][]; lines: number[] } {
  try {
    const records = parse(slice.text, { ...PARSE_OPTIONS, delimiter }) as string[][];
    if (records.length === slice.lines.length) return { records, lines: slice.lines };
    const counted = parse(slice.text, { ...PARSE_OPTIONS, delimiter, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return { records: counted.map((r) => r.record), lines: counted.map((r) => slice.firstLine - 1 + r.info.lines) };
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    const line = typeof lines === 'number' ? slice.firstLine - 1 + lines : null;
    throw new TextFileError(source, line, `the file is not valid CSV: ${PARSE_PROBLEMS[code ?? ''] ?? 'this line cannot be read as CSV.'}`);
  }
}

/** The reading itself, one slice per step: the caller decides whether to pause between steps. */
function* readSteps(text: string, options: CsvReadOptions): Generator<void, CsvTable> {
  const { source } = options;
  const limits = { ...CSV_LIMITS, ...options.limits };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new TextFileError(source, null, 'the file is empty.');
  const delimiter = detectDelimiter(body, limits);
  let header: string[] | null = null;
  let headerLine = 1;
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const slice of csvSlices(body, source, limits)) {
    const parsed = parseSlice(slice, delimiter, source);
    for (let r = 0; r < parsed.records.length; r += 1) {
      const record = parsed.records[r]!;
      const line = parsed.lines[r]!;
      if (record.length > limits.maxColumns) {
        throw new TextFileError(source, line, `the row has ${formatCount(record.length)} values; a row may hold at most ${formatCount(limits.maxColumns)}.`);
      }
      for (let i = 0; i < record.length; i += 1) record[i] = restoreCell(record[i]!);
      if (header === null) {
        header = record;
        headerLine = line;
      } else if (rows.length === limits.maxRows) {
        throw new TextFileError(source, line, `the file has more than ${formatCount(limits.maxRows)} rows under its header.`);
      } else {
        rows.push(record);
        lines.push(line);
      }
    }
    yield;
  }
  if (header === null) throw new TextFileError(source, null, 'the file is empty.');
  return { source, header, headerLine, rows, lines };
}

/**
 * Reads a CSV text: comma, semicolon or tab separated (found from the header line), quotes as RFC 4180, blank
 * lines skipped, spaces around unquoted values dropped, a neutralised formula prefix taken off (formula.ts).
 * Throws a TextFileError naming the line for a file that is not CSV or exceeds a limit (limits.ts).
 */
export function readCsv(text: string, options: CsvReadOptions): CsvTable {
  const steps = readSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same reading, pausing after every slice of about 256 KB so that a large file holds up nothing else. */
export async function readCsvInSlices(text: string, options: CsvReadOptions & { pause: () => Promise<void> }): Promise<CsvTable> {
  const steps = readSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await options.pause();
  }
}
