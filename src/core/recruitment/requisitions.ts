import { eq } from 'drizzle-orm';
import { words } from '../../shared/words';
import type { Output, ParsedInput, Requisition } from '../../shared/api';
import { dayNumber } from '../../shared/domain/dates';
import { APPLICATION_STAGES, moveProblem, REQUISITION_MACHINE, type RequisitionStatus } from '../../shared/recruitment/pipeline';
import { requiredCertificates } from '../../engine/documents/requirements';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { vesselCondition } from '../scope/sql';
import { rotationColumns, rotationOf } from '../db/assignment-status';
import { nowIso } from '../db/ids';
import { requisitions } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { vesselOverrides } from '../documents/requirements';
import { currentOperator } from '../fit/operator';
import { cruisingAreas } from '../vessels/cruising-areas';
import { getPositionRow, getVesselRow } from '../vessels/records';

/**
 * Requisitions (docs/recruitment.md#requisitions): a job to fill on a vessel position, its terms, the
 * requirements taken from the position and edited, and its status, moved only along REQUISITION_MACHINE.
 */
type Row = typeof requisitions.$inferSelect;

const LIVE: readonly RequisitionStatus[] = ['draft', 'open', 'paused'];
const ENDED: readonly RequisitionStatus[] = ['filled', 'closed', 'cancelled'];

export const wholeDays = (fromIso: string, toIso: string): number => dayNumber(toIso.slice(0, 10)) - dayNumber(fromIso.slice(0, 10));

const VESSEL_SQL = 'SELECT v.id, v.name FROM positions p JOIN vessels v ON v.id = p.vessel_id WHERE p.id = ?';
const STAGES_SQL = 'SELECT stage, count(*) AS n FROM applications WHERE requisition_id = ? AND archived_at IS NULL GROUP BY stage';

export function toRequisition(ctx: ServiceContext, row: Row): Requisition {
  const vessel = statement(ctx.sqlite(), VESSEL_SQL).get(row.positionId) as { id: string; name: string };
  const counts = new Map((statement(ctx.sqlite(), STAGES_SQL).all(row.id) as Array<{ stage: string; n: number }>).map((c) => [c.stage, c.n]));
  const stages = Object.fromEntries(APPLICATION_STAGES.map((s) => [s, counts.get(s) ?? 0])) as Requisition['stages'];
  const { rotationWeeksOn: _on, rotationWeeksOff: _off, ...rest } = row;
  return {
    ...rest,
    vesselId: vessel.id,
    vessel: vessel.name,
    rotation: rotationOf(row),
    stages,
    placed: stages.placed,
    daysOpen: row.openedAt === null ? null : wholeDays(row.openedAt, row.endedAt ?? nowIso()),
    daysToFill: row.status === 'filled' && row.openedAt !== null && row.endedAt !== null ? wholeDays(row.openedAt, row.endedAt) : null,
  };
}

export function getRequisitionRow(ctx: ServiceContext, id: string): Row {
  const row = ctx.db().select().from(requisitions).where(eq(requisitions.id, id)).get();
  if (!row) throw notFound('requisition', id);
  return row;
}

export const getRequisition = (ctx: ServiceContext, id: string): Requisition => toRequisition(ctx, getRequisitionRow(ctx, id));

const ORDER = "CASE status WHEN 'open' THEN 0 WHEN 'paused' THEN 1 WHEN 'draft' THEN 2 ELSE 3 END, start_date, id";

export function listRequisitions(ctx: ServiceContext, status?: RequisitionStatus): Requisition[] {
  // Requisitions of the vessels the signed-in user sees (docs/security.md#scope).
  const inScope = vesselCondition('pos.vessel_id');
  const where = `${status ? 'AND status = @status' : ''}${inScope === null ? '' : ` AND position_id IN (SELECT pos.id FROM positions pos WHERE ${inScope})`}`;
  const ids = statement(ctx.sqlite(), `SELECT id FROM requisitions WHERE archived_at IS NULL ${where} ORDER BY ${ORDER}`).all(status ? { status } : {}) as Array<{ id: string }>;
  return ids.map((r) => getRequisition(ctx, r.id));
}

/** A new requisition's fields as the position gives them; the recruiter edits them before opening it. */
export function requisitionDefaults(ctx: ServiceContext, positionId: string): Output<'requisitions.defaults'> {
  const position = getPositionRow(ctx, positionId);
  const vessel = getVesselRow(ctx, position.vesselId);
  const areas = cruisingAreas().areas.filter((a) => vessel.cruisingAreas.includes(a.id) && !a.open);
  return {
    positionId,
    title: position.title,
    department: position.department,
    rotation: rotationOf(position),
    places: 1,
    requirements: {
      certificates: [...requiredCertificates(position.title, vesselOverrides(ctx, vessel.id))],
      minYearsAtSea: null,
      languages: ['English'],
      visas: [...new Set(areas.flatMap((a) => a.visas.slice(0, 1)))],
    },
  };
}

function assertLivePosition(ctx: ServiceContext, positionId: string) {
  const position = getPositionRow(ctx, positionId);
  if (position.archivedAt !== null) throw new AppError('CONFLICT', `The position ${position.title} is archived; restore it first`);
  const vessel = getVesselRow(ctx, position.vesselId);
  if (vessel.archivedAt !== null) throw new AppError('CONFLICT', `${vessel.name} is archived; restore it first`);
  return position;
}

const termsOf = (input: Omit<ParsedInput<'requisitions.create'>, 'positionId'>) => ({
  title: input.title,
  startDate: input.startDate,
  ...rotationColumns(input.rotation),
  salaryMin: input.salaryMin,
  salaryMax: input.salaryMax,
  currency: input.currency,
  places: input.places,
  requirements: input.requirements,
});

export function createRequisition(ctx: ServiceContext, input: ParsedInput<'requisitions.create'>): Requisition {
  const row = write(ctx.sqlite(), () => {
    const position = assertLivePosition(ctx, input.positionId);
    return ctx
      .db()
      .insert(requisitions)
      .values({ positionId: position.id, department: position.department, ...termsOf(input), status: 'draft', createdBy: currentOperator().operator })
      .returning()
      .get();
  });
  return toRequisition(ctx, row);
}

export function updateRequisition(ctx: ServiceContext, { id, ...input }: ParsedInput<'requisitions.update'>): Requisition {
  const row = write(ctx.sqlite(), () => {
    const existing = getRequisitionRow(ctx, id);
    if (ENDED.includes(existing.status)) throw new AppError('CONFLICT', `This requisition is ${words.requisitionStatuses[existing.status].toLowerCase()}; its terms can no longer change`);
    return ctx.db().update(requisitions).set(termsOf(input)).where(eq(requisitions.id, id)).returning().get();
  });
  return toRequisition(ctx, row);
}

/** Moves a requisition along its state machine inside the caller's write; stamps opening and ending. */
export function moveRequisitionRow(ctx: ServiceContext, existing: Row, to: RequisitionStatus): Row {
  const problem = moveProblem(REQUISITION_MACHINE, words.requisitionStatuses, existing.status, to);
  if (problem) throw new AppError('CONFLICT', problem, { allowed: REQUISITION_MACHINE.moves[existing.status] });
  const stamp = nowIso();
  return ctx
    .db()
    .update(requisitions)
    .set({ status: to, openedAt: existing.openedAt ?? (to === 'open' ? stamp : null), endedAt: LIVE.includes(to) ? null : stamp })
    .where(eq(requisitions.id, existing.id))
    .returning()
    .get();
}

export function moveRequisition(ctx: ServiceContext, id: string, to: RequisitionStatus): Requisition {
  const row = write(ctx.sqlite(), () => moveRequisitionRow(ctx, getRequisitionRow(ctx, id), to));
  return toRequisition(ctx, row);
}
