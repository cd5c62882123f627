import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { todayIsoDate } from '../../shared/domain/dates';
import { PREDICTORS, type PredictorName } from '../../shared/fit/model';
import type { Outcome, outcomeInputSchema } from '../../shared/api';
import { factorsFor, fitScore, preparePosition, type FitResult } from '../../engine/fit';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { andScope, vesselCondition } from '../scope/sql';
import { nowIso } from '../db/ids';
import { assignmentOutcomes } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { candidateData } from './candidates';
import { predictionDefaults } from './models';
import { currentOperator } from './operator';
import { fitSettings, livePeople, placeEveryone, positionSetup } from './position';
import { resolveWeights } from './presets';

/**
 * Outcomes of ended assignments (docs/fit-and-prediction.md#outcomes): completed or left early and why, a rating
 * and whether the vessel would rehire. With each, the four predictors as they stood at the assignment's start
 * are kept, so a recalibration fits exactly what the model would have seen. Success = completed and rated well
 * (4 or 5 of 5; unrated, "would rehire").
 */
type OutcomeInput = z.output<typeof outcomeInputSchema>;

const OUTCOMES_SQL = (where: string) => `
  SELECT o.id, o.assignment_id AS assignmentId, a.person_id AS personId, p.given_names || ' ' || p.surname AS personName, v.name AS vessel,
         pos.title AS positionTitle, a.start_date AS startDate, a.end_date AS endDate, o.completed, o.leave_reason AS leaveReason, o.note,
         o.rating, o.would_rehire AS wouldRehire, o.factors, o.recorded_by AS recordedBy, o.created_at AS createdAt
  FROM assignment_outcomes o JOIN assignments a ON a.id = o.assignment_id JOIN positions pos ON pos.id = a.position_id
  JOIN vessels v ON v.id = pos.vessel_id JOIN people p ON p.id = a.person_id
  WHERE o.archived_at IS NULL ${where} ORDER BY a.end_date DESC, o.id`;

const PENDING_SQL = (where: string) => `
  SELECT a.id AS assignmentId, a.person_id AS personId, p.given_names || ' ' || p.surname AS personName, v.name AS vessel, pos.title AS positionTitle,
         a.start_date AS startDate, a.end_date AS endDate
  FROM assignments a JOIN positions pos ON pos.id = a.position_id JOIN vessels v ON v.id = pos.vessel_id JOIN people p ON p.id = a.person_id
  WHERE a.archived_at IS NULL AND a.end_date IS NOT NULL AND a.end_date <= @today ${where}
    AND NOT EXISTS (SELECT 1 FROM assignment_outcomes o WHERE o.assignment_id = a.id AND o.archived_at IS NULL)
  ORDER BY a.end_date DESC, a.id LIMIT 500`;

interface OutcomeRow extends Omit<Outcome, 'completed' | 'wouldRehire' | 'factors' | 'success'> {
  completed: number;
  wouldRehire: number | null;
  factors: string;
}

export const isSuccess = (o: { completed: boolean; rating: number | null; wouldRehire: boolean | null }): boolean => o.completed && (o.rating !== null ? o.rating >= 4 : o.wouldRehire === true);

function toOutcome(row: OutcomeRow): Outcome {
  const stored = JSON.parse(row.factors) as Record<string, number | null>;
  const completed = row.completed === 1;
  const wouldRehire = row.wouldRehire === null ? null : row.wouldRehire === 1;
  const factors = Object.fromEntries(PREDICTORS.map((p) => [p, stored[p] ?? null])) as Record<PredictorName, number | null>;
  return { ...row, completed, wouldRehire, factors, success: isSuccess({ completed, rating: row.rating, wouldRehire }) };
}

export function listOutcomes(ctx: ServiceContext, vesselId?: string) {
  // Outcomes on the vessels the signed-in user sees (docs/security.md#scope).
  const where = `${vesselId ? 'AND pos.vessel_id = @vesselId' : ''}${andScope(vesselCondition('pos.vessel_id'))}`;
  const params = vesselId ? { vesselId } : {};
  const outcomes = (statement(ctx.sqlite(), OUTCOMES_SQL(where)).all(params) as OutcomeRow[]).map(toOutcome);
  const pending = statement(ctx.sqlite(), PENDING_SQL(where)).all({ ...params, today: todayIsoDate() }) as Array<{ assignmentId: string; personId: string; personName: string; vessel: string; positionTitle: string; startDate: string; endDate: string }>;
  return { outcomes, pending };
}

/** Outcomes whose four predictors were all known: the data a recalibration fits. */
export function usableOutcomes(ctx: ServiceContext): Outcome[] {
  return listOutcomes(ctx).outcomes.filter((o) => PREDICTORS.every((p) => o.factors[p] !== null));
}

/** The four predictors of a person in a position on a day (an assignment's start), for its outcome record. */
export async function factorsAtStart(ctx: ServiceContext, personId: string, positionId: string, startDate: string): Promise<Record<string, number | null>> {
  const ids = livePeople(ctx);
  const placed = await placeEveryone(ctx, ids);
  // The team they joined: the crew that day without them.
  const setup = positionSetup(ctx, positionId, startDate, placed, personId);
  const prepared = preparePosition(setup.data, fitSettings(placed.domainNames), startDate);
  const [person] = candidateData(ctx, [personId], placed, startDate, positionId);
  if (!person) return { individual: null, team: null, environment: null, leader: null };
  // Their own stint in the position is not experience they brought to it.
  const before = { ...person, service: person.service.filter((r) => r.startDate < startDate), bookings: [] };
  const fit: FitResult = fitScore(before, prepared, resolveWeights(ctx, 'balanced', undefined).weights);
  return factorsFor(before, fit, prepared, predictionDefaults()).factors;
}

interface AssignmentRow {
  id: string;
  personId: string;
  positionId: string;
  startDate: string;
  endDate: string | null;
  archivedAt: string | null;
}

export async function recordOutcome(ctx: ServiceContext, input: OutcomeInput): Promise<Outcome> {
  const assignment = statement(ctx.sqlite(), 'SELECT id, person_id AS personId, position_id AS positionId, start_date AS startDate, end_date AS endDate, archived_at AS archivedAt FROM assignments WHERE id = ?').get(input.assignmentId) as AssignmentRow | undefined;
  if (!assignment) throw notFound('assignment', input.assignmentId);
  if (assignment.archivedAt !== null) throw new AppError('CONFLICT', 'This assignment is archived; restore it first');
  if (assignment.endDate === null || assignment.endDate > todayIsoDate()) throw new AppError('CONFLICT', 'This assignment has not ended yet: record its outcome once it has (set its end date first)');
  const factors = await factorsAtStart(ctx, assignment.personId, assignment.positionId, assignment.startDate);
  const id = write(ctx.sqlite(), () => {
    // A new record of the same assignment replaces the last one; the old stays as history.
    ctx.db().update(assignmentOutcomes).set({ archivedAt: nowIso() }).where(and(eq(assignmentOutcomes.assignmentId, assignment.id), isNull(assignmentOutcomes.archivedAt))).run();
    return ctx
      .db()
      .insert(assignmentOutcomes)
      .values({ assignmentId: assignment.id, completed: input.completed, leaveReason: input.completed ? null : input.leaveReason, note: input.note, rating: input.rating, wouldRehire: input.wouldRehire, factors, recordedBy: currentOperator().operator })
      .returning({ id: assignmentOutcomes.id })
      .get().id;
  });
  return listOutcomes(ctx).outcomes.find((o) => o.id === id)!;
}

export function archiveOutcome(ctx: ServiceContext, id: string): { archived: boolean } {
  return write(ctx.sqlite(), () => {
    const row = ctx.db().select().from(assignmentOutcomes).where(eq(assignmentOutcomes.id, id)).get();
    if (!row) throw notFound('outcome', id);
    ctx.db().update(assignmentOutcomes).set({ archivedAt: nowIso() }).where(eq(assignmentOutcomes.id, id)).run();
    return { archived: true };
  });
}
