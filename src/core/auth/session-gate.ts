import type { Method } from '../../shared/api/contract';
import type { OwnRecord } from '../../shared/auth/permissions';
import type { Caller } from './caller';

export type UserCaller = Extract<Caller, { kind: 'user' }>;

/** What a session token is worth for one call. */
export type SessionState =
  | { readonly status: 'refused'; readonly reason: 'signed-out' | 'expired' }
  | { readonly status: 'active' | 'locked'; readonly caller: UserCaller };

/**
 * What the dispatcher asks of accounts (src/core/users/gate.ts builds it): it stands below them, so it is given
 * this rather than importing them.
 */
export interface SessionGate {
  /**
   * A core without a database (`harmony analyze`, `verify`, `team`) holds no data and no account: it computes on
   * files given with each call, so every call is answered without a session.
   */
  readonly stateless: boolean;
  /** False while the database cannot be opened: no account can be checked (recovery mode). */
  available(): boolean;
  /** Throws the database's own error (damaged, locked, unavailable) when it is not open. */
  assertOpen(): void;
  /** The session of `token`; a refused one is recorded when `record` says so (the call is refused for it). */
  resolve(token: string, method: Method, record: boolean): SessionState;
  /** Whether the record named by `id` is the caller's own (a crew member's session, result or person). */
  owns(caller: UserCaller, own: OwnRecord, id: unknown): boolean;
  /** Keeps a signed-in user's refused call for the audit log. */
  recordRefusal(caller: UserCaller, method: Method, message: string): void;
}
