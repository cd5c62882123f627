import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../../shared/auth/roles';
import type { Department } from '../../../shared/domain/crew';
import { idColumn, stampColumns } from '../columns';

/**
 * Accounts of this installation and their sessions (docs/security.md#accounts-and-sign-in). All of these tables
 * are local: a password hash, a session or a failed sign-in never leaves the computer (src/shared/sync/tables.ts).
 */
export const users = sqliteTable(
  'users',
  {
    id: idColumn(),
    /** As typed at creation; sign-in compares case-insensitively (the unique index is on its lower case). */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** Vessel ids the user is scoped to (JSON array), null for the whole organisation. */
    scopeVesselIds: text('scope_vessel_ids', { mode: 'json' }).$type<string[] | null>(),
    scopeDepartment: text('scope_department').$type<Department>(),
    /** Not a foreign key: accounts are local, people travel with sync and may arrive after the account. */
    personId: text('person_id'),
    /** A self-describing scrypt string with its parameters (src/core/users/passwords.ts). */
    passwordHash: text('password_hash').notNull(),
    /** Minutes without input before the session locks; 0 never. */
    idleLockMinutes: integer('idle_lock_minutes').notNull().default(15),
    ...stampColumns(),
    lastSignInAt: text('last_sign_in_at'),
    /** A removed user can no longer sign in; the row stays so that the audit log keeps their name. */
    removedAt: text('removed_at'),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    // There is one owner: a second row with the role is refused by the database itself.
    uniqueIndex('users_one_owner').on(t.role).where(sql`role = 'owner'`),
  ],
);

/** A signed-in session. The token itself is never stored: only its SHA-256. */
export const userSessions = sqliteTable(
  'user_sessions',
  {
    id: idColumn(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** How the session was opened: 'http', 'ipc', 'cli', 'bearer', 'in-process'. Shown in the audit log. */
    client: text('client').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** The absolute end: after it the session is expired whatever its use. */
    expiresAt: text('expires_at').notNull(),
    lockedAt: text('locked_at'),
    endedAt: text('ended_at'),
    /** Why it ended: 'logout', 'removed', 'password-reset', 'window-closed', 'restored'. */
    endReason: text('end_reason'),
  },
  (t) => [index('user_sessions_user').on(t.userId)],
);

/** The owner's one-time recovery code, as a scrypt string; one row (id 1). */
export const recoveryCodes = sqliteTable('recovery_codes', {
  id: integer('id').primaryKey(),
  codeHash: text('code_hash').notNull(),
  createdAt: text('created_at').notNull(),
});

export type SignInOutcome =
  | 'signed-in'
  | 'wrong-password'
  | 'unknown-user'
  | 'removed-user'
  | 'throttled'
  | 'recovered'
  | 'wrong-recovery-code'
  | 'unlocked'
  | 'wrong-unlock-password'
  | 'bad-token'
  | 'expired-token'
  | 'ended-token';

/**
 * Every attempt to prove who one is, and every refused credential (a token that is forged, expired or used after
 * sign-out): read for throttling here, folded into the audit log by it.
 */
export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** The user name as given, in lower case (empty for a token); the user's id when it named one. */
    username: text('username').notNull(),
    userId: text('user_id'),
    outcome: text('outcome').$type<SignInOutcome>().notNull(),
    /** The procedure the credential came with. */
    method: text('method').notNull(),
  },
  (t) => [index('sign_in_attempts_username').on(t.username, t.at), index('sign_in_attempts_at').on(t.at)],
);

/**
 * Calls of a signed-in user that their role or the rules of accounts refused (a procedure they may not call, a
 * user editing their own role): nothing was changed; kept for the audit log.
 */
export const refusedCalls = sqliteTable(
  'refused_calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    sessionId: text('session_id'),
    method: text('method').notNull(),
    /** The refusal's message, in words. */
    message: text('message').notNull(),
  },
  (t) => [index('refused_calls_at').on(t.at)],
);
