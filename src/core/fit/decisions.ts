import type { z } from 'zod';
import type { decisionSchema, ParsedInput } from '../../shared/api';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { andScope, personCondition, vesselCondition } from '../scope/sql';
import { fitDecisions } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { logExists } from './log';
import { currentOperator } from './operator';
import { explain } from './ranking';

/**
 * Decisions taken on a ranking (docs/fit-and-prediction.md#advisory): who decided what about whom, why in their
 * own words, and the basis — the person's figures as worked out when the decision was recorded, and the log
 * entry of the ranking they were shown. People have a right to an explanation of decisions about them.
 */
type Decision = z.infer<typeof decisionSchema>;

const DECISIONS_SQL = (where: string) => `
  SELECT d.id, d.person_id AS personId, p.given_names || ' ' || p.surname AS personName, d.position_id AS positionId, pos.title AS positionTitle,
         v.name AS vessel, d.decision, d.note, d.basis, d.log_id AS logId, d.decided_by AS decidedBy, d.created_at AS createdAt
  FROM fit_decisions d JOIN people p ON p.id = d.person_id JOIN positions pos ON pos.id = d.position_id JOIN vessels v ON v.id = pos.vessel_id
  WHERE d.archived_at IS NULL ${where} ORDER BY d.created_at DESC, d.id`;

export function listDecisions(ctx: ServiceContext, input: { personId?: string; positionId?: string }): Decision[] {
  // Decisions about people the signed-in user sees, on positions of their vessels (docs/security.md#scope).
  const onVessels = vesselCondition('pos.vessel_id');
  const where = [
    input.personId ? 'AND d.person_id = @personId' : '',
    input.positionId ? 'AND d.position_id = @positionId' : '',
    andScope(personCondition('d.person_id')),
    onVessels === null ? '' : `AND d.position_id IN (SELECT pos.id FROM positions pos WHERE ${onVessels})`,
  ].join(' ');
  const rows = statement(ctx.sqlite(), DECISIONS_SQL(where)).all({ ...(input.personId ? { personId: input.personId } : {}), ...(input.positionId ? { positionId: input.positionId } : {}) }) as Array<Omit<Decision, 'basis'> & { basis: string }>;
  return rows.map((r) => ({ ...r, basis: JSON.parse(r.basis) as Record<string, unknown> }));
}

export async function recordDecision(ctx: ServiceContext, input: ParsedInput<'fit.decide'>): Promise<Decision> {
  if (input.logId && !logExists(ctx, input.logId)) throw new AppError('NOT_FOUND', 'The ranking this decision refers to is not in the advisory log');
  const shown = await explain(ctx, { positionId: input.positionId, personId: input.personId, preset: input.preset, weights: input.weights, asOf: input.asOf }, 'decision basis recorded');
  const c = shown.candidate;
  const basis = {
    score: c.score,
    confidence: c.confidence,
    subScores: c.subScores,
    strengths: c.strengths,
    gaps: c.gaps,
    percentile: c.percentile,
    success: c.prediction.probability,
    model: shown.model.version,
    preset: shown.preset,
    weights: shown.weights,
    explanationLogId: shown.logId,
  };
  const id = write(ctx.sqlite(), () =>
    ctx
      .db()
      .insert(fitDecisions)
      .values({ personId: input.personId, positionId: input.positionId, decision: input.decision, note: input.note, basis, logId: input.logId ?? shown.logId, decidedBy: currentOperator().operator })
      .returning({ id: fitDecisions.id })
      .get().id,
  );
  return listDecisions(ctx, { personId: input.personId }).find((d) => d.id === id)!;
}
