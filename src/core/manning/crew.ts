import type { TeamGroup } from '../../shared/api';
import type { Department } from '../../shared/domain/crew';
import { inPost, isAboard, stintFrom, type Stint } from '../../engine/team';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';

/** A stint with what the screen shows of it. */
export interface CrewStint extends Stint {
  vesselId: string;
  department: Department;
  positionTitle: string;
  name: string;
}

const STINTS_SQL = (oneVessel: boolean) => `
  SELECT a.person_id AS personId, pos.vessel_id AS vesselId, pos.department AS department, pos.title AS positionTitle,
         a.start_date AS startDate, a.end_date AS endDate, a.rotation_weeks_on AS rotationWeeksOn, a.rotation_weeks_off AS rotationWeeksOff,
         a.rotation_restart AS rotationRestart,
         pe.given_names || ' ' || pe.surname AS name
  FROM assignments a
  JOIN positions pos ON pos.id = a.position_id
  JOIN people pe ON pe.id = a.person_id
  WHERE a.archived_at IS NULL AND pe.archived_at IS NULL ${oneVessel ? 'AND pos.vessel_id = @vesselId' : ''}
  ORDER BY a.start_date, a.id`;

interface StintRow {
  personId: string;
  vesselId: string;
  department: Department;
  positionTitle: string;
  startDate: string;
  endDate: string | null;
  rotationWeeksOn: number | null;
  rotationWeeksOff: number | null;
  rotationRestart: string | null;
  name: string;
}

/** Every live assignment of live people, past, current and planned: of one vessel, or of all. */
export function crewStints(ctx: ServiceContext, vesselId: string | null): CrewStint[] {
  const rows = statement(ctx.sqlite(), STINTS_SQL(vesselId !== null)).all(vesselId === null ? {} : { vesselId }) as StintRow[];
  return rows.map((row) => ({ ...stintFrom(row), vesselId: row.vesselId, department: row.department, positionTitle: row.positionTitle, name: row.name }));
}

export interface GroupMember {
  personId: string;
  name: string;
  positionTitle: string;
  department: Department;
  aboard: boolean;
}

/**
 * Who is in the group on a day: the whole crew in post; those aboard by rotation (the one rule, `isAboard`); or
 * the crew in post of one department. One entry per person.
 */
export function groupMembers(stints: readonly CrewStint[], day: number, group: TeamGroup): GroupMember[] {
  const members = new Map<string, GroupMember>();
  for (const stint of stints) {
    if (!inPost(stint, day) || members.has(stint.personId)) continue;
    const aboard = isAboard(stint, day);
    if (group.kind === 'aboard' && !aboard) continue;
    if (group.kind === 'department' && stint.department !== group.department) continue;
    members.set(stint.personId, { personId: stint.personId, name: stint.name, positionTitle: stint.positionTitle, department: stint.department, aboard });
  }
  return [...members.values()];
}
