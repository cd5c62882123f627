import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { AppError } from '../api/errors';
import type { HandlerGroup } from '../api/dispatcher';
import { backupDatabase, listBackups } from '../db/backups';
import { assertNoLongWrite } from '../db/writes';
import type { CoreState } from '../core-state';

type SystemMethods = 'system.info' | 'system.health' | 'backups.list' | 'backups.create' | 'backups.restore' | 'tasks.cancel';

/** System procedures answer even when the database failed to open: they are how a person recovers. */
export function systemHandlers(state: CoreState): HandlerGroup<SystemMethods> {
  return {
    'system.info': () => ({
      appVersion: state.appVersion,
      dataDir: state.dataDir,
      databaseFile: state.databaseFile,
      migrationsApplied: state.database?.migration.total ?? 0,
    }),
    'system.health': () => ({
      database: state.failure?.state ?? 'ok',
      message: state.failure?.message ?? null,
      backups: listBackups(state.backupsDir),
    }),
    'backups.list': () => listBackups(state.backupsDir),
    'backups.create': ({ file }) => {
      const database = state.requireDatabase();
      return backupDatabase(database.sqlite, state.backupsDir, 'manual', file);
    },
    'backups.restore': ({ file }) => {
      if (!existsSync(file)) throw new AppError('NOT_FOUND', `Backup file ${file} does not exist`);
      // Closing the database under an import would roll it back half-way through; let it finish first.
      if (state.database) assertNoLongWrite(state.database.sqlite);
      // Keep what is there now, if it still opens, so a restore is itself undoable.
      if (state.database) backupDatabase(state.database.sqlite, state.backupsDir, 'before-restore');
      state.closeDatabase();
      for (const suffix of ['-wal', '-shm']) rmSync(state.databaseFile + suffix, { force: true });
      copyFileSync(file, state.databaseFile);
      state.openDatabase();
      if (state.failure) throw new AppError('DB_CORRUPT', `The backup could not be opened: ${state.failure.message}`);
      return { restored: file };
    },
    'tasks.cancel': ({ taskId }) => ({ cancelled: state.tasks.cancel(taskId) }),
  };
}
