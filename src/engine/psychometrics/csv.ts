import { TextFileError } from '../../shared/files/text-file';
import { readCsv, type CsvLimits, type CsvTable } from '../csv';
import { inputError, PsychometricsInputError } from './errors';

export type { CsvTable };

/** A file problem (encoding, CSV structure, a limit) as the engine reports bad input: naming file and row. */
export function asInputError(error: unknown): unknown {
  if (!(error instanceof TextFileError)) return error;
  const path = error.line === null ? error.source : `${error.source} row ${error.line}`;
  return new PsychometricsInputError(error.message, [{ path, message: error.reason }]);
}

/**
 * CSV text → header + rows (the project's one reader, src/engine/csv), with errors that name the file, the row
 * (as a spreadsheet shows it: the header is row 1) and the column. Every row must have the header's length.
 */
export function parseCsv(text: string, source: string, limits?: Partial<CsvLimits>): CsvTable {
  let table: CsvTable;
  try {
    table = readCsv(text, { source, ...(limits ? { limits } : {}) });
  } catch (error) {
    throw asInputError(error);
  }
  const { header, rows, lines } = table;
  const issues = rows.flatMap((row, i) =>
    row.length === header.length ? [] : [{ path: `${source} row ${lines[i]}`, message: `has ${row.length} fields, the header has ${header.length}` }],
  );
  if (issues.length) throw inputError(`${source} has rows of the wrong length`, issues);
  return table;
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
  return `${table.source} row ${table.lines[rowIndex] ?? rowIndex + 2}`;
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
