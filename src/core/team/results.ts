import type { AssessmentContext } from '../../shared/api';
import type { ValidityReason, Verdict } from '../../shared/psychometrics';
import { onlyUnchecked } from '../../engine/psychometrics';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { scoresById } from '../psychometrics/local-groups';

/** The result a member's figures rest on: their latest that is not invalid (the screen says which). */
export interface LatestResult {
  id: string;
  personId: string;
  takenOn: string;
  context: AssessmentContext;
  verdict: Verdict;
  /** Questionable only because it could not be checked for random answering (too few results to compare with). */
  unchecked: boolean;
  scores: Record<string, number | null>;
}

const LATEST_SQL = `
  SELECT id, personId, takenOn, context, verdict, reasons FROM (
    SELECT r.id, r.person_id AS personId, r.taken_on AS takenOn, r.context, r.verdict, r.reasons,
      ROW_NUMBER() OVER (PARTITION BY r.person_id ORDER BY r.taken_on DESC, r.id DESC) AS rank
    FROM assessment_results r
    WHERE r.archived_at IS NULL AND r.instrument_id = @instrumentId AND r.verdict <> 'invalid'
      AND r.person_id IN (SELECT value FROM json_each(@ids)))
  WHERE rank = 1`;

const INVALID_SQL = `
  SELECT DISTINCT person_id AS personId FROM assessment_results
  WHERE archived_at IS NULL AND instrument_id = @instrumentId AND verdict = 'invalid' AND person_id IN (SELECT value FROM json_each(@ids))`;

/** Latest usable result per person, and who has only invalid ones (so the screen can say so). */
export async function latestResults(
  ctx: ServiceContext,
  instrumentId: string,
  scales: readonly string[],
  personIds: readonly string[],
): Promise<{ latest: Map<string, LatestResult>; onlyInvalid: Set<string> }> {
  if (personIds.length === 0) return { latest: new Map(), onlyInvalid: new Set() };
  const params = { instrumentId, ids: JSON.stringify(personIds) };
  const rows = statement(ctx.sqlite(), LATEST_SQL).all(params) as Array<Omit<LatestResult, 'scores' | 'unchecked'> & { reasons: string }>;
  const scores = await scoresById(ctx, rows.map((r) => r.id), scales);
  const latest = new Map(
    rows.map(({ reasons, ...r }) => [r.personId, { ...r, unchecked: onlyUnchecked(r.verdict, JSON.parse(reasons) as ValidityReason[]), scores: scores.get(r.id)! }]),
  );
  const invalid = (statement(ctx.sqlite(), INVALID_SQL).all(params) as Array<{ personId: string }>).map((r) => r.personId);
  return { latest, onlyInvalid: new Set(invalid.filter((id) => !latest.has(id))) };
}
