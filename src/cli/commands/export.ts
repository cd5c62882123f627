import { parseArgs } from 'node:util';
import { ARCHIVED_FILTERS, archivedFilterSchema } from '../../shared/api';
import { wordList } from '../../shared/domain/text';
import { csvForFile } from '../../shared/files/csv-file';
import { EXIT, UsageError, type CliCommand } from '../io';
import { outputPath, writeUserFile } from '../user-files';
import { withCore } from '../with-core';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export people to CSV (to a file, or standard output)',
  usage: `harmony export people [FILE] [--force] [--archived ${ARCHIVED_FILTERS.join('|')}] [--data-dir DIR]

Writes people as CSV in the columns \`harmony import people\` reads, to FILE or to standard output. FILE (or
people.csv in a folder) starts with the UTF-8 mark spreadsheets look for; an existing FILE is replaced only
with --force.
Archived people are left out unless --archived include (or only) is given. A value a spreadsheet would run as a
formula (starting with = + - @, e.g. a phone number +44…) is written with a leading ', which the import removes.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, archived: { type: 'string', default: 'exclude' }, force: { type: 'boolean', default: false } },
    });
    const [what, file, ...extra] = positionals;
    if (what !== 'people') throw new UsageError(what === undefined ? 'Say what to export: harmony export people [FILE]' : `Cannot export "${what}"; only "people"`);
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    const parsed = archivedFilterSchema.safeParse(values.archived);
    if (!parsed.success) throw new UsageError(`--archived must be ${wordList(ARCHIVED_FILTERS, 'or')}, not "${values.archived}"`);
    const archived = parsed.data;
    const force = values.force ?? false;
    const target = file === undefined ? null : outputPath(file, 'people.csv', force);
    return withCore(io, values['data-dir'], async (core) => {
      const result = await core.call('people.exportCsv', { archived });
      if (target === null) {
        io.out(result.csv);
      } else {
        writeUserFile(target, csvForFile(result.csv), force);
        io.err(`Wrote ${result.rows} ${result.rows === 1 ? 'person' : 'people'} to ${target}`);
      }
      return EXIT.ok;
    });
  },
};
