import { runAs, type Caller } from '../../src/core/auth/caller';
import { WHOLE_ORGANISATION, type Role } from '../../src/shared/auth/roles';

/** A signed-in user as the dispatcher would hand it to a handler (src/core/auth/caller.ts). */
export function userCaller(displayName: string, options: { role?: Role; userId?: string; username?: string } = {}): Caller {
  return {
    kind: 'user',
    userId: options.userId ?? `user-${displayName.toLowerCase().replace(/\W+/g, '-')}`,
    username: options.username ?? displayName.toLowerCase().replace(/\W+/g, '.'),
    displayName,
    role: options.role ?? 'owner',
    scope: WHOLE_ORGANISATION,
    personId: null,
    sessionId: null,
  };
}

/** Runs `fn` (and every call it awaits) as `caller`. */
export const as = <T>(caller: Caller, fn: () => T): T => runAs(caller, fn);
