import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ARCHIVED_FILTERS, archivedFilterSchema } from '../../shared/api';
import { wordList } from '../../shared/domain/text';
import { EXIT, UsageError, type CliCommand } from '../io';
import { withCore } from '../with-core';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export people to CSV (to a file, or standard output)',
  usage: `harmony export people [FILE] [--archived ${ARCHIVED_FILTERS.join('|')}] [--data-dir DIR]

Writes people as CSV in the columns \`harmony import people\` reads, to FILE or to standard output.
Archived people are left out unless --archived include (or only) is given. A value a spreadsheet would run as a
formula (starting with = + - @, e.g. a phone number +44…) is written with a leading ', which the import removes.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, archived: { type: 'string', default: 'exclude' } },
    });
    const [what, file, ...extra] = positionals;
    if (what !== 'people') throw new UsageError(what === undefined ? 'Say what to export: harmony export people [FILE]' : `Cannot export "${what}"; only "people"`);
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    const parsed = archivedFilterSchema.safeParse(values.archived);
    if (!parsed.success) throw new UsageError(`--archived must be ${wordList(ARCHIVED_FILTERS, 'or')}, not "${values.archived}"`);
    const archived = parsed.data;
    return withCore(values['data-dir'], async (core) => {
      const result = await core.call('people.exportCsv', { archived });
      if (file === undefined) {
        io.out(result.csv);
      } else {
        writeFileSync(resolve(file), result.csv);
        io.err(`Wrote ${result.rows} ${result.rows === 1 ? 'person' : 'people'} to ${resolve(file)}`);
      }
      return EXIT.ok;
    });
  },
};
