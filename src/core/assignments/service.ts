import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Assignment } from '../../shared/api';
import type { assignmentInputSchema, assignmentUpdateSchema } from '../../shared/api';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { formatDate, formatDateRange } from '../../shared/domain/dates';
import { nowIso } from '../db/ids';
import { assignments, positions, vessels } from '../db/schema';
import { write } from '../db/writes';
import { getPersonRow } from '../people/service';
import { getPositionRow, getVesselRow } from '../vessels/records';
import { rotationColumns, rotationOf } from '../db/assignment-status';

type AssignmentRow = typeof assignments.$inferSelect;
type AssignmentInput = z.output<typeof assignmentInputSchema>;
type AssignmentUpdate = z.output<typeof assignmentUpdateSchema>;

export function toAssignment(row: AssignmentRow): Assignment {
  const { rotationWeeksOn: _on, rotationWeeksOff: _off, ...rest } = row;
  return { ...rest, rotation: rotationOf(row) };
}

function getAssignmentRow(ctx: ServiceContext, id: string): AssignmentRow {
  const row = ctx.db().select().from(assignments).where(eq(assignments.id, id)).get();
  if (!row) throw notFound('assignment', id);
  return row;
}

const describeDates = (a: { startDate: string; endDate: string | null }) => `${formatDateRange(a.startDate, a.endDate)}${a.endDate ? '' : ', open-ended'}`;

/**
 * A person is never in two places at once: a new or changed assignment may not overlap any other live
 * assignment of theirs (dates inclusive; an open end runs forever). The CONFLICT names the other one.
 */
function assertNoOverlap(ctx: ServiceContext, personId: string, range: { startDate: string; endDate: string | null }, exceptId?: string): void {
  const others = ctx
    .db()
    .select({ id: assignments.id, startDate: assignments.startDate, endDate: assignments.endDate, title: positions.title, vesselName: vessels.name, archivedAt: assignments.archivedAt })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .innerJoin(vessels, eq(vessels.id, positions.vesselId))
    .where(and(eq(assignments.personId, personId), exceptId ? ne(assignments.id, exceptId) : undefined))
    .all();
  const clash = others.find(
    (o) =>
      o.archivedAt === null &&
      (range.endDate === null || o.startDate <= range.endDate) &&
      (o.endDate === null || range.startDate <= o.endDate),
  );
  if (clash) {
    throw new AppError(
      'CONFLICT',
      `Double booking: this overlaps their assignment as ${clash.title} on ${clash.vesselName} (${describeDates(clash)})`,
      { assignmentId: clash.id, issues: [{ path: 'startDate', message: `Overlaps ${clash.title} on ${clash.vesselName} (${describeDates(clash)})` }] },
    );
  }
}

function assertAssignable(ctx: ServiceContext, personId: string, positionId: string) {
  const person = getPersonRow(ctx, personId);
  if (person.archivedAt !== null) throw new AppError('CONFLICT', `${person.givenNames} ${person.surname} is archived; restore them first`);
  const position = getPositionRow(ctx, positionId);
  if (position.archivedAt !== null) throw new AppError('CONFLICT', `The position ${position.title} is archived; restore it first`);
  const vessel = getVesselRow(ctx, position.vesselId);
  if (vessel.archivedAt !== null) throw new AppError('CONFLICT', `${vessel.name} is archived; restore it first`);
  return position;
}


export function createAssignment(ctx: ServiceContext, { rotation, ...input }: AssignmentInput): Assignment {
  return write(ctx.sqlite(), () => {
    const position = assertAssignable(ctx, input.personId, input.positionId);
    assertNoOverlap(ctx, input.personId, input);
    // Left out, the rotation is the position's; an explicit null means none.
    const columns = rotation === undefined ? { rotationWeeksOn: position.rotationWeeksOn, rotationWeeksOff: position.rotationWeeksOff } : rotationColumns(rotation);
    return toAssignment(ctx.db().insert(assignments).values({ ...input, ...columns }).returning().get());
  });
}

/**
 * A rotation restart kept from before a change must still fit it: dropped with the rotation or when the
 * assignment now ends before it (it would change nothing), refused when the start moves past it.
 */
function keptRestart(existing: AssignmentRow, next: { startDate: string; endDate: string | null; rotation: string | null; rotationRestart?: string | null }): string | null {
  const restart = next.rotationRestart === undefined ? existing.rotationRestart : next.rotationRestart;
  if (restart === null || next.rotation === null || (next.endDate !== null && restart > next.endDate)) return null;
  if (restart < next.startDate) {
    const message = `The rotation restarts on ${formatDate(restart)}, outside the new dates: change or clear the restart`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'rotationRestart', message }] });
  }
  return restart;
}

export function updateAssignment(ctx: ServiceContext, { id, rotation, rotationRestart, ...input }: AssignmentUpdate): Assignment {
  return write(ctx.sqlite(), () => {
    const existing = getAssignmentRow(ctx, id);
    if (existing.archivedAt !== null) throw new AppError('CONFLICT', 'This assignment is archived; restore it before changing it');
    assertNoOverlap(ctx, existing.personId, input, id);
    const restart = keptRestart(existing, { ...input, rotation, rotationRestart });
    return toAssignment(ctx.db().update(assignments).set({ ...input, ...rotationColumns(rotation), rotationRestart: restart }).where(eq(assignments.id, id)).returning().get());
  });
}

export function archiveAssignment(ctx: ServiceContext, id: string): Assignment {
  return write(ctx.sqlite(), () => {
    const existing = getAssignmentRow(ctx, id);
    if (existing.archivedAt !== null) return toAssignment(existing);
    return toAssignment(ctx.db().update(assignments).set({ archivedAt: nowIso() }).where(eq(assignments.id, id)).returning().get());
  });
}

export function restoreAssignment(ctx: ServiceContext, id: string): Assignment {
  return write(ctx.sqlite(), () => {
    const existing = getAssignmentRow(ctx, id);
    if (existing.archivedAt === null) return toAssignment(existing);
    assertAssignable(ctx, existing.personId, existing.positionId);
    assertNoOverlap(ctx, existing.personId, existing, id);
    return toAssignment(ctx.db().update(assignments).set({ archivedAt: null }).where(eq(assignments.id, id)).returning().get());
  });
}
