import { parse } from 'csv-parse/sync';
import { inputError, PsychometricsInputError } from './errors';

/**
 * CSV text → header + rows, with errors that name the file, the row (as a spreadsheet shows it: the header is
 * row 1) and the column. Comma, semicolon or tab separated (spreadsheets in many locales write semicolons).
 */
export interface CsvTable {
  /** Name used in messages, e.g. the file name. */
  source: string;
  header: string[];
  rows: string[][];
  /** The row number of each data row as an editor or spreadsheet shows it (the header is row 1). */
  rowNumbers: number[];
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

export function parseCsv(text: string, source: string): CsvTable {
  if (text.trim() === '') throw new PsychometricsInputError(`${source} is empty`, [{ path: source, message: 'the file is empty' }]);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const message = (error as Error).message.replace(/^Invalid Record Length: /, '');
    throw new PsychometricsInputError(`${source} is not valid CSV: ${message}`, [{ path: source, message }]);
  }
  const [first, ...data] = records;
  if (!first) throw new PsychometricsInputError(`${source} has no header row`, [{ path: source, message: 'no header row' }]);
  const header = first.record;
  const rows = data.map((d) => d.record);
  const rowNumbers = data.map((d) => d.info.lines);
  const issues = rows.flatMap((row, i) =>
    row.length === header.length ? [] : [{ path: `${source} row ${rowNumbers[i]}`, message: `has ${row.length} fields, the header has ${header.length}` }],
  );
  if (issues.length) throw inputError(`${source} has rows of the wrong length`, issues);
  return { source, header, rows, rowNumbers };
}

/** Finds named columns in a header (case-insensitive); reports missing required ones and duplicates. */
export function columnIndex<R extends string, O extends string>(
  table: CsvTable,
  required: readonly R[],
  optional: readonly O[],
): Record<R, number> & Record<O, number | null> {
  const lower = table.header.map((h) => h.toLowerCase());
  const result: Record<string, number | null> = {};
  const issues = [];
  for (const name of [...required, ...optional]) {
    const positions = lower.flatMap((h, i) => (h === name ? [i] : []));
    if (positions.length > 1) issues.push({ path: `${table.source} row 1`, message: `column "${name}" appears ${positions.length} times` });
    result[name] = positions[0] ?? null;
  }
  const missing = required.filter((name) => result[name] === null);
  if (missing.length) {
    issues.push({
      path: `${table.source} row 1`,
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (the header reads: ${table.header.join(',')})`,
    });
  }
  if (issues.length) throw inputError(`${table.source} has an unexpected header`, issues);
  return result as Record<R, number> & Record<O, number | null>;
}

export function rowPath(table: CsvTable, rowIndex: number): string {
  return `${table.source} row ${table.rowNumbers[rowIndex] ?? rowIndex + 2}`;
}

/** Where a cell is, for messages: `responses.csv row 7, column i23`. */
export function cellPath(table: CsvTable, rowIndex: number, column: number): string {
  return `${rowPath(table, rowIndex)}, column ${table.header[column] ?? column + 1}`;
}

export const isMissingCell = (cell: string): boolean => cell === '' || cell.toUpperCase() === 'NA';

/** A number in a cell; accepts a decimal comma when the file is not comma-separated. */
export function parseNumberCell(cell: string): number | null {
  const text = cell.replace(/^\+/, '');
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
