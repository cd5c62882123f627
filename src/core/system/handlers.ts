import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { listBackups } from '../db/backup-store';
import { backupDatabase } from '../db/backups';
import { AppError } from '../api/errors';
import { currentUser } from '../auth/caller';
import type { Keyring } from '../crypt/keyring';
import { restoreBackup } from './restore';

type SystemMethods = 'system.info' | 'system.health' | 'backups.list' | 'backups.create' | 'backups.restore' | 'tasks.cancel';

/** System procedures answer even when the database failed to open: they are how a person recovers. */
export function systemHandlers(ctx: ServiceContext): HandlerGroup<SystemMethods> {
  const { state } = ctx;
  return {
    'system.info': () => ({
      appVersion: state.appVersion,
      dataDir: state.dataDir,
      databaseFile: state.databaseFile,
      backupsDir: state.backupsDir,
      migrationsApplied: state.database?.migration.total ?? 0,
    }),
    'system.health': () => ({
      database: state.failure?.state ?? 'ok',
      message: state.failure?.message ?? null,
      backups: listBackups(state.backupsDir),
    }),
    'backups.list': () => listBackups(state.backupsDir),
    'backups.create': () => backupDatabase(state.requireDatabase().sqlite, state.backupsDir, 'manual', state.keyring),
    'backups.restore': async ({ id, password }) => {
      if (currentUser() === null) await proveAccountWithoutDatabase(state.keyring, password);
      const outcome = restoreBackup(state, id);
      // Everything any window shows came from the database that was just replaced.
      ctx.events.emit('data.changed', { scopes: [''] });
      return outcome;
    },
    'tasks.cancel': ({ taskId }) => ({ cancelled: state.tasks.cancel(taskId) }),
  };
}

/**
 * Recovery mode lets a backup be restored without a session, since the damaged database cannot check one. Once the
 * data folder has accounts, the restorer still proves to be one of them: their password (or the owner's recovery
 * code) must open the folder's keyring (docs/security.md#recovery-mode).
 */
async function proveAccountWithoutDatabase(keyring: Keyring, password: string | undefined): Promise<void> {
  if (keyring.state() === 'absent') return;
  if (password === undefined) {
    throw new AppError('FORBIDDEN', 'The database cannot be opened, so no account can be checked: give the password of an account of this data folder to restore a backup.', { reason: 'signed-out' });
  }
  if (!(await keyring.opensWith(password))) {
    throw new AppError('FORBIDDEN', 'That password is not the password of any account of this data folder (nor its recovery code).', { reason: 'wrong-password' });
  }
}
