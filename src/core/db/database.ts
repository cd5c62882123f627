import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { resourcesDir } from '../paths';
import { applyMigrations, type MigrationOutcome } from './migrate';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema>;

export interface OpenDatabaseOptions {
  file: string;
  backupsDir?: string;
  migrationsFolder?: string;
  /** Milliseconds a statement waits for a lock held by another connection before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export interface LocalDatabase {
  readonly file: string;
  readonly backupsDir: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly migration: MigrationOutcome;
  close(): void;
}

/** Opens (creating if needed) and migrates the local database: WAL, foreign keys, a busy timeout. */
export function openDatabase(options: OpenDatabaseOptions): LocalDatabase {
  const { file } = options;
  const backupsDir = options.backupsDir ?? join(dirname(file), 'backups');
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    const db = drizzle(sqlite, { schema });
    const migration = applyMigrations(
      sqlite,
      db as BetterSQLite3Database<Record<string, unknown>>,
      options.migrationsFolder ?? join(resourcesDir(), 'migrations'),
      backupsDir,
    );
    return {
      file,
      backupsDir,
      sqlite,
      db,
      migration,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
