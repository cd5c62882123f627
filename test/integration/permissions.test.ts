import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpTransport, type HttpTransport } from '../../src/core/core';
import { contract, type Envelope, type Method } from '../../src/shared/api';
import { OWN_RECORDS, PERMISSIONS, roleMayCall } from '../../src/shared/auth/permissions';
import { ROLES, type Role } from '../../src/shared/auth/roles';
import { addUser, tempCore, type TempCore } from '../helpers/temp-core';

/**
 * Issue 14: every procedure × every role, allowed or FORBIDDEN as the permission table says — generated from the
 * table, so a new procedure is tested the day it gets its row (and cannot exist without one: the Record type).
 * Inputs are empty: a refused call is refused before its input is read, an allowed one gets past the permission
 * check (most then answer VALIDATION). A crew member's own records are tested in auth-api.test.ts.
 */
const REFUSED_FOR_WHO = ['signed-out', 'expired', 'locked', 'not-allowed'];
const refusalOf = (envelope: Envelope<unknown>): string | null =>
  !envelope.ok && envelope.error.code === 'FORBIDDEN' ? ((envelope.error.details as { reason?: string } | undefined)?.reason ?? 'kiosk') : null;

/** Calls that end or lock the session they come with get a session of their own; the sample fleet loads last. */
const ENDS_SESSION: ReadonlySet<Method> = new Set<Method>(['auth.logout', 'auth.lock']);
const methods = (Object.keys(contract) as Method[]).sort((a, b) => Number(a === 'demo.load') - Number(b === 'demo.load'));

let core: TempCore;
const sessions = new Map<Role, { username: string; password: string; token: string }>();
beforeAll(async () => {
  core = tempCore();
  sessions.set('owner', { username: 'owner', password: 'owner-password-1', token: await core.ownerToken() });
  const person = await core.call('people.create', { givenNames: 'Kiosk', surname: 'Person', dateOfBirth: '1990-01-01' });
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    const user = await addUser(core, { role, personId: role === 'crew_member' ? person.id : null });
    sessions.set(role, { username: user.user.username, password: user.password, token: user.token });
  }
});
afterAll(() => core.dispose());

describe('the permission table, through the dispatcher', () => {
  it('has a row for every procedure of the contract, and no row for one that does not exist', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(ROLES)('%s: every procedure is answered or refused as the table says', async (role) => {
    const mismatches: string[] = [];
    const own = sessions.get(role)!;
    for (const method of methods) {
      if (role === 'crew_member' && OWN_RECORDS[method] !== undefined) continue;
      const token = ENDS_SESSION.has(method) ? (await core.signIn(own.username, own.password)).token : own.token;
      const envelope = await core.dispatch(method, {}, { session: token });
      const reason = refusalOf(envelope);
      const allowed = roleMayCall(role, method);
      if (allowed && reason !== null && REFUSED_FOR_WHO.includes(reason)) mismatches.push(`${method}: refused (${reason}) but the table allows it`);
      if (!allowed && reason !== 'not-allowed') mismatches.push(`${method}: ${JSON.stringify(envelope).slice(0, 160)} but the table refuses it`);
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('refuses every procedure but the public ones without a session, and with a forged one', async () => {
    for (const method of methods) {
      const anonymous = await core.unsigned.dispatch(method, {});
      const forged = await core.unsigned.dispatch(method, {}, { session: 'forged-token-of-the-right-length-000000000000' });
      if (PERMISSIONS[method] === 'public') {
        expect([refusalOf(anonymous), method]).toEqual([null, method]);
      } else {
        expect([refusalOf(anonymous), refusalOf(forged), method]).toEqual(['signed-out', 'signed-out', method]);
      }
    }
  }, 120_000);
});

describe('the permission table, over HTTP', () => {
  let http: HttpTransport;
  beforeAll(async () => {
    http = await startHttpTransport({ dispatch: core.unsigned.dispatch, events: core.events });
  });
  afterAll(() => http.close());

  const post = async (method: string, token?: string) => {
    const response = await fetch(new URL(`api/${method}`, http.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: '{}',
    });
    return { status: response.status, envelope: (await response.json()) as Envelope<unknown> };
  };

  it('answers 401 for every procedure but the public ones without a session, and 403 where the role may not', async () => {
    const viewer = sessions.get('office_viewer')!.token;
    const wrong: string[] = [];
    for (const method of methods) {
      if (ENDS_SESSION.has(method)) continue;
      const anonymous = await post(method);
      const expected = PERMISSIONS[method] === 'public' ? 200 : 401;
      if (anonymous.status !== expected) wrong.push(`${method} without a session: HTTP ${anonymous.status}, not ${expected}`);
      if (PERMISSIONS[method] !== 'public' && !roleMayCall('office_viewer', method)) {
        const refused = await post(method, viewer);
        if (refused.status !== 403 || refusalOf(refused.envelope) !== 'not-allowed') wrong.push(`${method} as an office viewer: HTTP ${refused.status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
