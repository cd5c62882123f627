import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/auth/roles';
import { addUser, OWNER, ownerCore, tempCore, type TempCore } from '../helpers/temp-core';

/**
 * Issue 14, sign-in and its bad input: the first start, wrong passwords (throttled and recorded), expired,
 * forged and replayed tokens, a removed user's session, the idle lock, recovery, and role escalation through
 * users.create/users.update by each role — refused, recorded, nothing changed.
 */
let clock: number;
let core: TempCore;
beforeEach(() => {
  clock = Date.parse('2026-06-01T08:00:00Z');
  core = tempCore({ now: () => clock });
});
afterEach(() => core.dispose());

/** Reads the local tables as they are on disk. */
function rows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(core.dataDir, 'harmony.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const attempts = () => rows<{ username: string; outcome: string; method: string }>('SELECT username, outcome, method FROM sign_in_attempts ORDER BY id');
const refusals = () => rows<{ method: string; message: string }>('SELECT method, message FROM refused_calls ORDER BY id');

describe('the first start', () => {
  it('creates the one owner with a recovery code, signs them in, and refuses a second', async () => {
    expect(await core.unsigned.call('auth.state', {})).toEqual({ needsOwner: true, user: null, locked: false });
    const grant = await core.unsigned.call('auth.createOwner', { username: 'Captain.Owner', displayName: 'Ada Owner', password: 'a long enough password' });
    expect(grant.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(grant.recoveryCode).toMatch(/^([A-Z2-9]{5}-){4}[A-Z2-9]{5}$/);
    expect(grant.user).toMatchObject({ role: 'owner', displayName: 'Ada Owner', scope: { vesselIds: null, department: null } });
    expect(grant.user.capabilities).toContain('installation.manage');
    await expect(core.unsigned.call('auth.createOwner', { username: 'second', displayName: 'Eve', password: 'another long password' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const state = await core.unsigned.call('auth.state', {}, { session: grant.token! });
    expect(state).toMatchObject({ needsOwner: false, user: { username: 'Captain.Owner' }, locked: false });
    // The token itself is never stored: only its SHA-256.
    const stored = rows<{ token_hash: string }>('SELECT token_hash FROM user_sessions');
    expect(stored.map((r) => r.token_hash)).not.toContain(grant.token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // User names compare without regard to capitals.
    expect((await core.signIn('captain.owner', 'a long enough password')).token).toBeTruthy();
  });

  it('refuses a short password and a user name with spaces, naming the field', async () => {
    await expect(core.unsigned.call('auth.createOwner', { username: 'with space', displayName: 'A', password: 'short' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/User name: .*no spaces.*Password: A password has at least 10 characters/),
    });
    expect((await core.unsigned.call('auth.state', {})).needsOwner).toBe(true);
  });
});

describe('stored hashes', () => {
  it('made with other parameters are replaced at the next sign-in', async () => {
    await core.ownerToken();
    const before = rows<{ password_hash: string }>('SELECT password_hash FROM users')[0]!.password_hash;
    expect(before).toMatch(/^\$scrypt\$ln=4,/);
    const stronger = ownerCore(core.dataDir, { passwordCost: { ln: 6, r: 8, p: 1 }, now: () => clock });
    try {
      await stronger.signIn(OWNER.username, OWNER.password);
      expect(rows<{ password_hash: string }>('SELECT password_hash FROM users')[0]!.password_hash).toMatch(/^\$scrypt\$ln=6,r=8,p=1\$/);
    } finally {
      await stronger.close();
    }
    expect((await core.signIn(OWNER.username, OWNER.password)).token).toBeTruthy();
  });
});

describe('wrong passwords', () => {
  it('are refused with one answer whether the name or the password is wrong, recorded, then slowed down with the time to retry', async () => {
    await core.ownerToken();
    const wrong = (password = 'not-the-password') => core.unsigned.call('auth.login', { username: OWNER.username, password });
    await expect(core.unsigned.call('auth.login', { username: 'nobody', password: 'whatever-it-is' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'The user name or the password is wrong.',
      details: { reason: 'wrong-password' },
    });
    for (let i = 0; i < 5; i += 1) await expect(wrong()).rejects.toMatchObject({ message: 'The user name or the password is wrong.' });
    // The 6th try within a second of the 5th waits, even with the right password, and says until when.
    const throttled = await wrong(OWNER.password).catch((error: unknown) => error);
    expect(throttled).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'throttled', retryAt: '2026-06-01T08:00:01.000Z' } });
    expect((throttled as Error).message).toMatch(/^Too many wrong attempts: try again in 1 second \(at 08:00:01 UTC\)\.$/);
    clock += 1000;
    await expect(wrong()).rejects.toMatchObject({ details: { reason: 'wrong-password' } });
    // Each failure past the 5th doubles the wait: 2 s after the 6th.
    clock += 1000;
    await expect(wrong(OWNER.password)).rejects.toMatchObject({ details: { reason: 'throttled', retryAt: '2026-06-01T08:00:03.000Z' } });
    clock += 1000;
    expect((await core.signIn(OWNER.username, OWNER.password)).token).toBeTruthy();
    // A success starts the count again.
    await expect(wrong()).rejects.toMatchObject({ details: { reason: 'wrong-password' } });
    expect(attempts().map((a) => a.outcome)).toEqual([
      'signed-in', // the owner's creation
      'unknown-user',
      ...Array(5).fill('wrong-password'),
      'throttled',
      'wrong-password',
      'throttled',
      'signed-in',
      'wrong-password',
    ]);
  });

  it('across many user names, slow every sign-in down', async () => {
    await core.ownerToken();
    for (let i = 0; i < 50; i += 1) await core.unsigned.dispatch('auth.login', { username: `guess-${i}`, password: 'guessed-password' });
    await expect(core.signIn(OWNER.username, OWNER.password)).rejects.toMatchObject({ details: { reason: 'throttled' } });
    clock += 10 * 60_000;
    expect((await core.signIn(OWNER.username, OWNER.password)).token).toBeTruthy();
  });
});

describe('tokens', () => {
  beforeEach(() => core.ownerToken());

  it('a forged token and one replayed after sign-out are refused as signed out, and recorded', async () => {
    const owner = await core.signIn(OWNER.username, OWNER.password);
    await expect(core.unsigned.call('vessels.list', {}, { session: 'x'.repeat(43) })).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'signed-out' } });
    expect((await owner.call('vessels.list', {})).length).toBe(0);
    await owner.call('auth.logout', {});
    await expect(owner.call('vessels.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'signed-out' }, message: expect.stringMatching(/^Sign in/) });
    // auth.state is public: a stale session is simply signed out there.
    expect((await owner.call('auth.state', {})).user).toBeNull();
    expect(attempts().slice(-2).map((a) => [a.outcome, a.method])).toEqual([
      ['bad-token', 'vessels.list'],
      ['ended-token', 'vessels.list'],
    ]);
  });

  it('signed out since a backup was taken do not come back when it is restored: a restore ends every session it holds', async () => {
    const signedOutLater = await core.signIn(OWNER.username, OWNER.password);
    const backup = await core.call('backups.create', {});
    await signedOutLater.call('auth.logout', {});
    await core.call('backups.restore', { id: backup.id });
    await expect(signedOutLater.call('vessels.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'signed-out' } });
    expect(rows<{ open: number }>('SELECT count(*) AS open FROM user_sessions WHERE ended_at IS NULL')[0]!.open).toBe(0);
    expect(rows<{ reason: string }>("SELECT DISTINCT end_reason AS reason FROM user_sessions WHERE end_reason = 'restored'")).toHaveLength(1);
  });

  it('expire after 12 hours without a call, and 7 days after sign-in whatever their use', async () => {
    const idle = await core.signIn(OWNER.username, OWNER.password);
    const busy = await core.signIn(OWNER.username, OWNER.password);
    await core.call('auth.setIdleLock', { minutes: 0 });
    clock += 11 * 3600_000;
    await busy.call('vessels.list', {});
    clock += 1 * 3600_000;
    await expect(idle.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'expired' }, message: 'Your session has ended: sign in again.' });
    // Used every 11 hours, the busy one lasts until 7 days after its sign-in (168 hours), not an hour more.
    await busy.call('vessels.list', {});
    for (let hours = 12 + 11; hours < 168; hours += 11) {
      clock += 11 * 3600_000;
      await busy.call('vessels.list', {});
    }
    clock = Date.parse('2026-06-01T08:00:00Z') + 168 * 3600_000;
    await expect(busy.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'expired' } });
    expect(attempts().filter((a) => a.outcome === 'expired-token')).toHaveLength(2);
  });

  it('of a removed user stop at once, and the user can no longer sign in; restored, they can', async () => {
    const captain = await addUser(core, { role: 'captain' });
    expect(await captain.call('vessels.list', {})).toEqual([]);
    const removed = await core.call('users.remove', { id: captain.user.id });
    expect(removed.removedAt).not.toBeNull();
    await expect(captain.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'signed-out' } });
    await expect(core.signIn(captain.user.username, captain.password)).rejects.toMatchObject({ details: { reason: 'wrong-password' }, message: expect.stringMatching(/removed/) });
    expect((await core.call('users.list', {})).map((u) => u.username)).toEqual([OWNER.username]);
    expect((await core.call('users.list', { includeRemoved: true })).map((u) => u.username)).toContain(captain.user.username);
    await core.call('users.restore', { id: captain.user.id });
    expect((await core.signIn(captain.user.username, captain.password)).token).toBeTruthy();
  });

  it('end when the password is reset; a changed password ends the other sessions, not the one that changed it', async () => {
    const captain = await addUser(core, { role: 'captain' });
    const second = await core.signIn(captain.user.username, captain.password);
    await captain.call('auth.changePassword', { currentPassword: captain.password, newPassword: 'a brand new password' });
    expect(await captain.call('vessels.list', {})).toEqual([]);
    await expect(second.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'signed-out' } });
    await expect(captain.call('auth.changePassword', { currentPassword: 'not my password', newPassword: 'another new password' })).rejects.toMatchObject({
      details: { reason: 'wrong-password' },
    });
    await core.call('users.resetPassword', { id: captain.user.id, newPassword: 'set by the owner' });
    await expect(captain.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'signed-out' } });
    await expect(core.signIn(captain.user.username, 'a brand new password')).rejects.toMatchObject({ details: { reason: 'wrong-password' } });
    expect((await core.signIn(captain.user.username, 'set by the owner')).token).toBeTruthy();
  });
});

describe('the idle lock', () => {
  it('locks a session left idle; a locked session calls only state, unlock and sign-out; the password unlocks it', async () => {
    const captain = await addUser(core, { role: 'captain' });
    expect((await captain.call('auth.setIdleLock', { minutes: 5 })).idleLockMinutes).toBe(5);
    clock += 4 * 60_000;
    await captain.call('vessels.list', {});
    // Polling what a screen polls on its own is not use.
    clock += 3 * 60_000;
    await captain.call('auth.state', {});
    clock += 3 * 60_000;
    await expect(captain.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'locked' }, message: 'The app is locked: unlock it with your password.' });
    expect(await captain.call('auth.state', {})).toMatchObject({ locked: true, user: { username: captain.user.username } });
    expect((await captain.call('system.health', {})).database).toBe('ok');
    await expect(captain.call('auth.me', {})).rejects.toMatchObject({ details: { reason: 'locked' } });
    await expect(captain.call('auth.unlock', { password: 'wrong password' })).rejects.toMatchObject({ details: { reason: 'wrong-password' } });
    expect((await captain.call('auth.unlock', { password: captain.password })).username).toBe(captain.user.username);
    expect(await captain.call('vessels.list', {})).toEqual([]);
    await captain.call('auth.lock', {});
    await expect(captain.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'locked' } });
    core.lockAllSessions();
    await expect(core.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'locked' } });
  });
});

describe('recovery', () => {
  it('sets a new owner password with the recovery code, answers a new code and ends the owner’s sessions', async () => {
    const code = await core.recoveryCode();
    const session = await core.signIn(OWNER.username, OWNER.password);
    await expect(core.unsigned.call('auth.recover', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', newPassword: 'the new password' })).rejects.toMatchObject({
      details: { reason: 'wrong-password' },
    });
    const next = await core.unsigned.call('auth.recover', { recoveryCode: code.toLowerCase().replace(/-/g, ' '), newPassword: 'the new password' });
    expect(next.recoveryCode).not.toBe(code);
    await expect(session.call('vessels.list', {})).rejects.toMatchObject({ details: { reason: 'signed-out' } });
    expect((await core.signIn(OWNER.username, 'the new password')).token).toBeTruthy();
    // The old code is spent.
    await expect(core.unsigned.call('auth.recover', { recoveryCode: code, newPassword: 'yet another password' })).rejects.toMatchObject({ details: { reason: 'wrong-password' } });
    expect(attempts().filter((a) => a.username === '#recovery').map((a) => a.outcome)).toEqual(['wrong-recovery-code', 'recovered', 'wrong-recovery-code']);
  });
});

describe('role escalation', () => {
  const staff: Role[] = ['admin', 'captain', 'head_of_department', 'recruiter', 'office_viewer', 'crew_member'];

  it.each(staff)('a %s cannot make themself owner or admin, widen their scope, or create an admin or owner: refused, recorded, nothing changed', async (role) => {
    const vessel = await core.call('vessels.create', { name: 'Aurora', kind: 'motor', lengthM: 50, flag: 'MT', use: 'private' } as never).catch(() => null);
    const scope = { vesselIds: vessel ? [vessel.id] : ['some-vessel'], department: null };
    // An admin scoped to vessels is refused every account procedure by scope (docs/security.md#scope); the rules
    // of changing accounts are what an admin of the whole organisation meets.
    const user = await addUser(core, { role, scope: role === 'admin' ? { vesselIds: null, department: null } : scope });
    const before = await core.call('users.list', { includeRemoved: true });
    const tries = [
      () => user.call('users.update', { id: user.user.id, role: 'owner' }),
      () => user.call('users.update', { id: user.user.id, role: role === 'admin' ? 'captain' : 'admin' }),
      () => user.call('users.update', { id: user.user.id, scope: role === 'admin' ? scope : { vesselIds: null, department: null } }),
      () => user.call('users.create', { username: `${role}-friend`, displayName: 'A friend', role: 'admin', scope, password: 'friend password' }),
      () => user.call('users.create', { username: `${role}-owner`, displayName: 'Another owner', role: 'owner', scope, password: 'owner password 2' }),
    ];
    for (const attempt of tries) await expect(attempt()).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not-allowed' } });
    expect(await core.call('users.list', { includeRemoved: true })).toEqual(before);
    expect(refusals().length).toBeGreaterThanOrEqual(tries.length);
    expect(refusals().every((r) => r.message.length > 10)).toBe(true);
  });

  it('an admin manages other users but not the owner, not another admin, and not their own role', async () => {
    const admin = await addUser(core, { role: 'admin' });
    const otherAdmin = await addUser(core, { role: 'admin' });
    const captain = await admin.call('users.create', { username: 'cap', displayName: 'Cap', role: 'captain', scope: { vesselIds: ['v1'], department: null }, personId: null, password: 'captain password' });
    expect(await admin.call('users.update', { id: captain.id, role: 'head_of_department', scope: { vesselIds: ['v1'], department: 'deck' } })).toMatchObject({
      role: 'head_of_department',
      scope: { vesselIds: ['v1'], department: 'deck' },
    });
    const ownerId = (await core.call('auth.me', {})).id;
    await expect(admin.call('users.update', { id: ownerId, displayName: 'Renamed' })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(admin.call('users.resetPassword', { id: ownerId, newPassword: 'taken over!!' })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(admin.call('users.remove', { id: ownerId })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(admin.call('users.update', { id: otherAdmin.user.id, role: 'captain' })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(admin.call('users.update', { id: captain.id, role: 'admin' })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(admin.call('users.remove', { id: admin.user.id })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    // Their own name they may change.
    expect((await admin.call('users.update', { id: admin.user.id, displayName: 'Admin Renamed' })).displayName).toBe('Admin Renamed');
    // The owner may make someone an admin, and nobody an owner; the owner stays the owner.
    expect((await core.call('users.update', { id: captain.id, role: 'admin' })).role).toBe('admin');
    await expect(core.call('users.update', { id: captain.id, role: 'owner' })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(core.call('users.update', { id: ownerId, role: 'admin' })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(core.call('users.remove', { id: ownerId })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    expect((await core.call('auth.me', {})).role).toBe('owner');
  });

  it('a user name is taken whatever its capitals', async () => {
    await addUser(core, { role: 'captain', username: 'Marco' });
    await expect(addUser(core, { role: 'recruiter', username: 'marco' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/taken/) });
  });
});

describe('credential events', () => {
  it('are told before anything is stored: a listener that throws leaves no account behind', async () => {
    await core.ownerToken();
    const seen: string[] = [];
    const off = core.credentials.on((event) => {
      seen.push(event.kind);
      if (event.kind === 'user-created') throw new Error('the keyring could not wrap the key');
    });
    await expect(core.call('users.create', { username: 'keyless', displayName: 'K', role: 'captain', scope: { vesselIds: null, department: null }, password: 'a good password' })).rejects.toThrow();
    expect((await core.call('users.list', {})).map((u) => u.username)).toEqual([OWNER.username]);
    off();
    await core.signIn(OWNER.username, OWNER.password);
    expect(seen).toEqual(['user-created']);
  });
});

describe('a crew member', () => {
  it('answers their own questionnaire and reads their own history, nobody else’s', async () => {
    const me = await core.call('people.create', { givenNames: 'Ana', surname: 'Lopes', dateOfBirth: '1990-01-01' });
    const other = await core.call('people.create', { givenNames: 'Ben', surname: 'Other', dateOfBirth: '1991-01-01' });
    const crew = await addUser(core, { role: 'crew_member', personId: me.id });
    const mine = await core.call('sessions.start', { personId: me.id, context: 'incumbent' });
    const theirs = await core.call('sessions.start', { personId: other.id, context: 'incumbent' });
    const view = await crew.call('sessions.kiosk', { id: mine.id });
    expect(view.session.id).toBe(mine.id);
    await crew.call('sessions.answer', { sessionId: mine.id, item: view.items[0]!.id, value: 3, ms: 4000 });
    await expect(crew.call('sessions.kiosk', { id: theirs.id })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(crew.call('sessions.answer', { sessionId: theirs.id, item: view.items[0]!.id, value: 3, ms: 4000 })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(crew.call('profiles.history', { personId: other.id, instrumentId: 'ipip-neo-120' })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    expect((await crew.call('profiles.history', { personId: me.id, instrumentId: 'ipip-neo-120' })).points).toEqual([]);
    await expect(crew.call('people.get', { id: me.id })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
    await expect(crew.call('sessions.start', { personId: me.id, context: 'incumbent' })).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
  });
});
