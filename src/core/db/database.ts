import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Keyring } from '../crypt/keyring';
import { resourcesDir } from '../paths';
import { installAuditCapture } from './audit-capture';
import { installChangeCapture } from './change-capture';
import { moveFleetSettings } from './fleet-settings';
import { installSharedReadOnly } from './shared-read-only';
import { applyMigrations, type MigrationOutcome } from './migrate';
import * as schema from './schema';
import { pairReader, readsOutsideLongWrite } from './writes';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema>;

export interface OpenDatabaseOptions {
  file: string;
  backupsDir?: string;
  migrationsFolder?: string;
  /** Milliseconds a statement waits for a lock held by another connection before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Seals the backup taken before a migration (docs/security.md#encryption-at-rest). */
  keyring?: Keyring | null;
}

export interface Connection {
  readonly sqlite: Database.Database;
  readonly db: Db;
}

export interface LocalDatabase extends Connection {
  readonly file: string;
  readonly backupsDir: string;
  readonly migration: MigrationOutcome;
  /**
   * The connection a caller should use now: the writing one, unless a long write (an import) holds it open and
   * the caller is not part of that write. Then a read-only connection, which sees only committed rows.
   */
  current(): Connection;
  close(): void;
}

/**
 * Opens (creating if needed) and migrates the local database: WAL, foreign keys, a busy timeout, and
 * `synchronous = FULL` — a commit is on the disk before it is reported, so a power cut loses no saved change
 * (docs/data-safety.md has the measurement behind that choice).
 */
export function openDatabase(options: OpenDatabaseOptions): LocalDatabase {
  const { file } = options;
  const backupsDir = options.backupsDir ?? join(dirname(file), 'backups');
  const timeout = options.busyTimeoutMs ?? 5000;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Created private before SQLite opens it: SQLite gives its -wal and -shm files the database file's mode.
  closeSync(openSync(file, 'a', 0o600));
  const sqlite = new Database(file, { timeout });
  let reader: Connection | null = null;
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // The schema is ours alone; nothing in it may call functions with side effects.
    sqlite.pragma('trusted_schema = OFF');
    const db = drizzle(sqlite, { schema });
    const migration = applyMigrations(
      sqlite,
      db as BetterSQLite3Database<Record<string, unknown>>,
      options.migrationsFolder ?? join(resourcesDir(), 'migrations'),
      backupsDir,
      options.keyring ?? null,
    );
    installChangeCapture(sqlite);
    installSharedReadOnly(sqlite);
    installAuditCapture(sqlite);
    moveFleetSettings(sqlite);
    return {
      file,
      backupsDir,
      sqlite,
      db,
      migration,
      current: () => {
        if (!readsOutsideLongWrite(sqlite)) return { sqlite, db };
        if (!reader) {
          const readOnly = new Database(file, { readonly: true, fileMustExist: true, timeout });
          readOnly.pragma('trusted_schema = OFF');
          pairReader(readOnly, sqlite);
          reader = { sqlite: readOnly, db: drizzle(readOnly, { schema }) };
        }
        return reader;
      },
      close: () => {
        if (reader?.sqlite.open) reader.sqlite.close();
        reader = null;
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
