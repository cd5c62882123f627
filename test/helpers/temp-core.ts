import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unwrap } from '../../src/core/api/dispatcher';
import { createCore, type Core, type CoreOptions, type PasswordCost, type SignedIn } from '../../src/core/core';
import type { User } from '../../src/shared/api/auth';
import type { Role, Scope } from '../../src/shared/auth/roles';

export function tempDir(prefix = 'harmony-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A hash that costs nothing: tests sign in hundreds of times. Hashes keep their parameters, so it verifies anywhere. */
export const TEST_PASSWORD_COST: PasswordCost = { ln: 4, r: 8, p: 1 };
export const OWNER = { username: 'owner', displayName: 'Olivia Owner', password: 'owner-password-1' } as const;

export type TempCore = Core & {
  dataDir: string;
  /** The core without the owner's session: calls made through it come with no session unless given one. */
  unsigned: Core;
  /** The owner's session token (the owner is created on first use). */
  ownerToken(): Promise<string>;
  /** The recovery code shown when the owner was created. */
  recoveryCode(): Promise<string>;
  dispose(): Promise<void>;
};

/**
 * A core on `dataDir` (fresh or not), validating every answer against the contract, whose `call` and `dispatch`
 * sign as the owner unless given another session: the owner is created on first use when the folder has no
 * account, else signed in with the same password. Hashes are cheap (TEST_PASSWORD_COST).
 */
export function ownerCore(dataDir: string, options: Omit<CoreOptions, 'dataDir'> = {}): Omit<TempCore, 'dispose'> {
  const core = createCore({ validateOutput: true, passwordCost: TEST_PASSWORD_COST, ...options, dataDir });
  let owner: Promise<{ token: string; recoveryCode: string | null }> | null = null;
  const ownerGrant = () =>
    (owner ??= (async () => {
      const state = await core.call('auth.state', {});
      if (!state.needsOwner) return { token: (await core.signIn(OWNER.username, OWNER.password)).token, recoveryCode: null };
      const grant = await core.call('auth.createOwner', OWNER);
      return { token: grant.token!, recoveryCode: grant.recoveryCode };
    })());
  const ownerToken = async () => (await ownerGrant()).token;
  /**
   * Calls as the owner. A restored backup brings its own accounts and sessions, so the owner's session may end
   * under a test: the owner then signs in again, once, as a person would.
   */
  const asOwner = async <T>(run: (session?: string) => Promise<T>, ended: (result: T) => boolean): Promise<T> => {
    // A database that cannot be opened has no account to sign in with (recovery mode): the call goes without one.
    if (core.state.database === null) return run(undefined);
    const result = await run(await ownerToken());
    if (!ended(result)) return result;
    owner = null;
    return run(await ownerToken());
  };
  const signedOut = (error: unknown) => (error as { code?: string; details?: { reason?: string } }).code === 'FORBIDDEN' && (error as { details?: { reason?: string } }).details?.reason === 'signed-out';
  return Object.assign(Object.create(core) as Core, core, {
    dataDir,
    unsigned: core,
    ownerToken,
    recoveryCode: async () => {
      const code = (await ownerGrant()).recoveryCode;
      if (code === null) throw new Error('The owner was created by an earlier core: its recovery code was shown there');
      return code;
    },
    dispatch: (async (method, input, callOptions = {}) => {
      if (callOptions.session !== undefined) return core.dispatch(method, input, callOptions);
      return asOwner(
        (session) => core.dispatch(method, input, session === undefined ? callOptions : { ...callOptions, session }),
        (envelope) => !envelope.ok && signedOut(envelope.error),
      );
    }) as Core['dispatch'],
    call: (async (method, input, callOptions = {}) => {
      if (callOptions.session !== undefined) return core.call(method, input, callOptions);
      const envelope = await asOwner(
        (session) => core.dispatch(method, input, session === undefined ? callOptions : { ...callOptions, session }),
        (answer) => !answer.ok && signedOut(answer.error),
      );
      return unwrap(envelope);
    }) as Core['call'],
  });
}

/** ownerCore on a fresh data folder, removed by `dispose`. */
export function tempCore(options: Omit<CoreOptions, 'dataDir'> = {}): TempCore {
  const dir = tempDir();
  const core = ownerCore(dir.path, options);
  return Object.assign(core, {
    async dispose() {
      await core.close();
      dir.remove();
    },
  });
}

let userCount = 0;

/**
 * Adds a user through `users.create` as the owner and signs them in: `call` makes calls as them. Their scope is the
 * whole organisation unless given.
 */
export async function addUser(
  core: TempCore,
  user: { role: Role; scope?: Scope; username?: string; displayName?: string; personId?: string | null; password?: string },
): Promise<{ user: User; password: string } & SignedIn> {
  userCount += 1;
  const username = user.username ?? `${user.role.replace(/_/g, '-')}-${userCount}`;
  const password = user.password ?? `password-of-${username}`;
  const created = await core.call('users.create', {
    username,
    displayName: user.displayName ?? `Test ${user.role} ${userCount}`,
    role: user.role,
    scope: user.scope ?? { vesselIds: null, department: null },
    personId: user.personId ?? null,
    password,
  });
  const session = await core.signIn(username, password);
  return { user: created, password, ...session };
}
