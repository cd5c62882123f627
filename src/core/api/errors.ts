import type { ApiError, ErrorCode } from '../../shared/api';

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

export const notFound = (what: string, id: string): AppError => new AppError('NOT_FOUND', `${what} ${id} does not exist`);

/** better-sqlite3 errors carry an SQLite code; map the ones a person can do something about. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      return new AppError('DB_LOCKED', 'The database is busy or locked by another program. Close it and try again.');
    }
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      return new AppError('DB_CORRUPT', 'The database file is damaged. Restore the last backup from Settings.');
    }
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      return new AppError('CONFLICT', `The change conflicts with stored data (${code}).`);
    }
    if (code === 'ABORT_ERR') return new AppError('CANCELLED', 'Cancelled.');
  }
  if (error instanceof Error && error.name === 'AbortError') return new AppError('CANCELLED', 'Cancelled.');
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', `Unexpected error: ${message}`);
}
