/**
 * The one CSV module of the project: bytes are decoded by `decodeText` (src/shared/files/text-file.ts), text
 * becomes a table here and a table becomes text here. Pure: no I/O. The rules are in docs/csv.md.
 */
export { neutraliseCell, restoreCell } from './formula';
export { CSV_LIMITS, type CsvLimits } from './limits';
export { readCsv, readCsvInSlices, type CsvReadOptions, type CsvTable } from './read';
export { writeCsv, type CsvCell } from './write';
