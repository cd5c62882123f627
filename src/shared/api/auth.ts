import { z } from 'zod';
import { CAPABILITIES, roleSchema, scopeSchema } from '../auth/roles';
import { procedure } from './procedure';

/** Accounts, sign-in and the idle lock (docs/security.md). */

export const usernameSchema = z
  .string()
  .trim()
  .min(2, 'A user name has at least 2 characters')
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'A user name has letters, digits and . _ @ - only (no spaces)');
/** Length is what makes a password strong; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(10, 'A password has at least 10 characters').max(1024);
export const displayNameSchema = z.string().trim().min(1, 'Give the person’s name').max(200);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  /** The person record of a crew member, or of a staff user who is also crew. */
  personId: z.string().nullable(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  /** Removed users keep their name in the audit log and can no longer sign in. */
  removedAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

/** The signed-in user as the UI needs it: what to show and what to hide. */
export const meSchema = userSchema.extend({
  capabilities: z.array(z.enum(CAPABILITIES)),
  /** Minutes without input before the app locks (0: never). */
  idleLockMinutes: z.number().int().min(0),
});
export type Me = z.infer<typeof meSchema>;

export const authStateSchema = z.object({
  /** No account exists yet: the first start creates the owner. */
  needsOwner: z.boolean(),
  /** The caller's session: null when signed out or expired. */
  user: meSchema.nullable(),
  /** The session exists but is locked (idle, sleep, or by hand): unlock with the password. */
  locked: z.boolean(),
});
export type AuthState = z.infer<typeof authStateSchema>;

export const sessionGrantSchema = z.object({
  user: meSchema,
  /**
   * The bearer token, for clients that send `Authorization: Bearer`. The preview's HTTP transport keeps it in an
   * HttpOnly cookie and the desktop app's IPC keeps it per window: both answer null here.
   */
  token: z.string().nullable(),
  expiresAt: z.string(),
});
export type SessionGrant = z.infer<typeof sessionGrantSchema>;

const credentials = z.object({ username: usernameSchema, password: z.string().min(1, 'Give the password').max(1024) });

export const authProcedures = {
  'auth.state': procedure('Whether an owner exists, who is signed in on this session, and whether it is locked', z.object({}), authStateSchema),
  'auth.createOwner': procedure(
    'First start: create the owner account (only while no account exists); answers the one-time recovery code',
    z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }),
    sessionGrantSchema.extend({ recoveryCode: z.string() }),
  ),
  'auth.login': procedure('Sign in with user name and password', credentials, sessionGrantSchema),
  'auth.logout': procedure('Sign out: the session ends', z.object({}), z.object({})),
  'auth.me': procedure('The signed-in user, their capabilities and scope', z.object({}), meSchema),
  'auth.lock': procedure('Lock the session now (the app locks itself when idle and on sleep)', z.object({}), z.object({})),
  'auth.unlock': procedure('Unlock a locked session with the signed-in user’s password', z.object({ password: z.string().min(1).max(1024) }), meSchema),
  'auth.changePassword': procedure(
    'Change one’s own password',
    z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema }),
    z.object({}),
  ),
  'auth.recover': procedure(
    'Owner lost the password: set a new one with the recovery code; answers a new recovery code',
    z.object({ recoveryCode: z.string().trim().min(8).max(100), newPassword: passwordSchema }),
    z.object({ recoveryCode: z.string() }),
  ),
  'auth.setIdleLock': procedure('Minutes without input before the app locks (0: never)', z.object({ minutes: z.number().int().min(0).max(24 * 60) }), meSchema),
};

export const userProcedures = {
  'users.list': procedure('Every account, removed ones on request', z.object({ includeRemoved: z.boolean().default(false) }), z.array(userSchema)),
  'users.create': procedure(
    'Add an account with a role and a scope',
    z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      scope: scopeSchema,
      personId: z.string().min(1).nullable().default(null),
      password: passwordSchema,
    }),
    userSchema,
  ),
  'users.update': procedure(
    'Change an account’s name, role, scope or person (never one’s own role or scope)',
    z.object({
      id: z.string().min(1),
      displayName: displayNameSchema.optional(),
      role: roleSchema.optional(),
      scope: scopeSchema.optional(),
      personId: z.string().min(1).nullable().optional(),
    }),
    userSchema,
  ),
  'users.resetPassword': procedure('Set another user’s password (their sessions end)', z.object({ id: z.string().min(1), newPassword: passwordSchema }), z.object({})),
  'users.remove': procedure('Remove an account: it can no longer sign in; its name stays in the audit log', z.object({ id: z.string().min(1) }), userSchema),
  'users.restore': procedure('Give a removed account back its sign-in', z.object({ id: z.string().min(1) }), userSchema),
};

/**
 * Why a call was refused with FORBIDDEN, in `details.reason`: no session, an ended or timed-out one, a locked one,
 * a role that may not, a wrong user name or password, or too many failed attempts (then `details.retryAt`).
 */
export const REFUSAL_REASONS = ['signed-out', 'expired', 'locked', 'not-allowed', 'wrong-password', 'throttled'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const refusalDetailsSchema = z.object({ reason: z.enum(REFUSAL_REASONS), retryAt: z.string().optional() });
export type RefusalDetails = z.infer<typeof refusalDetailsSchema>;
