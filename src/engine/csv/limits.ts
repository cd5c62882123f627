/**
 * How big a CSV file the app reads: every reader applies these, and a file beyond one is refused naming the
 * limit and the line, before its rows are parsed. They are far above any crew list or questionnaire export
 * (a row of 120 answers is a few hundred characters) and keep one bad file from holding the app for seconds.
 */
export interface CsvLimits {
  /** Characters in one line, or in one record when a quoted value spans lines. */
  maxLineChars: number;
  /** Values in one row (the header included). */
  maxColumns: number;
  /** Rows under the header. */
  maxRows: number;
}

export const CSV_LIMITS: CsvLimits = {
  maxLineChars: 100_000,
  maxColumns: 2_000,
  maxRows: 1_000_000,
};

export const formatCount = (n: number): string => n.toLocaleString('en');
