import type { Me, User } from '../../shared/api/auth';
import { CAPABILITIES, ROLE_CAPABILITIES, type Role, type Scope } from '../../shared/auth/roles';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { newId } from '../db/ids';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { dummyHash, hashPassword, needsRehash, newRecoveryCode, normalRecoveryCode, verifyPassword, type PasswordCost } from './passwords';
import { recordRefusedCall, refused } from './refusals';
import { endSessionsOf, openSession, type UserCaller } from './sessions';
import { accountCount, toUser, userById, userByName, type UserRow } from './store';
import { assertMayTry, recordAttempt } from './throttle';

/** What accounts are built with besides the service context: the cost of a hash and the clock. */
export interface AccountsOptions {
  readonly passwordCost: PasswordCost;
  readonly now: () => number;
}

export interface Grant {
  user: Me;
  token: string;
  sessionId: string;
  expiresAt: string;
}

export function meOf(row: UserRow): Me {
  return { ...toUser(row), capabilities: CAPABILITIES.filter((c) => ROLE_CAPABILITIES[row.role].has(c)), idleLockMinutes: row.idle_lock_minutes };
}

const WRONG = 'The user name or the password is wrong.';

/**
 * Accounts: the owner at first start, sign-in, passwords, and the users an owner or an administrator keeps
 * (docs/security.md#accounts-and-sign-in). Every password set is told to the credential listeners (the keyring)
 * before it is stored, so a listener that throws leaves nothing changed.
 */
export class Accounts {
  #dummy: Promise<string> | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: AccountsOptions,
  ) {}

  private get sqlite() {
    return this.ctx.sqlite();
  }

  private now(): number {
    return this.options.now();
  }

  needsOwner(): boolean {
    return accountCount(this.sqlite) === 0;
  }

  async createOwner(input: { username: string; displayName: string; password: string }, client: string): Promise<Grant & { recoveryCode: string }> {
    if (!this.needsOwner()) throw new AppError('CONFLICT', 'The owner account already exists: sign in, or ask the owner or an administrator for an account.');
    const id = newId();
    const recoveryCode = newRecoveryCode();
    const [passwordHash, codeHash] = await Promise.all([hashPassword(input.password, this.options.passwordCost), hashPassword(normalRecoveryCode(recoveryCode), this.options.passwordCost)]);
    await this.ctx.credentials.emit({ kind: 'owner-created', userId: id, password: input.password, recoveryCode });
    const at = new Date(this.now()).toISOString();
    write(this.sqlite, () => {
      // Checked again inside the transaction: two first starts at once make one owner.
      if (accountCount(this.sqlite) > 0) throw new AppError('CONFLICT', 'The owner account already exists: sign in.');
      statement(this.sqlite, 'INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at, last_sign_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        id,
        input.username,
        input.displayName,
        'owner',
        passwordHash,
        at,
        at,
        at,
      );
      statement(this.sqlite, 'INSERT INTO recovery_codes (id, code_hash, created_at) VALUES (1, ?, ?)').run(codeHash, at);
    });
    recordAttempt(this.sqlite, this.now(), { username: input.username, userId: id, outcome: 'signed-in', method: 'auth.createOwner' });
    const session = openSession(this.sqlite, this.now(), id, client);
    return { user: meOf(userById(this.sqlite, id)!), ...session, recoveryCode };
  }

  /** Checks a user name and password, throttled; the same answer whether the name or the password is wrong. */
  async checkPassword(username: string, password: string, method: string): Promise<UserRow> {
    const found = userByName(this.sqlite, username);
    assertMayTry(this.sqlite, this.now(), { username, userId: found?.id ?? null, method });
    const stored = found?.password_hash ?? (await (this.#dummy ??= dummyHash(this.options.passwordCost)));
    const matches = await verifyPassword(password, stored);
    if (!found || !matches || found.removed_at !== null) {
      const outcome = !found ? 'unknown-user' : !matches ? (method === 'auth.unlock' ? 'wrong-unlock-password' : 'wrong-password') : 'removed-user';
      recordAttempt(this.sqlite, this.now(), { username, userId: found?.id ?? null, outcome, method });
      throw refused('wrong-password', found?.removed_at != null && matches ? 'This account was removed: ask the owner or an administrator.' : WRONG);
    }
    return found;
  }

  async login(username: string, password: string, client: string): Promise<Grant> {
    const user = await this.checkPassword(username, password, 'auth.login');
    await this.ctx.credentials.emit({ kind: 'signed-in', userId: user.id, password });
    const at = new Date(this.now()).toISOString();
    const rehash = needsRehash(user.password_hash, this.options.passwordCost) ? await hashPassword(password, this.options.passwordCost) : null;
    write(this.sqlite, () => {
      statement(this.sqlite, 'UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(at, user.id);
      if (rehash) statement(this.sqlite, 'UPDATE users SET password_hash = ? WHERE id = ?').run(rehash, user.id);
    });
    recordAttempt(this.sqlite, this.now(), { username, userId: user.id, outcome: 'signed-in', method: 'auth.login' });
    const session = openSession(this.sqlite, this.now(), user.id, client);
    return { user: meOf(userById(this.sqlite, user.id)!), ...session };
  }

  /** Unlocking asks the password of the session's own user. */
  async unlock(caller: UserCaller, password: string): Promise<void> {
    await this.checkPassword(caller.username, password, 'auth.unlock');
    // The password is proven again: the keyring may have let go of what it unlocked when the session locked.
    await this.ctx.credentials.emit({ kind: 'signed-in', userId: caller.userId, password });
    recordAttempt(this.sqlite, this.now(), { username: caller.username, userId: caller.userId, outcome: 'unlocked', method: 'auth.unlock' });
  }

  async changePassword(caller: UserCaller, currentPassword: string, newPassword: string): Promise<void> {
    await this.checkPassword(caller.username, currentPassword, 'auth.changePassword');
    await this.setPassword(caller.userId, newPassword, 'password-changed', caller.sessionId);
  }

  async resetPassword(actor: UserCaller, id: string, newPassword: string): Promise<void> {
    const target = this.target(id);
    this.assertMayManage(actor, target, 'users.resetPassword');
    if (target.id === actor.userId) this.refuse(actor, 'users.resetPassword', 'Change your own password with your current one (auth.changePassword), not by a reset.');
    await this.setPassword(target.id, newPassword, 'password-reset', null);
  }

  /** The owner's way back: a new password and a new recovery code; every session of the owner ends. */
  async recover(recoveryCode: string, newPassword: string): Promise<{ recoveryCode: string }> {
    const key = '#recovery';
    assertMayTry(this.sqlite, this.now(), { username: key, userId: null, method: 'auth.recover' });
    const stored = statement(this.sqlite, 'SELECT code_hash FROM recovery_codes WHERE id = 1').get() as { code_hash: string } | undefined;
    const owner = statement(this.sqlite, "SELECT * FROM users WHERE role = 'owner'").get() as UserRow | undefined;
    const matches = stored !== undefined && (await verifyPassword(normalRecoveryCode(recoveryCode), stored.code_hash));
    if (!matches || !owner) {
      recordAttempt(this.sqlite, this.now(), { username: key, userId: null, outcome: 'wrong-recovery-code', method: 'auth.recover' });
      throw refused('wrong-password', 'The recovery code is wrong. It is the code shown once when the owner account was created.');
    }
    const next = newRecoveryCode();
    const codeHash = await hashPassword(normalRecoveryCode(next), this.options.passwordCost);
    await this.setPassword(owner.id, newPassword, 'recovered', null, async () => {
      await this.ctx.credentials.emit({ kind: 'recovery-code-set', recoveryCode: next });
    }, () => statement(this.sqlite, 'UPDATE recovery_codes SET code_hash = ?, created_at = ? WHERE id = 1').run(codeHash, new Date(this.now()).toISOString()));
    recordAttempt(this.sqlite, this.now(), { username: key, userId: owner.id, outcome: 'recovered', method: 'auth.recover' });
    return { recoveryCode: next };
  }

  private async setPassword(userId: string, password: string, reason: string, keepSession: string | null, tell?: () => Promise<void>, alsoWrite?: () => void): Promise<void> {
    const hash = await hashPassword(password, this.options.passwordCost);
    await this.ctx.credentials.emit({ kind: 'password-set', userId, password });
    if (tell) await tell();
    write(this.sqlite, () => {
      statement(this.sqlite, 'UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, new Date(this.now()).toISOString(), userId);
      alsoWrite?.();
    });
    endSessionsOf(this.sqlite, this.now(), userId, reason, keepSession);
  }

  setIdleLock(caller: UserCaller, minutes: number): Me {
    write(this.sqlite, () => statement(this.sqlite, 'UPDATE users SET idle_lock_minutes = ?, updated_at = ? WHERE id = ?').run(minutes, new Date(this.now()).toISOString(), caller.userId));
    return meOf(userById(this.sqlite, caller.userId)!);
  }

  me(caller: UserCaller): Me {
    const row = userById(this.sqlite, caller.userId);
    if (!row) throw notFound('user', caller.userId);
    return meOf(row);
  }

  // ——— the users an owner or an administrator keeps ———

  async createUser(actor: UserCaller, input: { username: string; displayName: string; role: Role; scope: Scope; personId: string | null; password: string }): Promise<User> {
    if (input.role === 'owner') this.refuse(actor, 'users.create', 'There is one owner: a new account cannot be an owner.');
    if (input.role === 'admin' && actor.role !== 'owner') this.refuse(actor, 'users.create', 'Only the owner adds administrators.');
    if (userByName(this.sqlite, input.username)) throw new AppError('CONFLICT', `The user name “${input.username}” is taken (names are compared without regard to capitals).`);
    const id = newId();
    const hash = await hashPassword(input.password, this.options.passwordCost);
    await this.ctx.credentials.emit({ kind: 'user-created', userId: id, password: input.password });
    const at = new Date(this.now()).toISOString();
    write(this.sqlite, () =>
      statement(
        this.sqlite,
        'INSERT INTO users (id, username, display_name, role, scope_vessel_ids, scope_department, person_id, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(id, input.username, input.displayName, input.role, scopeVessels(input.scope), input.scope.department, input.personId, hash, at, at),
    );
    return toUser(userById(this.sqlite, id)!);
  }

  updateUser(actor: UserCaller, input: { id: string; displayName?: string; role?: Role; scope?: Scope; personId?: string | null }): User {
    const target = this.target(input.id);
    this.assertMayManage(actor, target, 'users.update');
    const own = target.id === actor.userId;
    const current = toUser(target);
    const roleChanges = input.role !== undefined && input.role !== current.role;
    const scopeChanges = input.scope !== undefined && JSON.stringify(normalScope(input.scope)) !== JSON.stringify(normalScope(current.scope));
    if (own && (roleChanges || scopeChanges)) this.refuse(actor, 'users.update', 'Nobody changes their own role or scope: ask the owner or another administrator.');
    if (roleChanges && input.role === 'owner') this.refuse(actor, 'users.update', 'There is one owner: no other account can become an owner.');
    if (roleChanges && input.role === 'admin' && actor.role !== 'owner') this.refuse(actor, 'users.update', 'Only the owner makes someone an administrator.');
    const next = { ...current, ...definedOnly({ displayName: input.displayName, role: input.role, scope: input.scope, personId: input.personId }) };
    write(this.sqlite, () =>
      statement(this.sqlite, 'UPDATE users SET display_name = ?, role = ?, scope_vessel_ids = ?, scope_department = ?, person_id = ?, updated_at = ? WHERE id = ?').run(
        next.displayName,
        next.role,
        scopeVessels(next.scope),
        next.scope.department,
        next.personId,
        new Date(this.now()).toISOString(),
        target.id,
      ),
    );
    return toUser(userById(this.sqlite, target.id)!);
  }

  async removeUser(actor: UserCaller, id: string): Promise<User> {
    const target = this.target(id);
    this.assertMayManage(actor, target, 'users.remove');
    if (target.role === 'owner') this.refuse(actor, 'users.remove', 'The owner account cannot be removed: there is always one owner.');
    if (target.id === actor.userId) this.refuse(actor, 'users.remove', 'Nobody removes their own account: ask the owner or another administrator.');
    if (target.removed_at !== null) return toUser(target);
    await this.ctx.credentials.emit({ kind: 'user-removed', userId: target.id });
    write(this.sqlite, () => statement(this.sqlite, 'UPDATE users SET removed_at = ?, updated_at = ? WHERE id = ?').run(new Date(this.now()).toISOString(), new Date(this.now()).toISOString(), target.id));
    endSessionsOf(this.sqlite, this.now(), target.id, 'removed');
    return toUser(userById(this.sqlite, target.id)!);
  }

  restoreUser(actor: UserCaller, id: string): User {
    const target = this.target(id);
    this.assertMayManage(actor, target, 'users.restore');
    write(this.sqlite, () => statement(this.sqlite, 'UPDATE users SET removed_at = NULL, updated_at = ? WHERE id = ?').run(new Date(this.now()).toISOString(), target.id));
    return toUser(userById(this.sqlite, target.id)!);
  }

  private target(id: string): UserRow {
    const row = userById(this.sqlite, id);
    if (!row) throw notFound('user', id);
    return row;
  }

  /** Nobody but the owner touches the owner; only the owner touches administrators. */
  private assertMayManage(actor: UserCaller, target: UserRow, method: string): void {
    if (target.role === 'owner' && actor.role !== 'owner') this.refuse(actor, method, 'Only the owner changes the owner’s account.');
    if (target.role === 'admin' && actor.role !== 'owner' && target.id !== actor.userId) this.refuse(actor, method, 'Only the owner changes an administrator’s account.');
  }

  /** Refuses a call of a signed-in user by the rules of accounts; the refusal is kept for the audit log. */
  private refuse(actor: UserCaller, method: string, message: string): never {
    recordRefusedCall(this.sqlite, this.now(), { userId: actor.userId, sessionId: actor.sessionId, method, message });
    throw refused('not-allowed', message);
  }
}

const scopeVessels = (scope: Scope): string | null => (scope.vesselIds === null ? null : JSON.stringify([...new Set(scope.vesselIds)].sort()));
const normalScope = (scope: Scope): Scope => ({ vesselIds: scope.vesselIds === null ? null : [...new Set(scope.vesselIds)].sort(), department: scope.department });

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
