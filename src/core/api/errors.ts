import type { ApiError, ErrorCode } from '../../shared/api';
import { noLongerExists, type RecordKind } from '../../shared/words';
import { describeFileError } from './file-errors';
import { SHARED_READ_ONLY, SHARED_READ_ONLY_WORDS } from '../../shared/sync/shares';

/** A failure a person can act on: a code from the contract, a message in plain words, optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** A record that is not in the database, in words; which one stays in the details, for programs. */
export const notFound = (kind: RecordKind, id: string): AppError => new AppError('NOT_FOUND', noLongerExists(kind), { kind, id });

/**
 * Maps the errors a person can do something about — SQLite's codes from better-sqlite3, file-system errors from
 * Node — to a code and a plain message. Anything else is INTERNAL: a bug, whose stack goes to the log only.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const fileError = describeFileError(error);
  if (fileError) return new AppError(fileError.code, fileError.message);
  if (typeof code === 'string') {
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      return new AppError('DB_LOCKED', 'The database is busy or locked by another program. Close it and try again.');
    }
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      return new AppError('DB_CORRUPT', 'The database file is damaged. Restore the last backup from Settings.');
    }
    if (code === 'SQLITE_FULL') return new AppError('DISK_FULL', 'The disk is full. Free some space and try again; nothing was changed.');
    if (code.startsWith('SQLITE_READONLY')) {
      return new AppError('FORBIDDEN', 'The database file is read-only: Harmony Crew needs permission to write to its data folder.');
    }
    if (code === 'SQLITE_CANTOPEN') {
      return new AppError('DB_UNAVAILABLE', 'The database file cannot be opened: check that the data folder exists and that this user may write to it.');
    }
    if (code.startsWith('SQLITE_IOERR')) {
      return new AppError('DB_UNAVAILABLE', 'The disk reported an error while reading or writing the database. Check the disk, then try again.');
    }
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new AppError('CONFLICT', 'The same record is already stored.');
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      return new AppError('CONFLICT', 'The change refers to a record that does not exist, or removes one that other records still refer to.');
    }
    if (code === 'SQLITE_CONSTRAINT_TRIGGER' && (error as Error).message === SHARED_READ_ONLY) return new AppError('FORBIDDEN', SHARED_READ_ONLY_WORDS);
    if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('CONFLICT', 'The change conflicts with stored data.');
    if (code === 'ABORT_ERR') return new AppError('CANCELLED', 'Cancelled.');
  }
  if (error instanceof Error && error.name === 'AbortError') return new AppError('CANCELLED', 'Cancelled.');
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', `Unexpected error: ${message}`);
}
