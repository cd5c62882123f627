import type Database from 'better-sqlite3';
import type { RecordKind } from '../../shared/words';
import { statement } from '../db/statements';
import { currentNarrowing, type Narrowing } from './narrowing';
import { assessedCondition, personCondition, sessionCondition, vesselCondition } from './sql';

/** The kinds of record a procedure's input may name, and so the kinds scope decides on. */
export type ScopedKind = Extract<
  RecordKind,
  | 'vessel'
  | 'position'
  | 'person'
  | 'assignment'
  | 'document'
  | 'assessmentResult'
  | 'session'
  | 'requisition'
  | 'application'
  | 'interview'
  | 'seaService'
  | 'visa'
  | 'outcome'
  | 'pulseSchedule'
  | 'campaign'
> | 'assessedPerson';

interface Lookup {
  /** FROM … of the record `x`, with the joins its condition needs. */
  from: string;
  /** The condition under which the user sees `x`, or null when they see every such record. */
  condition(narrowing: Narrowing): string | null;
}

const onVessel = (column: string) => (n: Narrowing) => (n.kind === 'self' ? personCondition('x.person_id', n) : vesselCondition(column, n));
const ofPerson = (n: Narrowing) => personCondition('x.person_id', n);

/**
 * Where each kind of record hangs: on a vessel (positions, requisitions and what hangs off them, pulse schedules,
 * campaigns) or on a person (documents, results, sea service, visas). An assignment belongs to its vessel; a
 * crew member sees their own.
 */
const LOOKUPS: Record<ScopedKind, Lookup> = {
  vessel: { from: 'vessels x', condition: (n) => vesselCondition('x.id', n) },
  position: { from: 'positions x', condition: (n) => vesselCondition('x.vessel_id', n) },
  person: { from: 'people x', condition: (n) => personCondition('x.id', n) },
  assessedPerson: { from: 'people x', condition: (n) => assessedCondition('x.id', n) },
  assignment: { from: 'assignments x JOIN positions pos ON pos.id = x.position_id', condition: onVessel('pos.vessel_id') },
  document: { from: 'documents x', condition: ofPerson },
  assessmentResult: { from: 'assessment_results x', condition: (n) => assessedCondition('x.person_id', n) },
  session: { from: 'questionnaire_sessions x', condition: (n) => sessionCondition('x', n) },
  requisition: { from: 'requisitions x JOIN positions pos ON pos.id = x.position_id', condition: (n) => vesselCondition('pos.vessel_id', n) },
  application: {
    from: 'applications x JOIN requisitions r ON r.id = x.requisition_id JOIN positions pos ON pos.id = r.position_id',
    condition: (n) => vesselCondition('pos.vessel_id', n),
  },
  interview: {
    from: 'interviews x JOIN applications ap ON ap.id = x.application_id JOIN requisitions r ON r.id = ap.requisition_id JOIN positions pos ON pos.id = r.position_id',
    condition: (n) => vesselCondition('pos.vessel_id', n),
  },
  seaService: { from: 'sea_service x', condition: ofPerson },
  visa: { from: 'person_visas x', condition: ofPerson },
  outcome: {
    from: 'assignment_outcomes x JOIN assignments a ON a.id = x.assignment_id JOIN positions pos ON pos.id = a.position_id',
    condition: (n) => (n.kind === 'self' ? personCondition('a.person_id', n) : vesselCondition('pos.vessel_id', n)),
  },
  pulseSchedule: { from: 'pulse_schedules x', condition: (n) => vesselCondition('x.vessel_id', n) },
  campaign: { from: 'campaigns x', condition: (n) => vesselCondition('x.vessel_id', n) },
};

export type Presence = 'visible' | 'hidden' | 'absent';

/** Whether the record exists and whether the user sees it. */
export function presenceOf(sqlite: Database.Database, narrowing: Narrowing, kind: ScopedKind, id: string): Presence {
  const { from, condition } = LOOKUPS[kind];
  const where = condition(narrowing);
  const found = statement(sqlite, `SELECT ${where === null ? '1' : `CASE WHEN ${where} THEN 1 ELSE 0 END`} AS seen FROM ${from} WHERE x.id = @id`).get({ id }) as
    | { seen: number | null }
    | undefined;
  if (found === undefined) return 'absent';
  return found.seen === 1 ? 'visible' : 'hidden';
}

/**
 * Whether the user of the call in progress sees a stored record (true with no user or a user of the whole
 * organisation). For messages that would otherwise name a record the user does not see, such as a duplicate.
 */
export function seesRecord(sqlite: Database.Database, kind: ScopedKind, id: string): boolean {
  const narrowing = currentNarrowing();
  return narrowing === null || presenceOf(sqlite, narrowing, kind, id) === 'visible';
}
