import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from './formula';

export type CsvCell = string | number | boolean | null | undefined;

/** Numbers as numbers (an undefined figure is empty), TRUE/FALSE, and text made safe for spreadsheets. */
function cellText(cell: CsvCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell === null || cell === undefined ? '' : neutraliseCell(cell);
}

/**
 * Every CSV the app writes: comma-separated, RFC 4180 quoting, one header row. A text that starts a formula is
 * prefixed (formula.ts); one with spaces at either end is quoted so that reading it back keeps them.
 */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const records: string[][] = [header.map(cellText)];
  for (const row of rows) records.push(row.map(cellText));
  return stringify(records, { quoted_match: /^\s|\s$/ });
}
