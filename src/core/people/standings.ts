import type Database from 'better-sqlite3';
import type { Department, PersonStatus, RotationPhase } from '../../shared/domain/crew';
import type { Placement } from '../../shared/api';
import { statement } from '../db/statements';
import { andScope, vesselCondition } from '../scope/sql';
import { openAssignment, rotationOf, rotationPhase } from '../db/assignment-status';

interface PlacementRow {
  assignmentId: string;
  personId: string;
  vesselId: string;
  vesselName: string;
  positionId: string;
  positionTitle: string;
  department: Department;
  startDate: string;
  endDate: string | null;
  rotationWeeksOn: number | null;
  rotationWeeksOff: number | null;
  rotationRestart: string | null;
  phase: RotationPhase;
}

export interface Standing {
  status: PersonStatus;
  placement: Placement | null;
}

const placementsSql = (inScope: string) => `
  SELECT a.id AS assignmentId, a.person_id AS personId, v.id AS vesselId, v.name AS vesselName,
         pos.id AS positionId, pos.title AS positionTitle, pos.department AS department,
         a.start_date AS startDate, a.end_date AS endDate,
         a.rotation_weeks_on AS rotationWeeksOn, a.rotation_weeks_off AS rotationWeeksOff, a.rotation_restart AS rotationRestart,
         ${rotationPhase('a')} AS phase
  FROM assignments a
  JOIN positions pos ON pos.id = a.position_id
  JOIN vessels v ON v.id = pos.vessel_id
  WHERE a.person_id IN (SELECT value FROM json_each(@ids)) AND ${openAssignment('a')}${inScope}
  ORDER BY a.start_date`;

/**
 * Status and placement (the current assignment, else the next planned one) of each person on a date.
 * Archived people are "archived" whatever their assignments say. A user scoped to vessels sees only the
 * assignments on their vessels: someone who has left for another yacht is, to them, no longer placed.
 */
export function standings(
  sqlite: Database.Database,
  people: ReadonlyArray<{ id: string; archivedAt: string | null }>,
  asOf: string,
): Map<string, Standing> {
  const rows = people.length === 0 ? [] : (statement(sqlite, placementsSql(andScope(vesselCondition('pos.vessel_id')))).all({ ids: JSON.stringify(people.map((p) => p.id)), asOf }) as PlacementRow[]);
  const byPerson = new Map<string, { current?: PlacementRow; next?: PlacementRow }>();
  for (const row of rows) {
    const entry = byPerson.get(row.personId) ?? {};
    if (row.startDate <= asOf) entry.current ??= row;
    else entry.next ??= row;
    byPerson.set(row.personId, entry);
  }
  const result = new Map<string, Standing>();
  for (const person of people) {
    const entry = byPerson.get(person.id);
    const chosen = entry?.current ?? entry?.next;
    const placement: Placement | null = chosen
      ? {
          assignmentId: chosen.assignmentId,
          vesselId: chosen.vesselId,
          vesselName: chosen.vesselName,
          positionId: chosen.positionId,
          positionTitle: chosen.positionTitle,
          department: chosen.department,
          startDate: chosen.startDate,
          endDate: chosen.endDate,
          rotation: rotationOf(chosen),
          rotationRestart: chosen.rotationRestart,
        }
      : null;
    const status: PersonStatus =
      person.archivedAt !== null ? 'archived' : entry?.current ? entry.current.phase : entry?.next ? 'joining' : 'unassigned';
    result.set(person.id, { status, placement });
  }
  return result;
}
