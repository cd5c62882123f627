import { z } from 'zod';
import { procedure } from './procedure';

export const DATABASE_STATES = ['ok', 'locked', 'corrupt', 'unavailable'] as const;
export const databaseStateSchema = z.enum(DATABASE_STATES);
export type DatabaseState = z.infer<typeof databaseStateSchema>;

/**
 * A backup is named, never pathed: its id is its file name inside the backups folder,
 * `harmony-YYYYMMDD-HHMMSS-mmm-<reason>.db` (UTC). Nothing else — no folder, no `..` — is an id.
 */
export const BACKUP_ID_PATTERN = /^harmony-\d{8}-\d{6}-\d{1,3}-[a-z]+(?:-[a-z]+)*\.db$/;

export const backupIdSchema = z
  .string()
  .max(100, 'A backup id is at most 100 characters')
  .regex(BACKUP_ID_PATTERN, 'Not a backup id: choose a backup from the list of backups');

/** Why a backup was taken, as its file name says; a file put in the folder by hand may say something else. */
export const BACKUP_REASONS = ['manual', 'imported', 'before-migration', 'before-restore', 'before-encryption', 'damaged'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Why it was taken: manual, imported, before-migration, before-restore, before-encryption, damaged. */
  reason: z.string(),
  /** How many people and vessels it holds (archived ones included); null when the file cannot be read. */
  contents: z.object({ people: z.number().int().nonnegative(), vessels: z.number().int().nonnegative() }).nullable(),
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
      backupsDir: z.string(),
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
    'Copy the live database into the backups folder',
    // Strict: a caller that still sends a `file` learns that backups are no longer written to paths.
    z.strictObject({}).default({}),
    backupInfoSchema,
  ),
  'backups.restore': procedure(
    'Replace the database with a backup from the backups folder (the current database is kept as a backup first)',
    z.strictObject({
      id: backupIdSchema,
      /**
       * Only while the database cannot be opened (recovery mode), when no account can be checked: the password of an
       * account of this data folder (or the owner's recovery code), which must open its keyring.
       */
      password: z.string().min(1).max(1024).optional(),
    }),
    z.object({ restored: z.string(), previous: z.string().nullable() }),
  ),
};
