import { eq } from 'drizzle-orm';
import type { Position, Vessel } from '../../shared/api';
import { notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { rotationOf } from '../db/assignment-status';
import { positions, vessels } from '../db/schema';

/** Stored vessels and positions read by id (NOT_FOUND when there is none), as the contract shows them. */
export type PositionRow = typeof positions.$inferSelect;

export function getVesselRow(ctx: ServiceContext, id: string): Vessel {
  const row = ctx.db().select().from(vessels).where(eq(vessels.id, id)).get();
  if (!row) throw notFound('Vessel', id);
  return row;
}

export function toPosition(row: PositionRow): Position {
  const { rotationWeeksOn: _on, rotationWeeksOff: _off, ...rest } = row;
  return { ...rest, rotation: rotationOf(row) };
}

export function getPositionRow(ctx: ServiceContext, id: string): PositionRow {
  const row = ctx.db().select().from(positions).where(eq(positions.id, id)).get();
  if (!row) throw notFound('Position', id);
  return row;
}
