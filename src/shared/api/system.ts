import { z } from 'zod';
import { procedure } from './procedure';

export const databaseStateSchema = z.enum(['ok', 'locked', 'corrupt', 'unavailable']);
export type DatabaseState = z.infer<typeof databaseStateSchema>;

export const backupInfoSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
  reason: z.string(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const systemProcedures = {
  'system.info': procedure(
    'Version, data folder and schema of this installation',
    z.object({}).default({}),
    z.object({
      appVersion: z.string(),
      dataDir: z.string(),
      databaseFile: z.string(),
      migrationsApplied: z.number().int().nonnegative(),
    }),
  ),
  'system.health': procedure(
    'Whether the database opened, and if not why, with the backups that could be restored',
    z.object({}).default({}),
    z.object({
      database: databaseStateSchema,
      message: z.string().nullable(),
      backups: z.array(backupInfoSchema),
    }),
  ),
  'backups.list': procedure('Backups of the database, newest first', z.object({}).default({}), z.array(backupInfoSchema)),
  'backups.create': procedure(
    'Copy the live database into the backups folder, or to a chosen file',
    z.object({ file: z.string().min(1).optional() }).default({}),
    backupInfoSchema,
  ),
  'backups.restore': procedure(
    'Replace the database with a backup (the current file is kept as a backup first)',
    z.object({ file: z.string().min(1) }),
    z.object({ restored: z.string() }),
  ),
};
