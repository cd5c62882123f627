import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, Method } from '../../../src/shared/api';
import { addUser } from '../../helpers/temp-core';
import { CAPTAIN, CASES } from './cases';
import { hiddenFromA, scopeFixture, type ScopeFixture } from './fleet-fixture';

/**
 * Issue 14: "a captain of vessel A cannot read vessel B's people, documents or results through any procedure,
 * including lists, search and exports" (docs/security.md#scope). Every procedure of the contract is called by a
 * captain scoped to A (cases.ts), and no answer may hold the id or the name of a record that is not A's.
 */
let f: ScopeFixture;
let hidden: { ids: Set<string>; names: Set<string> };
let captainSession: string;

beforeAll(async () => {
  f = await scopeFixture();
  hidden = hiddenFromA(f);
  await addUser(f.core, { role: 'captain', scope: { vesselIds: [f.vesselA], department: null }, ...CAPTAIN });
  captainSession = (await f.core.signIn(CAPTAIN.username, CAPTAIN.password)).token;
}, 180_000);
afterAll(() => f.core.dispose());

const asCaptain = (method: Method, input: unknown): Promise<Envelope<unknown>> => f.core.dispatch(method, input, { session: captainSession });

/** The account cases sign out and lock: the captain signs in again for the next one. */
afterEach(async () => {
  const state = await f.core.dispatch('auth.state', {}, { session: captainSession });
  if (!state.ok || (state.data as { user: unknown; locked: boolean }).user === null || (state.data as { locked: boolean }).locked) {
    captainSession = (await f.core.signIn(CAPTAIN.username, CAPTAIN.password)).token;
  }
});

/** The ids and names of hidden records an answer holds, beyond those the caller asked about. */
function leaks(answer: unknown, input: unknown = {}): string[] {
  const text = JSON.stringify(answer);
  const asked = JSON.stringify(input);
  const found = [...text.matchAll(/[A-Za-z0-9_-]{8,}/g)].map((m) => m[0]).filter((token) => hidden.ids.has(token) && !asked.includes(token));
  return [...new Set([...found, ...[...hidden.names].filter((name) => text.includes(name))])];
}

describe('the fixture', () => {
  it('has records of both vessels, and hidden ones to look for', () => {
    expect(hidden.ids.has(f.b.person)).toBe(true);
    expect(hidden.ids.has(f.b.document)).toBe(true);
    expect(hidden.ids.has(f.b.result)).toBe(true);
    expect(hidden.ids.has(f.b.candidate)).toBe(true);
    expect(hidden.ids.has(f.a.person)).toBe(false);
    expect(hidden.ids.has(f.a.candidate)).toBe(false);
    expect(hidden.names.size).toBeGreaterThan(20);
  });

  it('finds the hidden records in the answers of a user of the whole organisation (the check can fail)', async () => {
    const people = await f.core.dispatch('people.list', { archived: 'include', limit: 500 });
    expect(leaks(people)).toContain(f.b.person);
  });
});

describe('a captain scoped to vessel A', () => {
  const methods = Object.keys(CASES) as Method[];

  it.each(methods)('%s answers nothing of vessel B', async (method) => {
    const test = CASES[method] as (typeof CASES)[Method];
    if (test.kind === 'organisation') {
      // Refused by scope ('out-of-scope'), or before it by the role's permissions (installation.manage).
      const answer = await asCaptain(method, test.input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(leaks(answer)).toEqual([]);
      return;
    }
    if (test.kind === 'account') {
      const answer = await asCaptain(method, test.input);
      if (!answer.ok) expect(answer.error.code).not.toBe('INTERNAL');
      expect(leaks(answer)).toEqual([]);
      return;
    }
    if (test.kind === 'write') {
      const input = test.input(f.b, f);
      const answer = await asCaptain(method, input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'out-of-scope' } } });
      expect(leaks(answer, input)).toEqual([]);
      return;
    }
    const answer = await asCaptain(method, test.input(f.a, f));
    if (!answer.ok) {
      // A's own records are there for them; the representative input may still be refused for its own reasons.
      expect(answer.error.code).not.toBe('INTERNAL');
      if (test.namesRecords !== false) expect(answer.error.code).not.toBe('NOT_FOUND');
      expect(answer.error.code).not.toBe('FORBIDDEN');
    }
    expect(leaks(answer)).toEqual([]);
    if (test.namesRecords !== false) {
      const input = test.input(f.b, f);
      const other = await asCaptain(method, input);
      expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(leaks(other, input)).toEqual([]);
    }
  });
});

describe('procedures for the whole organisation', () => {
  it('are refused to the captain by scope, with its reason, when the role may call them', async () => {
    const answer = await asCaptain('people.import', { contentBase64: Buffer.from('given_names,surname\n').toString('base64'), fileName: 'people.csv' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'out-of-scope' } } });
    expect(answer.ok ? '' : answer.error.message).toBe('This is open to users who see the whole organisation; you see one vessel.');
  });
});

describe('the audit log of a captain scoped to vessel A', () => {
  type Entries = Envelope<{ entries: Array<{ personId: string | null; table: string | null; rowId: string | null }> }>;
  const search = async (input: object) => {
    const answer = (await asCaptain('audit.search', { limit: 500, ...input })) as Entries;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data.entries;
  };

  it("holds what was done to A's people and records, not B's", async () => {
    expect((await search({ personId: f.a.person })).length).toBeGreaterThan(0);
    expect(await search({ personId: f.b.person })).toEqual([]);
    const vessels = await search({ table: 'vessels' });
    expect(vessels.some((e) => e.rowId === f.vesselA)).toBe(true);
    expect(vessels.some((e) => e.rowId === f.vesselB)).toBe(false);
    const history = (await asCaptain('audit.history', { table: 'people', rowId: f.a.person })) as Envelope<unknown[]>;
    expect(history.ok && history.data.length).toBeGreaterThan(0);
    expect(await asCaptain('audit.history', { table: 'people', rowId: f.b.person })).toMatchObject({ ok: true, data: [] });
  });
});
