import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackupInfo } from '../../shared/api';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../io';
import { copyToUserFile, outputPath } from '../user-files';
import { withCore } from '../with-core';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Back up the database into the backups folder (and copy it to a file), or list the backups',
  usage: `harmony backup [FILE] [--force] [--data-dir DIR]
harmony backup --list [--data-dir DIR]

Takes a consistent copy of the database into the data folder's backups/. With FILE (or a folder), also copies
it there; an existing FILE is replaced only with --force. --list prints the backups, newest first, with the id
\`harmony restore\` takes.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, force: { type: 'boolean' }, list: { type: 'boolean' } },
    });
    const [file, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    if (values.list && file !== undefined) throw new UsageError('--list takes no FILE');
    return withCore(io, values['data-dir'], async (core) => {
      if (values.list) {
        printBackups(io, await core.call('backups.list', {}));
        return EXIT.ok;
      }
      const force = values.force ?? false;
      // A wrong FILE is refused before the backup is taken.
      const target = file === undefined ? null : outputPath(file, 'harmony-backup.db', force);
      const backup = await core.call('backups.create', {});
      const kept = join(core.state.backupsDir, backup.id);
      if (target === null) {
        io.out(`Backup saved: ${kept} (${describe(backup)})`);
        return EXIT.ok;
      }
      copyToUserFile(kept, target, force);
      io.out(`Backup saved: ${target} (${describe(backup)}). It is also kept in the backups folder as ${backup.id}.`);
      return EXIT.ok;
    });
  },
};

function describe(backup: BackupInfo): string {
  const size = backup.bytes < 1024 * 1024 ? `${Math.max(1, Math.round(backup.bytes / 1024))} KB` : `${(backup.bytes / 1024 / 1024).toFixed(1)} MB`;
  const contents = backup.contents === null ? 'cannot be read' : `${backup.contents.people} people, ${backup.contents.vessels} vessels`;
  return `${contents}, ${size}`;
}

function printBackups(io: CliIo, backups: BackupInfo[]): void {
  if (backups.length === 0) {
    io.out('No backups yet. `harmony backup` takes one.');
    return;
  }
  const width = Math.max(...backups.map((b) => b.id.length));
  for (const backup of backups) {
    const taken = `${backup.createdAt.slice(0, 10)} ${backup.createdAt.slice(11, 16)} UTC`;
    io.out(`${backup.id.padEnd(width)}  ${taken}  ${backup.reason.replaceAll('-', ' ').padEnd(16)}  ${describe(backup)}`);
  }
}
