import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { EXIT, type CliCommand } from '../io';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Copy the database to a file (or the backups folder)',
  usage: `harmony backup [FILE] [--data-dir DIR]

Writes a consistent copy of the database to FILE, or to the data folder's backups/ when no FILE is given.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
    const core = createCore(values['data-dir'] ? { dataDir: values['data-dir'] } : {});
    try {
      const file = positionals[0];
      const backup = await core.call('backups.create', file ? { file: resolve(file) } : {});
      io.out(`Backup written to ${backup.file} (${backup.bytes} bytes)`);
      return EXIT.ok;
    } finally {
      await core.close();
    }
  },
};
