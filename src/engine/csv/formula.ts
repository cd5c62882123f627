/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @, a tab or a
 * carriage return (or their full-width forms) as a formula, so `=HYPERLINK(…)` in a name would run on the
 * computer of whoever opens an export. Every CSV the app writes prefixes such a text cell with `'`, which
 * spreadsheets show as text; every CSV the app reads takes exactly that prefix off again.
 *
 * A text that already starts with quotes before such a character gets one more, so the prefix can always be
 * told from the value: `'=x` is written `''=x` and read back as `'=x`. Numbers written as numbers (−2.5 in a
 * score column) are not formulas and are written as they are.
 */
const STARTS_A_FORMULA = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PREFIXED = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const QUOTE = 0x27;

/** The text as a CSV cell that no spreadsheet runs. */
export const neutraliseCell = (value: string): string => (STARTS_A_FORMULA.test(value) ? `'${value}` : value);

/** The value a neutralised cell stood for (any other cell is returned as it is). */
export const restoreCell = (cell: string): string => (cell.charCodeAt(0) === QUOTE && PREFIXED.test(cell) ? cell.slice(1) : cell);
