import { join } from 'node:path';
import type { DatabaseState } from '../shared/api';
import { AppError, toAppError } from './api/errors';
import type { TaskRegistry } from './api/tasks';
import { fileCipherOf } from './crypt/file-cipher';
import { Keyring, keyringFileOf, type KeyringOptions } from './crypt/keyring';
import { BlobStore } from './files/blob-store';
import { openDatabase, type LocalDatabase } from './db/database';
import { removeLeftovers } from './db/leftovers';

export interface DatabaseFailure {
  state: Exclude<DatabaseState, 'ok'>;
  message: string;
}

/**
 * The core's one mutable piece: the open database, or why it could not be opened. Restoring a backup
 * closes and reopens it, so services get the database through `requireDatabase()` at call time.
 */
export class CoreState {
  database: LocalDatabase | null = null;
  failure: DatabaseFailure | null = null;
  readonly databaseFile: string;
  readonly backupsDir: string;
  /** The key of encryption at rest (docs/security.md#encryption-at-rest). */
  readonly keyring: Keyring;
  /** Photos and scans, sealed with the keyring's key. */
  readonly files: BlobStore;

  constructor(
    readonly dataDir: string,
    readonly appVersion: string,
    readonly tasks: TaskRegistry,
    keyring: KeyringOptions = {},
  ) {
    this.databaseFile = join(dataDir, 'harmony.db');
    this.backupsDir = join(dataDir, 'backups');
    this.keyring = new Keyring(keyringFileOf(dataDir), keyring);
    this.files = new BlobStore(join(dataDir, 'files'), fileCipherOf(this.keyring));
  }

  openDatabase(): void {
    removeLeftovers(this.databaseFile, this.backupsDir);
    try {
      this.database = openDatabase({ file: this.databaseFile, backupsDir: this.backupsDir, keyring: this.keyring });
      this.failure = null;
    } catch (error) {
      this.database = null;
      const appError = toAppError(error);
      const state = appError.code === 'DB_LOCKED' ? 'locked' : appError.code === 'DB_CORRUPT' ? 'corrupt' : 'unavailable';
      this.failure = { state, message: appError.code === 'INTERNAL' ? `The database could not be opened: ${(error as Error).message}` : appError.message };
    }
  }

  closeDatabase(): void {
    this.database?.close();
    this.database = null;
  }

  requireDatabase(): LocalDatabase {
    if (this.database) return this.database;
    const code = this.failure?.state === 'locked' ? 'DB_LOCKED' : this.failure?.state === 'corrupt' ? 'DB_CORRUPT' : 'DB_UNAVAILABLE';
    throw new AppError(code, this.failure?.message ?? 'The database is not open.');
  }
}
