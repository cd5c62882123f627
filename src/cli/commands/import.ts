import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { describePeopleColumn, MAX_CSV_BYTES, PEOPLE_COLUMNS, type ImportProblem, type ImportReport } from '../../shared/api';
import { AppError } from '../../core/core';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';
import { readInputFile } from '../read-file';
import { withCore, withProgress } from '../with-core';

const describe = (p: ImportProblem) => [p.line !== null ? `line ${p.line}` : null, p.column].filter(Boolean).join(', ') + (p.line !== null || p.column ? ': ' : '') + p.message;

function printReport(io: CliIo, report: ImportReport): void {
  for (const problem of report.fileProblems) io.err(`File rejected — ${describe(problem)}`);
  for (const problem of report.rowProblems) io.err(`Skipped — ${describe(problem)}`);
  for (const warning of report.rowWarnings) io.err(`Imported, check — ${describe(warning)}`);
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import people from a CSV file (prints a per-row report)',
  usage: `harmony import people FILE.csv [--dry-run] [--data-dir DIR]

Reads people from a CSV (UTF-8, or UTF-16; comma, semicolon or tab separated) whose header names these columns,
in any order (\`harmony export people\` writes all of them):
${PEOPLE_COLUMNS.map((c) => `  ${describePeopleColumn(c)}${c.required ? ', required' : ''}`).join('\n')}

A file that is empty, not UTF-8 text, not valid CSV, over a size limit or with a wrong header is rejected whole,
naming the line. Rows with problems (bad dates, unknown countries, the same person twice in the file or already
stored) are reported and skipped; all other rows are stored in one transaction; a person under 16 is stored with
a warning to check the date of birth. --dry-run only prints the report.
Exit code 0 when rows were imported, 1 when the file was rejected or no row could be imported.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean' } } });
    const [what, file, ...extra] = positionals;
    if (what !== 'people') throw new UsageError(what === undefined ? 'Say what to import: harmony import people FILE.csv' : `Cannot import "${what}"; only "people"`);
    if (!file) throw new UsageError('Name the CSV file to import');
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    let bytes: Buffer;
    try {
      bytes = await readInputFile(file, { what: 'people', maxBytes: MAX_CSV_BYTES });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.err(error.message);
      return EXIT.failed;
    }
    const input = { contentBase64: bytes.toString('base64'), fileName: basename(file) };
    return withCore(io, values['data-dir'], async (core) => {
      if (values['dry-run']) {
        const report = await core.call('people.importPreview', input);
        printReport(io, report);
        io.out(report.fileProblems.length > 0 ? 'The file would be rejected.' : `${report.validRows} of ${report.rows} rows would be imported.`);
        return report.fileProblems.length > 0 || report.validRows === 0 ? EXIT.failed : EXIT.ok;
      }
      try {
        const result = await withProgress(core, io, 'cli-import', () => core.call('people.import', input, { taskId: 'cli-import' }));
        printReport(io, result.report);
        io.out(`Imported ${result.imported} ${result.imported === 1 ? 'person' : 'people'}; skipped ${result.skipped} row${result.skipped === 1 ? '' : 's'}.`);
        return result.imported > 0 ? EXIT.ok : EXIT.failed;
      } catch (error) {
        const report = error instanceof AppError ? (error.details as { report?: ImportReport } | undefined)?.report : undefined;
        if (!report) throw error;
        printReport(io, report);
        io.err('Nothing was imported.');
        return EXIT.failed;
      }
    });
  },
};
