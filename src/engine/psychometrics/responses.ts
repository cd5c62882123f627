import type { InstrumentDefinition } from '../../shared/psychometrics';
import { cellPath, columnIndex, isMissingCell, parseCsv, parseNumberCell, rowPath, type CsvTable } from './csv';
import { inputError } from './errors';
import { layoutFor, type Layout } from './layout';

/** N respondents × k items, row-major, NaN = missing (docs/psychometrics.md#1-data-conventions: `X` in presentation order). */
export interface ResponseMatrix {
  ids: string[];
  n: number;
  k: number;
  values: Float64Array;
}

/** One respondent as the API carries it: values in the order of the `items` list, null = missing. */
export interface ResponseRow {
  id: string;
  values: ReadonlyArray<number | null>;
}

type Issue = { path: string; message: string };
const MAX_ISSUES = 200;

function checkIds(ids: readonly string[], where: (row: number) => string, issues: Issue[]): void {
  const firstRow = new Map<string, number>();
  ids.forEach((id, row) => {
    if (id === '') issues.push({ path: where(row), message: 'the respondent id is empty' });
    else if (firstRow.has(id)) issues.push({ path: where(row), message: `id "${id}" was already used by ${where(firstRow.get(id)!)}` });
    else firstRow.set(id, row);
  });
}

/** A response value: a whole number in the response range, or missing. */
function checkValue(value: number, layout: Layout): string | null {
  if (!Number.isInteger(value)) return `${value} is not a whole number`;
  if (value < layout.min || value > layout.max) return `${value} is outside the response range ${layout.min}–${layout.max}`;
  return null;
}

function finish(issues: Issue[], what: string): void {
  if (issues.length) throw inputError(what, issues);
}

/**
 * Responses CSV (issue 3 §9): `id`, then one column per item in presentation order; empty or `NA` = missing;
 * a value outside the response range is an error naming row and column.
 */
export function parseResponsesCsv(
  text: string,
  instrument: InstrumentDefinition,
  options: { source?: string; range?: { min: number; max: number } } = {},
): { layout: Layout; responses: ResponseMatrix } {
  const table = parseCsv(text, options.source ?? 'responses.csv');
  const { id: idColumn } = columnIndex(table, ['id'], []);
  // A column without a name or a value is a spreadsheet's trailing separator, not an item.
  const blank = (c: number) => table.header[c] === '' && table.rows.every((row) => row[c] === '');
  const itemColumns = table.header.flatMap((_, c) => (c === idColumn || blank(c) ? [] : [c]));
  const layout = layoutFor(instrument, itemColumns.map((c) => table.header[c]!), { source: table.source, ...(options.range ? { range: options.range } : {}) });
  const n = table.rows.length;
  const k = itemColumns.length;
  const values = new Float64Array(n * k);
  const issues: Issue[] = [];
  const ids = table.rows.map((row) => row[idColumn]!);
  checkIds(ids, (row) => rowPath(table, row), issues);
  for (let r = 0; r < n && issues.length < MAX_ISSUES; r += 1) {
    const row = table.rows[r]!;
    for (let j = 0; j < k; j += 1) {
      const column = itemColumns[j]!;
      const cell = row[column]!;
      if (isMissingCell(cell)) {
        values[r * k + j] = Number.NaN;
        continue;
      }
      const value = parseNumberCell(cell);
      const problem = value === null ? `"${cell}" is not a number (leave the cell empty or write NA when unanswered)` : checkValue(value, layout);
      if (problem) issues.push({ path: cellPath(table, r, column), message: problem });
      else values[r * k + j] = value!;
    }
  }
  finish(issues, `${table.source} has values that cannot be used`);
  if (n === 0) throw inputError(`${table.source} has no respondents`, [{ path: table.source, message: 'no data rows under the header' }]);
  return { layout, responses: { ids, n, k, values } };
}

/** The same checks for responses that arrive as data (the API). */
export function responsesFromRows(
  instrument: InstrumentDefinition,
  items: readonly string[],
  rows: readonly ResponseRow[],
  range?: { min: number; max: number },
): { layout: Layout; responses: ResponseMatrix } {
  const layout = layoutFor(instrument, items, { source: 'responses.items', ...(range ? { range } : {}) });
  const n = rows.length;
  const k = items.length;
  const values = new Float64Array(n * k);
  const issues: Issue[] = [];
  const ids = rows.map((row) => row.id.trim());
  checkIds(ids, (row) => `responses.rows.${row}.id`, issues);
  for (let r = 0; r < n && issues.length < MAX_ISSUES; r += 1) {
    const row = rows[r]!;
    if (row.values.length !== k) {
      issues.push({ path: `responses.rows.${r}.values`, message: `has ${row.values.length} values for ${k} items` });
      continue;
    }
    for (let j = 0; j < k; j += 1) {
      const value = row.values[j];
      if (value === null || value === undefined) {
        values[r * k + j] = Number.NaN;
        continue;
      }
      const problem = checkValue(value, layout);
      if (problem) issues.push({ path: `responses.rows.${r}.values.${j} (id ${ids[r]}, item ${items[j]})`, message: problem });
      else values[r * k + j] = value;
    }
  }
  finish(issues, 'The responses have values that cannot be used');
  if (n === 0) throw inputError('There are no respondents', [{ path: 'responses.rows', message: 'no respondents' }]);
  return { layout, responses: { ids, n, k, values } };
}

/**
 * Response times in ms (docs/psychometrics.md#6-response-time), aligned to the responses: row i is respondent
 * `responses.ids[i]`, column j is item j of the layout; NaN where no time was recorded. `present[i]` says whether
 * the respondent has a row.
 */
export interface ResponseTimes {
  values: Float64Array;
  present: Uint8Array;
}

function alignTimes(
  layout: Layout,
  responses: ResponseMatrix,
  columns: readonly string[],
  rows: ReadonlyArray<{ id: string; values: ReadonlyArray<number | null | string> }>,
  where: { column: (c: number) => string; row: (r: number) => string; cell: (r: number, c: number) => string },
): ResponseTimes {
  const issues: Issue[] = [];
  const itemIndex = new Map(layout.items.map((id, j) => [id.toLowerCase(), j]));
  const columnItem = columns.map((name, c) => {
    const j = itemIndex.get(name.trim().toLowerCase());
    if (j === undefined) issues.push({ path: where.column(c), message: `"${name}" is not an item of the responses` });
    return j ?? -1;
  });
  finish(issues, 'The response times do not match the responses');
  const rowOf = new Map(responses.ids.map((id, i) => [id, i]));
  const values = new Float64Array(responses.n * responses.k).fill(Number.NaN);
  const present = new Uint8Array(responses.n);
  rows.forEach((row, r) => {
    const target = rowOf.get(row.id.trim());
    if (target === undefined) {
      issues.push({ path: where.row(r), message: `id "${row.id}" is not among the respondents` });
      return;
    }
    if (present[target]) issues.push({ path: where.row(r), message: `id "${row.id}" has a second row of times` });
    present[target] = 1;
    row.values.forEach((cell, c) => {
      const j = columnItem[c]!;
      if (cell === null || (typeof cell === 'string' && isMissingCell(cell))) return;
      const value = typeof cell === 'number' ? cell : parseNumberCell(cell);
      if (value === null || !Number.isFinite(value) || value < 0) {
        issues.push({ path: where.cell(r, c), message: `"${cell}" is not a time in milliseconds` });
        return;
      }
      values[target * responses.k + j] = value;
    });
  });
  finish(issues.slice(0, MAX_ISSUES), 'The response times cannot be used');
  return { values, present };
}

/** RT CSV (issue 3 §9): `id` + item columns in milliseconds. */
export function parseResponseTimesCsv(text: string, layout: Layout, responses: ResponseMatrix, source = 'rt.csv'): ResponseTimes {
  const table: CsvTable = parseCsv(text, source);
  const { id: idColumn } = columnIndex(table, ['id'], []);
  const columns = table.header.flatMap((_, c) => (c === idColumn ? [] : [c]));
  return alignTimes(
    layout,
    responses,
    columns.map((c) => table.header[c]!),
    table.rows.map((row) => ({ id: row[idColumn]!, values: columns.map((c) => row[c]!) })),
    {
      column: (c) => `${source} column ${table.header[columns[c]!]}`,
      row: (r) => rowPath(table, r),
      cell: (r, c) => cellPath(table, r, columns[c]!),
    },
  );
}

export function responseTimesFromRows(layout: Layout, responses: ResponseMatrix, items: readonly string[], rows: readonly ResponseRow[]): ResponseTimes {
  const issues = rows.flatMap((row, r) =>
    row.values.length === items.length ? [] : [{ path: `responseTimes.rows.${r}.values`, message: `has ${row.values.length} values for ${items.length} items` }],
  );
  finish(issues, 'The response times cannot be used');
  return alignTimes(layout, responses, items, rows, {
    column: (c) => `responseTimes.items.${c}`,
    row: (r) => `responseTimes.rows.${r}.id`,
    cell: (r, c) => `responseTimes.rows.${r}.values.${c}`,
  });
}
