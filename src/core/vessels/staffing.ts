import { eq } from 'drizzle-orm';
import type { CrewMember, PositionStaffing } from '../../shared/api';
import type { AssignmentState, RotationPhase } from '../../shared/domain/crew';
import { todayIsoDate } from '../../shared/domain/dates';
import type { ServiceContext } from '../context';
import { drizzleCondition, vesselCondition } from '../scope/sql';
import { assignmentState, currentAssignment, openAssignment, plannedAssignment, rotationOf, rotationPhase } from '../db/assignment-status';
import { positions } from '../db/schema';
import { statement } from '../db/statements';
import { toPosition } from './records';

const STAFFING_SQL = (oneVessel: boolean) => `
  SELECT pos.id,
    (SELECT count(*) FROM assignments a WHERE a.position_id = pos.id AND ${currentAssignment('a')}) AS current,
    (SELECT count(*) FROM assignments a WHERE a.position_id = pos.id AND ${plannedAssignment('a')}) AS planned
  FROM positions pos ${oneVessel ? 'WHERE pos.vessel_id = @vesselId' : ''}`;

/** Positions (of one vessel, or all) with how many people hold them today, are planned, and the vacancies left. */
export function listPositions(ctx: ServiceContext, vesselId: string | null, asOf: string): PositionStaffing[] {
  const counts = statement(ctx.sqlite(), STAFFING_SQL(vesselId !== null)).all(vesselId === null ? { asOf } : { asOf, vesselId }) as Array<{ id: string; current: number; planned: number }>;
  const staffing = new Map(counts.map((c) => [c.id, c]));
  // Across the fleet: the positions of the vessels the signed-in user sees (docs/security.md#scope).
  const rows = ctx
    .db()
    .select()
    .from(positions)
    .where(vesselId === null ? drizzleCondition(vesselCondition('positions.vessel_id')) : eq(positions.vesselId, vesselId))
    .all();
  return rows.map((row) => {
    const { current, planned } = staffing.get(row.id)!;
    return { ...toPosition(row), current, planned, vacancies: row.archivedAt === null ? Math.max(0, row.headcount - current) : 0 };
  });
}

/** Current and planned (not ended, not archived) assignments on a vessel or a position, as of today. */
export function openAssignmentsOn(ctx: ServiceContext, on: { vesselId: string } | { positionId: string }): number {
  const where = 'vesselId' in on ? 'pos.vessel_id = @id' : 'pos.id = @id';
  const sql = `SELECT count(*) AS n FROM assignments a JOIN positions pos ON pos.id = a.position_id WHERE ${where} AND ${openAssignment('a')}`;
  const id = 'vesselId' in on ? on.vesselId : on.positionId;
  return (statement(ctx.sqlite(), sql).get({ id, asOf: todayIsoDate() }) as { n: number }).n;
}

const CREW_SQL = `
  SELECT a.id AS assignmentId, a.person_id AS personId, pe.given_names AS givenNames, pe.surname AS surname,
         pe.nationalities AS nationalities, pos.id AS positionId, pos.title AS positionTitle, pos.department AS department,
         a.start_date AS startDate, a.end_date AS endDate, a.archived_at AS archivedAt,
         a.rotation_weeks_on AS rotationWeeksOn, a.rotation_weeks_off AS rotationWeeksOff, a.rotation_restart AS rotationRestart,
         ${rotationPhase('a')} AS phase
  FROM assignments a
  JOIN positions pos ON pos.id = a.position_id
  JOIN people pe ON pe.id = a.person_id
  WHERE pos.vessel_id = @vesselId AND a.archived_at IS NULL`;

/** Everyone assigned to a vessel (not archived assignments), with where each assignment stands on the date. */
export function crewOfVessel(ctx: ServiceContext, vesselId: string, asOf: string): Array<CrewMember & { state: AssignmentState }> {
  const rows = statement(ctx.sqlite(), CREW_SQL).all({ vesselId, asOf }) as Array<
    Omit<CrewMember, 'nationalities' | 'rotation'> & { nationalities: string; archivedAt: null; rotationWeeksOn: number | null; rotationWeeksOff: number | null; phase: RotationPhase }
  >;
  return rows.map(({ rotationWeeksOn, rotationWeeksOff, archivedAt, nationalities, phase, ...row }) => {
    const state = assignmentState({ startDate: row.startDate, endDate: row.endDate, archivedAt }, asOf);
    return {
      ...row,
      nationalities: JSON.parse(nationalities) as string[],
      rotation: rotationOf({ rotationWeeksOn, rotationWeeksOff }),
      phase: state === 'current' ? phase : null,
      state,
    };
  });
}
