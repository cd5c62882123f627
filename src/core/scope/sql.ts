import { sql, type SQL } from 'drizzle-orm';
import { currentNarrowing, type Narrowing } from './narrowing';

/**
 * The SQL predicates of scope (docs/security.md#scope), added to the queries that build lists, counts and
 * exports. Each takes the column to test and answers a condition, or null when the call in progress sees
 * everything (the query then runs unchanged: nothing is added for a user of the whole organisation).
 *
 * Vessel ids, user ids and the department are written into the SQL as quoted literals rather than bound: they
 * come from the signed-in user, not from the request, and this keeps every list's own parameters untouched.
 */
export const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const list = (values: readonly string[]): string => (values.length === 0 ? "(NULL)" : `(${values.map(quote).join(', ')})`);

const NOTHING = '0';

/** The vessel column `column` is one of the user's vessels. */
export function vesselCondition(column: string, narrowing: Narrowing | null = currentNarrowing()): string | null {
  if (narrowing === null) return null;
  if (narrowing.kind === 'self') return NOTHING;
  return narrowing.vesselIds === null ? null : `${column} IN ${list(narrowing.vesselIds)}`;
}

/**
 * The people linked to the user's vessels: an assignment on one of them (at any time, archived or not), an
 * application to one of their requisitions, or created by the user (so that a person a captain enters does not
 * vanish from their screen before they are assigned).
 */
function linkedPeople(vesselIds: readonly string[], userId: string): string {
  const vessels = list(vesselIds);
  return `SELECT a.person_id FROM assignments a JOIN positions pos ON pos.id = a.position_id WHERE pos.vessel_id IN ${vessels}
    UNION SELECT ap.person_id FROM applications ap JOIN requisitions r ON r.id = ap.requisition_id JOIN positions pos ON pos.id = r.position_id WHERE pos.vessel_id IN ${vessels}
    UNION SELECT p.id FROM people p WHERE p.created_by = ${quote(userId)}`;
}

/** The person column `column` is someone the user sees. */
export function personCondition(column: string, narrowing: Narrowing | null = currentNarrowing()): string | null {
  if (narrowing === null) return null;
  if (narrowing.kind === 'self') return narrowing.personId === null ? NOTHING : `${column} = ${quote(narrowing.personId)}`;
  return narrowing.vesselIds === null ? null : `${column} IN (${linkedPeople(narrowing.vesselIds, narrowing.userId)})`;
}

/**
 * The person column `column` is someone whose assessment results, profiles and team figures the user sees: a
 * person they see, and for a head of department one who holds or held a position of their department (on their
 * vessels). A crew member sees their own.
 */
export function assessedCondition(column: string, narrowing: Narrowing | null = currentNarrowing()): string | null {
  if (narrowing === null) return null;
  const person = personCondition(column, narrowing);
  if (narrowing.kind === 'self' || narrowing.department === null) return person;
  const onVessels = narrowing.vesselIds === null ? '' : ` AND pos.vessel_id IN ${list(narrowing.vesselIds)}`;
  const department = `${column} IN (SELECT a.person_id FROM assignments a JOIN positions pos ON pos.id = a.position_id WHERE pos.department = ${quote(narrowing.department)}${onVessels})`;
  return person === null ? department : `${person} AND ${department}`;
}

/** A department column `column` (of a position, a pulse answer) is the head of department's own, when they have one. */
export function departmentCondition(column: string, narrowing: Narrowing | null = currentNarrowing()): string | null {
  if (narrowing === null) return null;
  if (narrowing.kind === 'self') return NOTHING;
  return narrowing.department === null ? null : `${column} = ${quote(narrowing.department)}`;
}

/** The conditions that apply, joined with AND, or null. */
export function allOf(...conditions: Array<string | null>): string | null {
  const present = conditions.filter((c): c is string => c !== null);
  return present.length === 0 ? null : present.map((c) => `(${c})`).join(' AND ');
}

/** ` AND condition`, or nothing: to append to a WHERE clause that already has conditions. */
export const andScope = (condition: string | null): string => (condition === null ? '' : ` AND ${condition}`);
/** `WHERE condition`, or nothing. */
export const whereScope = (condition: string | null): string => (condition === null ? '' : ` WHERE ${condition}`);

/** A condition for drizzle's `and(…)`: undefined (no condition) when the user sees everything. */
export const drizzleCondition = (condition: string | null): SQL | undefined => (condition === null ? undefined : sql.raw(condition));

/**
 * A questionnaire session of table alias `t` is the user's to see: a named one is its person's; an anonymous pulse
 * answer (no person) belongs to its vessel.
 */
export function sessionCondition(t: string, narrowing: Narrowing | null = currentNarrowing()): string | null {
  const person = personCondition(`${t}.person_id`, narrowing);
  const vessel = vesselCondition(`${t}.vessel_id`, narrowing);
  if (person === null && vessel === null) return null;
  return `(${t}.person_id IS NOT NULL AND ${person ?? '1'}) OR (${t}.person_id IS NULL AND ${vessel ?? '1'})`;
}
