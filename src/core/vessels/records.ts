import { eq } from 'drizzle-orm';
import type { Position, Vessel } from '../../shared/api';
import { notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { rotationOf } from '../db/assignment-status';
import { positions, vessels } from '../db/schema';

export type PositionRow = typeof positions.$inferSelect;

/** A stored vessel by id; NOT_FOUND when there is none. */
export function getVesselRow(ctx: ServiceContext, id: string): Vessel {
  const row = ctx.db().select().from(vessels).where(eq(vessels.id, id)).get();
  if (!row) throw notFound('vessel', id);
  return row;
}

/** A position as the contract shows it: its rotation as "4:2", not the two stored columns. */
export function toPosition(row: PositionRow): Position {
  const { rotationWeeksOn: _on, rotationWeeksOff: _off, ...rest } = row;
  return { ...rest, rotation: rotationOf(row) };
}

/** A stored position by id; NOT_FOUND when there is none. */
export function getPositionRow(ctx: ServiceContext, id: string): PositionRow {
  const row = ctx.db().select().from(positions).where(eq(positions.id, id)).get();
  if (!row) throw notFound('position', id);
  return row;
}
