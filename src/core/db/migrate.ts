import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Keyring } from '../crypt/keyring';
import { backupDatabase } from './backups';

export interface MigrationOutcome {
  applied: number;
  total: number;
  backupId: string | null;
}

export const MIGRATIONS_TABLE = '__drizzle_migrations';

function lastAppliedMillis(sqlite: Database.Database): number | null {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!exists) return null;
  const row = sqlite.prepare(`SELECT max(created_at) AS last FROM ${MIGRATIONS_TABLE}`).get() as { last: number | null };
  return row.last === null ? null : Number(row.last);
}

function hasUserTables(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1").get() !== undefined;
}

/**
 * Applies pending drizzle-kit migrations. drizzle runs them all in one transaction (BEGIN … COMMIT, ROLLBACK on
 * error); before that, a database that already holds data is backed up, so a failed upgrade never costs data.
 */
export function applyMigrations(
  sqlite: Database.Database,
  db: BetterSQLite3Database<Record<string, unknown>>,
  migrationsFolder: string,
  backupsDir: string,
  keyring: Keyring | null = null,
): MigrationOutcome {
  const migrations = readMigrationFiles({ migrationsFolder });
  const last = lastAppliedMillis(sqlite);
  const pending = migrations.filter((m) => last === null || m.folderMillis > last);
  let backupId: string | null = null;
  if (pending.length > 0 && hasUserTables(sqlite)) {
    backupId = backupDatabase(sqlite, backupsDir, 'before-migration', keyring).id;
  }
  if (pending.length > 0) migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
  return { applied: pending.length, total: migrations.length, backupId };
}
