import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role, Scope } from '../../shared/auth/roles';

/**
 * Who the current API call is made by. The dispatcher runs every handler inside `runAs`, so services, the write
 * path (the audit log's "who") and the scope filters read it without passing it through every signature.
 *
 * `system` is the core acting on its own behalf, never a person: migrations, sync applying a server's page,
 * scheduled jobs. It is never the caller of an API procedure from a transport.
 */
export type Caller =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly username: string;
      readonly displayName: string;
      readonly role: Role;
      readonly scope: Scope;
      /** The person record of a crew member (kiosk role), or of a staff user who is also crew; else null. */
      readonly personId: string | null;
      /** The session the call came with (for auth.logout and the audit of views). */
      readonly sessionId: string | null;
    }
  | { readonly kind: 'system'; readonly reason: string };

const storage = new AsyncLocalStorage<Caller>();

export function runAs<T>(caller: Caller, fn: () => T): T {
  return storage.run(caller, fn);
}

/** The caller of the call in progress, or null outside any call. */
export function currentCaller(): Caller | null {
  return storage.getStore() ?? null;
}

/** The signed-in user of the call in progress, or null (system work, or outside any call). */
export function currentUser(): Extract<Caller, { kind: 'user' }> | null {
  const caller = storage.getStore();
  return caller?.kind === 'user' ? caller : null;
}

export const systemCaller = (reason: string): Caller => ({ kind: 'system', reason });
