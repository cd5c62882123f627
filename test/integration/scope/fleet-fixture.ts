import type Database from 'better-sqlite3';
import { addDaysIso, todayIsoDate } from '../../../src/shared/domain/dates';
import { tempCore } from '../../helpers/temp-core';

/**
 * The sample fleet (four yachts, their crew, certificates, results, sea service, a requisition with candidates),
 * plus on vessel A and on another vessel B: a requisition with a candidate from the agency's pool and an
 * interview, a questionnaire session, a pulse schedule. A is the sample's largest yacht, B the next.
 */
export interface ScopeFixture {
  core: ReturnType<typeof tempCore>;
  sqlite: Database.Database;
  vesselA: string;
  vesselB: string;
  /** The owner's account: the interviewer of the fixture's interviews. */
  owner: string;
  /** Ids of records on or of A (one of each kind) and of B, for inputs. */
  a: Records;
  b: Records;
}

export interface Records {
  vessel: string;
  position: string;
  person: string;
  assignment: string;
  document: string;
  result: string;
  session: string;
  requisition: string;
  application: string;
  interview: string;
  seaService: string;
  visa: string;
  outcome: string | null;
  pulseSchedule: string;
  /** A candidate from the pool, applied to the vessel's requisition. */
  candidate: string;
}


const one = (sqlite: Database.Database, sql: string, ...params: unknown[]): string | null =>
  ((sqlite.prepare(sql).pluck().get(...params) as string | undefined) ?? null);

export async function scopeFixture(): Promise<ScopeFixture> {
  const core = tempCore();
  await core.call('demo.load', {});
  const sqlite = core.state.requireDatabase().sqlite;
  const [vesselA, vesselB] = sqlite
    .prepare('SELECT v.id FROM vessels v JOIN positions p ON p.vessel_id = v.id JOIN assignments a ON a.position_id = p.id GROUP BY v.id ORDER BY count(*) DESC')
    .pluck()
    .all() as [string, string];
  // Candidates from the pool: nobody's crew, on no requisition yet.
  const pool = sqlite
    .prepare('SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM assignments) AND id NOT IN (SELECT person_id FROM applications) ORDER BY sort_key')
    .pluck()
    .all() as string[];
  if (pool.length < 2) throw new Error('the sample fleet has fewer than two people in its pool');

  const start = addDaysIso(todayIsoDate(), 60);
  const owner = (await core.call('auth.me', {})).id;
  const recordsOf = async (vessel: string, candidate: string): Promise<Records> => {
    // Someone who served on this vessel only, so that everything of theirs belongs to it.
    const person = one(
      sqlite,
      `SELECT a.person_id FROM assignments a JOIN positions p ON p.id = a.position_id GROUP BY a.person_id
       HAVING min(p.vessel_id) = ? AND max(p.vessel_id) = ? AND a.person_id IN (SELECT person_id FROM documents) AND a.person_id IN (SELECT person_id FROM assessment_results)
         AND a.person_id IN (SELECT person_id FROM sea_service) AND a.person_id IN (SELECT person_id FROM person_visas) ORDER BY a.person_id LIMIT 1`,
      vessel,
      vessel,
    )!;
    const position = one(sqlite, "SELECT id FROM positions WHERE vessel_id = ? AND title = 'Deckhand'", vessel) ?? one(sqlite, 'SELECT id FROM positions WHERE vessel_id = ? ORDER BY id', vessel)!;
    const requisition = await core.call('requisitions.create', {
      positionId: position,
      title: 'Deckhand',
      startDate: start,
      rotation: null,
      salaryMin: null,
      salaryMax: null,
      currency: null,
      requirements: { certificates: [], minYearsAtSea: null, languages: [], visas: [] },
    });
    await core.call('requisitions.move', { id: requisition.id, status: 'open' });
    const application = await core.call('applications.create', { requisitionId: requisition.id, personId: candidate, source: 'agency' });
    const { interview } = await core.call('interviews.schedule', {
      applicationId: application.id,
      kind: 'screening',
      mode: 'video',
      interviewers: [owner],
      localTime: `${start}T10:00`,
      timeZone: 'UTC',
      durationMinutes: 30,
    });
    await core.call('notes.add', { applicationId: application.id, body: 'Strong references' });
    const session = await core.call('sessions.start', { personId: person, context: 'incumbent', language: 'en' });
    const pulseSchedule = await core.call('pulse.schedule', { vesselId: vessel, surveyId: 'team-climate', everyDays: 28, startOn: '2024-01-01', anonymous: true });
    return {
      vessel,
      position,
      person,
      candidate,
      assignment: one(sqlite, 'SELECT id FROM assignments WHERE person_id = ?', person)!,
      document: one(sqlite, 'SELECT id FROM documents WHERE person_id = ?', person)!,
      result: one(sqlite, 'SELECT id FROM assessment_results WHERE person_id = ?', person)!,
      seaService: one(sqlite, 'SELECT id FROM sea_service WHERE person_id = ?', person)!,
      visa: one(sqlite, 'SELECT id FROM person_visas WHERE person_id = ?', person)!,
      outcome: one(sqlite, 'SELECT o.id FROM assignment_outcomes o JOIN assignments a ON a.id = o.assignment_id JOIN positions p ON p.id = a.position_id WHERE p.vessel_id = ?', vessel),
      session: session.id,
      requisition: requisition.id,
      application: application.id,
      interview: interview.id,
      pulseSchedule: pulseSchedule.id,
    };
  };
  const a = await recordsOf(vesselA, pool[0]!);
  const b = await recordsOf(vesselB, pool[1]!);
  return { core, sqlite, vesselA, vesselB, owner, a, b };
}

/**
 * What a user scoped to vessel A must never see, worked out here independently of the core's scope module: the
 * ids of every record that is not A's and the names of the other vessels and of people not linked to A (an
 * assignment on A at any time, or an application to one of A's requisitions). A name that a record of A holds too
 * (someone of A's, or an emergency contact's) is left out: it would be found for the wrong reason.
 */
export function hiddenFromA(f: ScopeFixture): { ids: Set<string>; names: Set<string> } {
  const { sqlite, vesselA } = f;
  const ids = (sql: string) => sqlite.prepare(sql).pluck().all({ v: vesselA }) as string[];
  const visiblePeople = `SELECT a.person_id FROM assignments a JOIN positions p ON p.id = a.position_id WHERE p.vessel_id = @v
    UNION SELECT ap.person_id FROM applications ap JOIN requisitions r ON r.id = ap.requisition_id JOIN positions p ON p.id = r.position_id WHERE p.vessel_id = @v`;
  const hidden = new Set<string>([
    ...ids('SELECT id FROM vessels WHERE id <> @v'),
    ...ids('SELECT id FROM positions WHERE vessel_id <> @v'),
    ...ids(`SELECT id FROM people WHERE id NOT IN (${visiblePeople})`),
    ...ids('SELECT a.id FROM assignments a JOIN positions p ON p.id = a.position_id WHERE p.vessel_id <> @v'),
    ...ids(`SELECT id FROM documents WHERE person_id NOT IN (${visiblePeople})`),
    ...ids(`SELECT id FROM assessment_results WHERE person_id NOT IN (${visiblePeople})`),
    ...ids(`SELECT id FROM questionnaire_sessions WHERE person_id NOT IN (${visiblePeople})`),
    ...ids(`SELECT id FROM sea_service WHERE person_id NOT IN (${visiblePeople})`),
    ...ids(`SELECT id FROM person_visas WHERE person_id NOT IN (${visiblePeople})`),
    ...ids('SELECT r.id FROM requisitions r JOIN positions p ON p.id = r.position_id WHERE p.vessel_id <> @v'),
    ...ids('SELECT ap.id FROM applications ap JOIN requisitions r ON r.id = ap.requisition_id JOIN positions p ON p.id = r.position_id WHERE p.vessel_id <> @v'),
    ...ids('SELECT i.id FROM interviews i JOIN applications ap ON ap.id = i.application_id JOIN requisitions r ON r.id = ap.requisition_id JOIN positions p ON p.id = r.position_id WHERE p.vessel_id <> @v'),
    ...ids('SELECT id FROM pulse_schedules WHERE vessel_id <> @v'),
  ]);
  // Names a visible record holds in its own right: its people's, their emergency contacts' (drawn from the same pool).
  const visibleNames = new Set([
    ...ids(`SELECT given_names || ' ' || surname FROM people WHERE id IN (${visiblePeople})`),
    ...ids(`SELECT emergency_contact_name FROM people WHERE id IN (${visiblePeople}) AND emergency_contact_name IS NOT NULL`),
  ]);
  const names = new Set([
    ...ids('SELECT name FROM vessels WHERE id <> @v'),
    ...ids(`SELECT given_names || ' ' || surname FROM people WHERE id NOT IN (${visiblePeople})`).filter((n) => !visibleNames.has(n)),
  ]);
  return { ids: hidden, names };
}
