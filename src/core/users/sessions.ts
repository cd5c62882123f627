import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SessionState, UserCaller } from '../auth/session-gate';
import { AppError } from '../api/errors';
import { newId } from '../db/ids';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { userById, type UserRow } from './store';
import { recordAttempt } from './throttle';

/**
 * Sessions (docs/security.md#sessions): a random 256-bit token, handed to the client once and stored only as its
 * SHA-256. A session ends on sign-out, when its user is removed or their password is reset, after 12 hours
 * without a call (idle expiry), and 7 days after sign-in whatever its use (absolute expiry). It locks itself when
 * its user's idle-lock minutes pass without a call, and by hand (`auth.lock`, or the desktop app on sleep).
 */
export const IDLE_EXPIRY_MS = 12 * 60 * 60_000;
export const ABSOLUTE_EXPIRY_MS = 7 * 24 * 60 * 60_000;
/** Last-seen is written at most this often: a call a second does not need a write a second. */
const TOUCH_EVERY_MS = 30_000;

export type { UserCaller } from '../auth/session-gate';

interface SessionRow {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  locked_at: string | null;
  ended_at: string | null;
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export function callerOf(user: UserRow, sessionId: string | null): UserCaller {
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    scope: { vesselIds: user.scope_vessel_ids === null ? null : (JSON.parse(user.scope_vessel_ids) as string[]), department: user.scope_department },
    personId: user.person_id,
    sessionId,
  };
}

/** Opens a session for `user`: the token is answered once and never stored. */
export function openSession(sqlite: Database.Database, now: number, userId: string, client: string): { token: string; sessionId: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const id = newId();
  const at = new Date(now).toISOString();
  const expiresAt = new Date(now + ABSOLUTE_EXPIRY_MS).toISOString();
  write(sqlite, () =>
    statement(sqlite, 'INSERT INTO user_sessions (id, token_hash, user_id, client, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      hashToken(token),
      userId,
      client,
      at,
      at,
      expiresAt,
    ),
  );
  return { token, sessionId: id, expiresAt };
}

/** Writes that may wait: refused during an import (DB_LOCKED), which must not refuse the call they came with. */
export function whenWritable(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'DB_LOCKED')) throw error;
  }
}

/**
 * What a token is worth now. `active` counts as use (last-seen moves, the idle lock is pushed back); a refused
 * token is recorded when `record` says so (the dispatcher records those it refuses a call for).
 */
export function resolveSession(sqlite: Database.Database, now: number, token: string, options: { active: boolean; method: string; record: boolean }): SessionState {
  const row = statement(sqlite, 'SELECT * FROM user_sessions WHERE token_hash = ?').get(hashToken(token)) as SessionRow | undefined;
  const refuse = (reason: 'signed-out' | 'expired', outcome: 'bad-token' | 'expired-token' | 'ended-token', userId: string | null): SessionState => {
    if (options.record) whenWritable(() => recordAttempt(sqlite, now, { username: '', userId, outcome, method: options.method }));
    return { status: 'refused', reason };
  };
  if (!row) return refuse('signed-out', 'bad-token', null);
  if (row.ended_at !== null) return refuse('signed-out', 'ended-token', row.user_id);
  const user = userById(sqlite, row.user_id);
  if (!user || user.removed_at !== null) return refuse('signed-out', 'ended-token', row.user_id);
  const lastSeen = Date.parse(row.last_seen_at);
  if (now >= Date.parse(row.expires_at) || now - lastSeen >= IDLE_EXPIRY_MS) {
    whenWritable(() => endSession(sqlite, now, row.id, 'expired'));
    return refuse('expired', 'expired-token', row.user_id);
  }
  const caller = callerOf(user, row.id);
  let locked = row.locked_at !== null;
  if (!locked && user.idle_lock_minutes > 0 && now - lastSeen >= user.idle_lock_minutes * 60_000) {
    locked = true;
    whenWritable(() => lockSession(sqlite, now, row.id));
  }
  if (!locked && options.active && now - lastSeen >= TOUCH_EVERY_MS) {
    whenWritable(() => write(sqlite, () => statement(sqlite, 'UPDATE user_sessions SET last_seen_at = ? WHERE id = ?').run(new Date(now).toISOString(), row.id)));
  }
  return { status: locked ? 'locked' : 'active', caller };
}

export function lockSession(sqlite: Database.Database, now: number, sessionId: string): void {
  write(sqlite, () => statement(sqlite, 'UPDATE user_sessions SET locked_at = ? WHERE id = ? AND locked_at IS NULL AND ended_at IS NULL').run(new Date(now).toISOString(), sessionId));
}

export function unlockSession(sqlite: Database.Database, now: number, sessionId: string): void {
  write(sqlite, () => statement(sqlite, 'UPDATE user_sessions SET locked_at = NULL, last_seen_at = ? WHERE id = ? AND ended_at IS NULL').run(new Date(now).toISOString(), sessionId));
}

export function isLocked(sqlite: Database.Database, sessionId: string): boolean {
  const row = statement(sqlite, 'SELECT locked_at FROM user_sessions WHERE id = ?').get(sessionId) as { locked_at: string | null } | undefined;
  return row?.locked_at != null;
}

export function endSession(sqlite: Database.Database, now: number, sessionId: string, reason: string): void {
  write(sqlite, () => statement(sqlite, 'UPDATE user_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL').run(new Date(now).toISOString(), reason, sessionId));
}

/** Ends every session of a user (removed, or their password reset), but `except` (the one that changed it). */
export function endSessionsOf(sqlite: Database.Database, now: number, userId: string, reason: string, except: string | null = null): void {
  write(sqlite, () =>
    statement(sqlite, 'UPDATE user_sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL AND id IS NOT ?').run(new Date(now).toISOString(), reason, userId, except),
  );
}

/** Locks every open session (the computer sleeps or its screen locks). */
export function lockAllSessions(sqlite: Database.Database, now: number): void {
  write(sqlite, () => statement(sqlite, 'UPDATE user_sessions SET locked_at = ? WHERE locked_at IS NULL AND ended_at IS NULL').run(new Date(now).toISOString()));
}

/** Ends a session by its token (a closed window, a cleared cookie): nothing happens for an unknown one. */
export function endSessionByToken(sqlite: Database.Database, now: number, token: string, reason: string): void {
  write(sqlite, () =>
    statement(sqlite, 'UPDATE user_sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL').run(new Date(now).toISOString(), reason, hashToken(token)),
  );
}
