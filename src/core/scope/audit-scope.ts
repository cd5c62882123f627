import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { followKeys, type RowSql } from '../db/key-paths';
import * as schema from '../db/schema';
import type { Narrowing } from './narrowing';
import { currentNarrowing } from './narrowing';
import { personCondition, quote } from './sql';

/**
 * Which audit-log entries a user narrowed to vessels reads (docs/security.md#scope). An entry is about one row;
 * a row that belongs to a vessel (a position, an assignment, its outcome, a requisition, an application, an
 * interview…) is theirs when its vessel is; any other row is theirs when its person is someone they see. So the
 * history of a person who once served on another yacht shows their documents and results, not that yacht's
 * assignment. Their own acts are always theirs.
 */

/** How a row leads to its vessel: the vessels row, a `vessel_id` column, or foreign keys to one (three steps). */
function vesselPath(table: SQLiteTable, depth: number): RowSql | null {
  return followKeys(table, depth, (t) => {
    if (getTableName(t) === 'vessels') return (row) => `${row}."id"`;
    return Object.values(getTableColumns(t)).some((c) => c.name === 'vessel_id') ? (row) => `${row}."vessel_id"` : null;
  });
}

let cachedVesselOf: string | null = null;

/** SQL for the vessel of the row an entry of alias `a` is about, or NULL (a row of no vessel, or no row). */
function entryVessel(): string {
  if (cachedVesselOf !== null) return cachedVesselOf;
  const arms: string[] = [];
  for (const table of Object.values(schema) as unknown[]) {
    if (!is(table, SQLiteTable) || !Object.values(getTableColumns(table)).some((c) => c.name === 'id')) continue;
    const path = vesselPath(table, 3);
    if (path) arms.push(`WHEN ${quote(getTableName(table))} THEN (SELECT ${path('t')} FROM main."${getTableName(table)}" t WHERE t."id" = a.row_id)`);
  }
  cachedVesselOf = `(CASE a.tbl ${arms.join(' ')} ELSE NULL END)`;
  return cachedVesselOf;
}

/** The condition on audit-log alias `a`, or null when the user reads the whole log. */
export function auditCondition(narrowing: Narrowing | null = currentNarrowing()): string | null {
  if (narrowing === null) return null;
  const own = `a.actor_id = ${quote(narrowing.userId)}`;
  if (narrowing.kind === 'self') return own;
  if (narrowing.vesselIds === null) return null;
  const vessels = narrowing.vesselIds.length === 0 ? '(NULL)' : `(${narrowing.vesselIds.map(quote).join(', ')})`;
  // The head of department's narrowing to results of their department does not narrow the log further.
  const person = personCondition('a.person_id', { ...narrowing, department: null });
  const vessel = entryVessel();
  return `(${own} OR ${vessel} IN ${vessels} OR (${vessel} IS NULL AND ${person}))`;
}
