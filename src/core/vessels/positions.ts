import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Position } from '../../shared/api';
import type { positionInputSchema, positionUpdateSchema } from '../../shared/api';
import { AppError } from '../api/errors';
import { rotationColumns } from '../db/assignment-status';
import type { ServiceContext } from '../context';
import { mustBeAboardByDefault } from '../../shared/domain/manning';
import { nowIso } from '../db/ids';
import { positions } from '../db/schema';
import { write } from '../db/writes';
import { getPositionRow, getVesselRow, toPosition } from './records';
import { openAssignmentsOn } from './staffing';

type PositionInput = z.output<typeof positionInputSchema>;
type PositionUpdate = z.output<typeof positionUpdateSchema>;

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
