import { currentUser } from '../auth/caller';
import type { UserCaller } from '../auth/session-gate';
import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { meOf, type Accounts } from './accounts';
import { refused } from './refusals';
import { endSession, isLocked, lockSession, unlockSession } from './sessions';
import { listUsers, toUser, userById } from './store';

type AuthMethods =
  | 'auth.state'
  | 'auth.createOwner'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.me'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'auth.recover'
  | 'auth.setIdleLock';
type UserMethods = 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.remove' | 'users.restore';

/** The signed-in caller; the dispatcher admits only signed-in callers to these procedures. */
function signedIn(): UserCaller {
  const caller = currentUser();
  if (!caller) throw refused('signed-out', 'Sign in to continue: this needs a signed-in user.');
  return caller;
}

export function authHandlers(ctx: ServiceContext, accounts: Accounts, now: () => number): HandlerGroup<AuthMethods> {
  return {
    'auth.state': () => {
      const caller = currentUser();
      const row = caller ? userById(ctx.sqlite(), caller.userId) : null;
      return {
        needsOwner: accounts.needsOwner(),
        user: row ? meOf(row) : null,
        locked: caller?.sessionId ? isLocked(ctx.sqlite(), caller.sessionId) : false,
      };
    },
    'auth.createOwner': async (input, call) => {
      const grant = await accounts.createOwner(input, call.client);
      return { user: grant.user, token: grant.token, expiresAt: grant.expiresAt, recoveryCode: grant.recoveryCode };
    },
    'auth.login': async ({ username, password }, call) => {
      const grant = await accounts.login(username, password, call.client);
      return { user: grant.user, token: grant.token, expiresAt: grant.expiresAt };
    },
    'auth.logout': () => {
      const caller = signedIn();
      if (caller.sessionId) endSession(ctx.sqlite(), now(), caller.sessionId, 'logout');
      return {};
    },
    'auth.me': () => accounts.me(signedIn()),
    'auth.lock': () => {
      const caller = signedIn();
      if (caller.sessionId) lockSession(ctx.sqlite(), now(), caller.sessionId);
      return {};
    },
    'auth.unlock': async ({ password }) => {
      const caller = signedIn();
      await accounts.unlock(caller, password);
      if (caller.sessionId) unlockSession(ctx.sqlite(), now(), caller.sessionId);
      return accounts.me(caller);
    },
    'auth.changePassword': async ({ currentPassword, newPassword }) => {
      await accounts.changePassword(signedIn(), currentPassword, newPassword);
      return {};
    },
    'auth.recover': ({ recoveryCode, newPassword }) => accounts.recover(recoveryCode, newPassword),
    'auth.setIdleLock': ({ minutes }) => accounts.setIdleLock(signedIn(), minutes),
  };
}

export function userHandlers(ctx: ServiceContext, accounts: Accounts): HandlerGroup<UserMethods> {
  return {
    'users.list': ({ includeRemoved }) => listUsers(ctx.sqlite(), includeRemoved).map(toUser),
    'users.create': (input) => accounts.createUser(signedIn(), input),
    'users.update': (input) => accounts.updateUser(signedIn(), input),
    'users.resetPassword': async ({ id, newPassword }) => {
      await accounts.resetPassword(signedIn(), id, newPassword);
      return {};
    },
    'users.remove': ({ id }) => accounts.removeUser(signedIn(), id),
    'users.restore': ({ id }) => accounts.restoreUser(signedIn(), id),
  };
}
