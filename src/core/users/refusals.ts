import type Database from 'better-sqlite3';
import type { RefusalDetails, RefusalReason } from '../../shared/api/auth';
import { AppError } from '../api/errors';
import { statement } from '../db/statements';
import { write } from '../db/writes';

/** A FORBIDDEN answer with its reason for programs (`details.reason`) and a message in words for people. */
export function refused(reason: RefusalReason, message: string, retryAt?: string): AppError {
  const details: RefusalDetails = retryAt === undefined ? { reason } : { reason, retryAt };
  return new AppError('FORBIDDEN', message, details);
}

/** Keeps a signed-in user's refused call for the audit log; nothing else was written. */
export function recordRefusedCall(sqlite: Database.Database, at: number, call: { userId: string; sessionId: string | null; method: string; message: string }): void {
  write(sqlite, () =>
    statement(sqlite, 'INSERT INTO refused_calls (at, user_id, session_id, method, message) VALUES (?, ?, ?, ?, ?)').run(
      new Date(at).toISOString(),
      call.userId,
      call.sessionId,
      call.method,
      call.message,
    ),
  );
}
