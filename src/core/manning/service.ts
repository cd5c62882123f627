import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../shared/api';
import type { DutyGap as ApiDutyGap, ManningCrew, StaggerChange as ApiStaggerChange } from '../../shared/api/manning';
import { bySeniority, type Department } from '../../shared/domain/crew';
import { addDaysIso, formatDate, todayIsoDate } from '../../shared/domain/dates';
import { manningCalendar, proposeStagger, type DutyGap, type ManningAssignment, type ManningPosition } from '../../engine/manning';
import { AppError } from '../api/errors';
import { rotationOf } from '../db/assignment-status';
import type { ServiceContext } from '../context';
import { assignments } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { getVesselRow } from '../vessels/records';

type RangeInput = ParsedInput<'vessels.manning'>;
type ApplyInput = ParsedInput<'vessels.applyStagger'>;

interface CrewAssignment extends ManningAssignment {
  personId: string;
  name: string;
}

const POSITIONS_SQL = `
  SELECT id, department, title, must_be_aboard AS mustBeAboard
  FROM positions WHERE vessel_id = @vesselId AND archived_at IS NULL`;

const ASSIGNMENTS_SQL = `
  SELECT a.id, a.person_id AS personId, pe.given_names || ' ' || pe.surname AS name, a.position_id AS positionId,
         a.start_date AS startDate, a.end_date AS endDate, a.rotation_weeks_on AS weeksOn, a.rotation_weeks_off AS weeksOff,
         a.rotation_restart AS rotationRestart
  FROM assignments a
  JOIN positions pos ON pos.id = a.position_id
  JOIN people pe ON pe.id = a.person_id
  WHERE pos.vessel_id = @vesselId AND pos.archived_at IS NULL AND a.archived_at IS NULL
    AND a.start_date <= @to AND (a.end_date IS NULL OR a.end_date >= @from)
  ORDER BY a.start_date, a.id`;

interface AssignmentRow extends Omit<CrewAssignment, 'rotation'> {
  weeksOn: number | null;
  weeksOff: number | null;
}

/** A vessel's live positions (most senior first) and the live assignments to them that touch the range. */
function rota(ctx: ServiceContext, vesselId: string, from: string, to: string) {
  getVesselRow(ctx, vesselId);
  const positions = (statement(ctx.sqlite(), POSITIONS_SQL).all({ vesselId }) as Array<Omit<ManningPosition, 'mustBeAboard'> & { mustBeAboard: number }>)
    .map((p) => ({ ...p, mustBeAboard: p.mustBeAboard === 1 }))
    .sort(bySeniority);
  const rows = statement(ctx.sqlite(), ASSIGNMENTS_SQL).all({ vesselId, from, to }) as AssignmentRow[];
  const crew: CrewAssignment[] = rows.map(({ weeksOn, weeksOff, ...row }) => ({
    ...row,
    rotation: weeksOn !== null && weeksOff !== null ? { weeksOn, weeksOff } : null,
  }));
  return { positions, crew };
}

const rangeOf = (input: RangeInput) => {
  const from = input.from ?? todayIsoDate();
  return { from, to: addDaysIso(from, input.days - 1), days: input.days };
};

const toApiGap = (gap: DutyGap): ApiDutyGap => ({ duty: gap.duty.key, label: gap.duty.label, positionIds: gap.positionIds, days: gap.days, runs: gap.runs });

const rotationText = (a: ManningAssignment) => rotationOf({ rotationWeeksOn: a.rotation?.weeksOn ?? null, rotationWeeksOff: a.rotation?.weeksOff ?? null });

/** Who is aboard each day of the range, by department, and the must-be-aboard duties left uncovered. */
export function vesselManning(ctx: ServiceContext, input: RangeInput) {
  const { from, to, days } = rangeOf(input);
  const { positions, crew } = rota(ctx, input.vesselId, from, to);
  const calendar = manningCalendar({ positions, assignments: crew, from, days });
  return {
    vesselId: input.vesselId,
    from,
    to,
    aboard: calendar.aboard,
    crew: calendar.crew.map(
      ({ assignment: a, position, phases }): ManningCrew => ({
        assignmentId: a.id,
        personId: a.personId,
        name: a.name,
        positionId: position.id,
        positionTitle: position.title,
        department: position.department,
        mustBeAboard: position.mustBeAboard,
        rotation: rotationText(a),
        rotationRestart: a.rotationRestart,
        phases,
      }),
    ),
    gaps: calendar.gaps.map(toApiGap),
  };
}

/** New rotation restarts that would cover the must-be-aboard duties better; nothing is stored. */
export function staggerProposal(ctx: ServiceContext, input: RangeInput) {
  const { from, to, days } = rangeOf(input);
  const { positions, crew } = rota(ctx, input.vesselId, from, to);
  const proposal = proposeStagger({ positions, assignments: crew, from, days });
  const positionOf = new Map(positions.map((p) => [p.id, p]));
  return {
    from,
    to,
    changes: proposal.changes.map(({ assignment: a, restart }): ApiStaggerChange => {
      const position = positionOf.get(a.positionId)!;
      return {
        assignmentId: a.id,
        personId: a.personId,
        name: a.name,
        positionTitle: position.title,
        department: position.department as Department,
        rotation: rotationText(a)!,
        currentRestart: a.rotationRestart,
        restart,
      };
    }),
    before: proposal.before.map(toApiGap),
    after: proposal.after.map(toApiGap),
  };
}

const TARGET_SQL = `
  SELECT a.id, a.start_date AS startDate, a.end_date AS endDate, a.rotation_weeks_on AS weeksOn, a.rotation_restart AS rotationRestart,
         a.archived_at AS archivedAt, pos.vessel_id AS vesselId, pe.given_names || ' ' || pe.surname AS name
  FROM assignments a JOIN positions pos ON pos.id = a.position_id JOIN people pe ON pe.id = a.person_id
  WHERE a.id = @id`;

interface TargetRow {
  id: string;
  startDate: string;
  endDate: string | null;
  weeksOn: number | null;
  rotationRestart: string | null;
  archivedAt: string | null;
  vesselId: string;
  name: string;
}

/**
 * Sets the rotation restarts of a confirmed proposal, or puts the earlier ones back (Undo): every change names
 * the restart it expects to replace, so a proposal made before someone else's edit is refused, not half-applied.
 */
export function applyStagger(ctx: ServiceContext, input: ApplyInput): { changed: number } {
  return write(ctx.sqlite(), () => {
    const vessel = getVesselRow(ctx, input.vesselId);
    if (vessel.archivedAt !== null) throw new AppError('CONFLICT', `${vessel.name} is archived; restore it before changing rotations`);
    const seen = new Set<string>();
    for (const change of input.changes) {
      if (seen.has(change.assignmentId)) throw new AppError('VALIDATION', 'The same assignment is changed twice in one proposal');
      seen.add(change.assignmentId);
      const row = statement(ctx.sqlite(), TARGET_SQL).get({ id: change.assignmentId }) as TargetRow | undefined;
      if (!row || row.vesselId !== input.vesselId) throw new AppError('NOT_FOUND', `An assignment of the proposal is not on ${vessel.name}`);
      if (row.archivedAt !== null) throw new AppError('CONFLICT', `${row.name}'s assignment has been archived since the proposal was made; look at it again`);
      if (row.weeksOn === null) throw new AppError('CONFLICT', `${row.name} no longer has a rotation; look at the proposal again`);
      if (row.rotationRestart !== change.from) throw new AppError('CONFLICT', `${row.name}'s rotation has changed since the proposal was made; look at it again`);
      if (change.to !== null && (change.to < row.startDate || (row.endDate !== null && change.to > row.endDate))) {
        throw new AppError('VALIDATION', `${row.name}'s rotation cannot restart on ${formatDate(change.to)}: the assignment runs ${row.endDate ? `from ${formatDate(row.startDate)} to ${formatDate(row.endDate)}` : `from ${formatDate(row.startDate)}`}`);
      }
      ctx.db().update(assignments).set({ rotationRestart: change.to }).where(eq(assignments.id, change.assignmentId)).run();
    }
    return { changed: input.changes.length };
  });
}

