import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type CliCommand } from '../io';
import { withCore } from '../with-core';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Copy the database to a file (or the backups folder)',
  usage: `harmony backup [FILE] [--data-dir DIR]

Writes a consistent copy of the database to FILE, or to the data folder's backups/ when no FILE is given.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
    return withCore(values['data-dir'], async (core) => {
      const file = positionals[0];
      const backup = await core.call('backups.create', file ? { file: resolve(file) } : {});
      io.out(`Backup written to ${backup.file} (${backup.bytes} bytes)`);
      return EXIT.ok;
    });
  },
};
