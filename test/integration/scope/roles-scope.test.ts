import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, Scope } from '../../../src/shared/auth/roles';
import { addUser } from '../../helpers/temp-core';
import type { Input, Method, Output } from '../../../src/shared/api';
import { scopeFixture, type ScopeFixture } from './fleet-fixture';

/**
 * The rest of docs/security.md#scope: a head of department sees results, profiles and team figures of their
 * department only; a crew member sees their own record only; a person entered by a user scoped to vessels stays
 * theirs; nothing is moved onto a vessel outside the scope; a user of the whole organisation sees everything.
 */
let f: ScopeFixture;
beforeAll(async () => {
  f = await scopeFixture();
}, 180_000);
afterAll(() => f.core.dispose());

/** A signed-in user's session token: calls below are made as them. */
type Session = string;
const signedIn = async (role: Role, scope: Scope, personId: string | null = null): Promise<Session> => (await addUser(f.core, { role, scope, personId })).token;
const as = <M extends Method>(session: Session, method: M, input: Input<M>): Promise<Output<M>> => f.core.call(method, input, { session });
const refused = (session: Session, method: Method, input: unknown) => f.core.dispatch(method, input, { session });
const column = (sql: string, ...params: unknown[]) => f.sqlite.prepare(sql).pluck().all(...params) as string[];

describe('a head of department (deck, vessel A)', () => {
  let hod: Session;
  let deck: Set<string>;
  let interiorResult: { id: string; personId: string };
  beforeAll(async () => {
    hod = await signedIn('head_of_department', { vesselIds: [f.vesselA], department: 'deck' });
    deck = new Set(column("SELECT a.person_id FROM assignments a JOIN positions p ON p.id = a.position_id WHERE p.vessel_id = ? AND p.department = 'deck'", f.vesselA));
    interiorResult = f.sqlite
      .prepare(
        `SELECT r.id, r.person_id AS personId FROM assessment_results r WHERE r.person_id IN (SELECT a.person_id FROM assignments a JOIN positions p ON p.id = a.position_id WHERE p.vessel_id = ? AND p.department = 'interior')
           AND r.person_id NOT IN (SELECT a.person_id FROM assignments a JOIN positions p ON p.id = a.position_id WHERE p.department = 'deck') LIMIT 1`,
      )
      .get(f.vesselA) as { id: string; personId: string };
  });

  it('lists the results of deck crew only, and finds no other', async () => {
    const { rows, total } = await as(hod, 'assessments.list', { archived: 'include', limit: 500 });
    expect(rows.length).toBeGreaterThan(0);
    expect(total).toBe(rows.length);
    for (const row of rows) expect(deck.has(row.personId)).toBe(true);
    expect(interriorOf(rows)).toEqual([]);
  });

  it('answers NOT_FOUND for an interior crew member’s result, profile and history, as for a missing one', async () => {
    expect(interiorResult).toBeDefined();
    for (const [method, input] of [
      ['assessments.get', { id: interiorResult.id }],
      ['profiles.get', { id: interiorResult.id }],
      ['profiles.history', { personId: interiorResult.personId, instrumentId: 'ipip-neo-120' }],
    ] as const) {
      expect(await refused(hod, method, input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('still sees the interior crew of their vessel in the crew list (people, not their results)', async () => {
    const { rows } = await as(hod, 'people.list', { vesselId: f.vesselA, limit: 500 });
    expect(rows.map((r) => r.id)).toContain(interiorResult.personId);
  });

  it('sees team figures of the deck: team dynamics and the fleet row count deck crew only', async () => {
    const dynamics = await as(hod, 'team.dynamics', { vesselId: f.vesselA });
    expect(dynamics.group).toEqual({ kind: 'department', department: 'deck' });
    expect(dynamics.members.length).toBeGreaterThan(0);
    for (const m of dynamics.members) expect(m.department).toBe('deck');
    const fleet = await as(hod, 'team.fleet', {});
    expect(fleet.rows.map((r) => r.vesselId)).toEqual([f.vesselA]);
    expect(fleet.rows[0]!.crew).toBe(dynamics.members.length);
  });

  function interriorOf(rows: Array<{ personId: string }>) {
    return rows.filter((r) => r.personId === interiorResult.personId);
  }
});

describe('a crew member', () => {
  let crew: Session;
  beforeAll(async () => {
    crew = await signedIn('crew_member', { vesselIds: [f.vesselA], department: null }, f.a.person);
  });

  it('reads their own results, and nobody else’s', async () => {
    const result = f.sqlite.prepare('SELECT id, instrument_id AS instrumentId FROM assessment_results WHERE person_id = ? LIMIT 1').get(f.a.person) as { id: string; instrumentId: string };
    expect((await as(crew, 'profiles.get', { id: result.id })).personId).toBe(f.a.person);
    const history = await as(crew, 'profiles.history', { personId: f.a.person, instrumentId: result.instrumentId });
    expect(history.points.length).toBeGreaterThan(0);
    const crewmate = column('SELECT r.person_id FROM assessment_results r JOIN assignments a ON a.person_id = r.person_id JOIN positions p ON p.id = a.position_id WHERE p.vessel_id = ? AND r.person_id <> ?', f.vesselA, f.a.person)[0]!;
    const other = await refused(crew, 'profiles.history', { personId: crewmate, instrumentId: result.instrumentId });
    expect(other).toMatchObject({ ok: false });
    expect(JSON.stringify(other)).not.toContain(crewmate);
  });

  it('lists nobody: the crew list, vessels and documents are not for the kiosk role', async () => {
    for (const [method, input] of [['people.list', {}], ['vessels.list', {}], ['documents.list', { status: 'all' }]] as const) {
      expect(await refused(crew, method, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('a captain of vessel A writing', () => {
  let captainA: Session;
  let captainB: Session;
  beforeAll(async () => {
    captainA = await signedIn('captain', { vesselIds: [f.vesselA], department: null });
    captainB = await signedIn('captain', { vesselIds: [f.vesselB], department: null });
  });

  it('keeps a person they enter in view before assigning them; the captain of B does not see them', async () => {
    const person = await as(captainA, 'people.create', {
      givenNames: 'Nora',
      surname: 'Newhand',
      dateOfBirth: '1995-05-05',
      nationalities: ['NOR'],
      languages: ['English'],
      email: null,
      phone: null,
      emergencyContactName: null,
      emergencyContactPhone: null,
      emergencyContactRelation: null,
      noticeDays: null,
    });
    expect((await as(captainA, 'people.list', { search: 'Newhand' })).rows.map((r) => r.id)).toEqual([person.id]);
    expect((await as(captainB, 'people.list', { search: 'Newhand' })).total).toBe(0);
    expect(await refused(captainB, 'people.get', { id: person.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Assigned on A, they are A's crew.
    const assignment = await as(captainA, 'assignments.create', { personId: person.id, positionId: f.a.position, startDate: '2031-01-01', endDate: null, rotation: null });
    expect(assignment.personId).toBe(person.id);
  });

  it('is told of a duplicate outside their vessels without its name', async () => {
    const hidden = f.sqlite.prepare('SELECT given_names AS givenNames, surname, date_of_birth AS dateOfBirth FROM people WHERE id = ?').get(f.b.person) as {
      givenNames: string;
      surname: string;
      dateOfBirth: string;
    };
    const again = { ...hidden, nationalities: ['GBR'], languages: ['English'], email: null, phone: null, emergencyContactName: null, emergencyContactPhone: null, emergencyContactRelation: null, noticeDays: null };
    const answer = await refused(captainA, 'people.create', again);
    expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Someone outside the vessels you see already has this name and date of birth/) } });
    expect(JSON.stringify(answer)).not.toContain(hidden.surname);
    expect(JSON.stringify(answer)).not.toContain(f.b.person);
    // A user of the whole organisation is told who it is.
    const owner = await signedIn('admin', { vesselIds: null, department: null });
    expect(await refused(owner, 'people.create', again)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { personId: f.b.person } } });
  });

  it('cannot move their crew onto vessel B, nor open a position there: FORBIDDEN out-of-scope, in words', async () => {
    const moved = await refused(captainA, 'assignments.create', { personId: f.a.person, positionId: f.b.position, startDate: '2031-01-01', endDate: null, rotation: null });
    expect(moved).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'out-of-scope' } } });
    expect(moved.ok ? '' : moved.error.message).toMatch(/^This position is outside what you may change: you see one vessel\.$/);
    const opened = await refused(captainA, 'positions.create', { vesselId: f.vesselB, department: 'deck', title: 'Deckhand', headcount: 1, rotation: null, employmentKind: 'permanent' });
    expect(opened).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'out-of-scope' } } });
    expect(column('SELECT id FROM assignments WHERE person_id = ? AND position_id = ?', f.a.person, f.b.position)).toEqual([]);
  });
});

describe('a user of the whole organisation', () => {
  it('sees what the core answers with no user at all: every person, vessel, result and requisition', async () => {
    const owner = await signedIn('admin', { vesselIds: null, department: null });
    const everyone = await f.core.call('people.list', { archived: 'include', limit: 500 });
    expect((await as(owner, 'people.list', { archived: 'include', limit: 500 })).total).toBe(everyone.total);
    expect(await as(owner, 'vessels.list', { archived: 'include' })).toEqual(await f.core.call('vessels.list', { archived: 'include' }));
    expect((await as(owner, 'assessments.list', { archived: 'include', limit: 500 })).total).toBe((await f.core.call('assessments.list', { archived: 'include', limit: 500 })).total);
    expect(await as(owner, 'requisitions.list', {})).toHaveLength((await f.core.call('requisitions.list', {})).length);
  });
});
