import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BACKUP_ID_PATTERN } from '../../shared/api';
import { AppError, importBackupFile } from '../../core/core';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';
import { withCore } from '../with-core';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Replace the database with a backup (by its id, or from a file)',
  usage: `harmony restore ID|FILE [--data-dir DIR]

Replaces the database with the backup ID (\`harmony backup --list\` lists them) or with FILE, which is first
checked and copied into the backups folder. The database as it was is kept as a backup first. A file that is not
a Harmony Crew database, is damaged, or comes from a newer version is refused, and nothing is changed.
Close the app first: a database another program has open is not replaced.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
    const [what, ...extra] = positionals;
    if (what === undefined) throw new UsageError('Name the backup to restore: an id from `harmony backup --list`, or a file');
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    return withCore(io, values['data-dir'], async (core) => {
      let id: string;
      if (BACKUP_ID_PATTERN.test(what) && existsSync(join(core.state.backupsDir, what))) {
        id = what;
      } else if (existsSync(resolve(what))) {
        id = importBackupFile(core.state.backupsDir, resolve(what), core.state.keyring).id;
        io.out(`Checked ${what} and copied it into the backups folder as ${id}.`);
      } else {
        throw new AppError('NOT_FOUND', `There is no backup or file named ${what}. \`harmony backup --list\` lists the backups.`);
      }
      // A damaged database checks no account: the password of one (HARMONY_PASSWORD, or asked) opens the keyring.
      const password = core.state.database === null ? await recoveryPassword(io) : undefined;
      const { previous } = await core.call('backups.restore', { id, ...(password === undefined ? {} : { password }) });
      io.out(`Restored ${id}.${previous ? ` The database as it was is kept as backup ${previous}.` : ''}`);
      return EXIT.ok;
    });
  },
};

/** The password that proves an account while the database cannot be opened (docs/security.md#recovery-mode). */
async function recoveryPassword(io: CliIo): Promise<string | undefined> {
  const given = io.env.HARMONY_PASSWORD;
  if (given) return given;
  return io.ask ? io.ask('The database cannot be opened. Password of an account of this data folder: ', true) : undefined;
}
