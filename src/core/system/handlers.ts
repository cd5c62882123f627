import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { listBackups } from '../db/backup-store';
import { backupDatabase } from '../db/backups';
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
    'backups.restore': ({ id }) => {
      const outcome = restoreBackup(state, id);
      // Everything any window shows came from the database that was just replaced.
      ctx.events.emit('data.changed', { scopes: [''] });
      return outcome;
    },
    'tasks.cancel': ({ taskId }) => ({ cancelled: state.tasks.cancel(taskId) }),
  };
}
