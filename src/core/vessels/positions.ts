import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CrewMember, Position, PositionStaffing } from '../../shared/api';
import type { positionInputSchema, positionUpdateSchema } from '../../shared/api';
import { AppError, notFound } from '../api/errors';
import { assignmentState, currentAssignment, openAssignment, plannedAssignment, rotationColumns, rotationOf, rotationPhase, type AssignmentState } from '../assignments/status-sql';
import type { ServiceContext } from '../context';
import { todayIsoDate } from '../../shared/domain/dates';
import { mustBeAboardByDefault } from '../../shared/domain/manning';
import { nowIso } from '../db/ids';
import { positions } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { getVesselRow } from './service';

type PositionInput = z.output<typeof positionInputSchema>;
type PositionUpdate = z.output<typeof positionUpdateSchema>;
type PositionRow = typeof positions.$inferSelect;

export function toPosition(row: PositionRow): Position {
  const { rotationWeeksOn: _on, rotationWeeksOff: _off, ...rest } = row;
  return { ...rest, rotation: rotationOf(row) };
}


export function getPositionRow(ctx: ServiceContext, id: string): PositionRow {
  const row = ctx.db().select().from(positions).where(eq(positions.id, id)).get();
  if (!row) throw notFound('position', id);
  return row;
}

const STAFFING_SQL = (oneVessel: boolean) => `
  SELECT pos.*,
    (SELECT count(*) FROM assignments a WHERE a.position_id = pos.id AND ${currentAssignment('a')}) AS current,
    (SELECT count(*) FROM assignments a WHERE a.position_id = pos.id AND ${plannedAssignment('a')}) AS planned
  FROM positions pos ${oneVessel ? 'WHERE pos.vessel_id = @vesselId' : ''}`;

interface StaffingRow {
  id: string;
  vessel_id: string;
  department: Position['department'];
  title: string;
  headcount: number;
  rotation_weeks_on: number | null;
  rotation_weeks_off: number | null;
  employment_kind: Position['employmentKind'];
  must_be_aboard: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  current: number;
  planned: number;
}

/** Positions (of one vessel, or all) with how many people hold them today, are planned, and the vacancies left. */
export function listPositions(ctx: ServiceContext, vesselId: string | null, asOf: string): PositionStaffing[] {
  const rows = statement(ctx.sqlite(), STAFFING_SQL(vesselId !== null)).all(vesselId === null ? { asOf } : { asOf, vesselId }) as StaffingRow[];
  return rows.map((r) => ({
    id: r.id,
    vesselId: r.vessel_id,
    department: r.department,
    title: r.title,
    headcount: r.headcount,
    rotation: rotationOf({ rotationWeeksOn: r.rotation_weeks_on, rotationWeeksOff: r.rotation_weeks_off }),
    employmentKind: r.employment_kind,
    mustBeAboard: r.must_be_aboard === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    current: r.current,
    planned: r.planned,
    vacancies: r.archived_at === null ? Math.max(0, r.headcount - r.current) : 0,
  }));
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
    Omit<CrewMember, 'nationalities' | 'rotation'> & { nationalities: string; archivedAt: null; rotationWeeksOn: number | null; rotationWeeksOff: number | null; phase: 'onboard' | 'on_leave' }
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

export function createPosition(ctx: ServiceContext, { rotation, mustBeAboard, ...input }: PositionInput): Position {
  return write(ctx.sqlite(), () => {
    const vessel = getVesselRow(ctx, input.vesselId);
    if (vessel.archivedAt !== null) throw new AppError('CONFLICT', `${vessel.name} is archived; restore it before adding positions`);
    const values = { ...input, ...rotationColumns(rotation), mustBeAboard: mustBeAboard ?? mustBeAboardByDefault(input.title) };
    return toPosition(ctx.db().insert(positions).values(values).returning().get());
  });
}

export function updatePosition(ctx: ServiceContext, { id, rotation, mustBeAboard, ...input }: PositionUpdate): Position {
  return write(ctx.sqlite(), () => {
    const existing = getPositionRow(ctx, id);
    if (existing.archivedAt !== null) throw new AppError('CONFLICT', `The position ${existing.title} is archived; restore it before changing it`);
    const values = { ...input, ...rotationColumns(rotation), mustBeAboard: mustBeAboard ?? existing.mustBeAboard };
    return toPosition(ctx.db().update(positions).set(values).where(eq(positions.id, id)).returning().get());
  });
}

export function archivePosition(ctx: ServiceContext, id: string): Position {
  return write(ctx.sqlite(), () => {
    const position = getPositionRow(ctx, id);
    if (position.archivedAt !== null) return toPosition(position);
    const open = openAssignmentsOn(ctx, { positionId: id });
    if (open > 0) {
      throw new AppError('CONFLICT', `${position.title} has ${open} current or planned assignment${open === 1 ? '' : 's'}; end or archive them first`);
    }
    return toPosition(ctx.db().update(positions).set({ archivedAt: nowIso() }).where(eq(positions.id, id)).returning().get());
  });
}

export function restorePosition(ctx: ServiceContext, id: string): Position {
  return write(ctx.sqlite(), () => {
    const position = getPositionRow(ctx, id);
    if (position.archivedAt === null) return toPosition(position);
    const vessel = getVesselRow(ctx, position.vesselId);
    if (vessel.archivedAt !== null) throw new AppError('CONFLICT', `${vessel.name} is archived; restore the vessel first`);
    return toPosition(ctx.db().update(positions).set({ archivedAt: null }).where(eq(positions.id, id)).returning().get());
  });
}
