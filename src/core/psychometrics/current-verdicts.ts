import type { StoredComparison } from '../../shared/api';
import type { CarelessReport, PersonReport, ValidityReason, ValidityThresholds, Verdict } from '../../shared/psychometrics';
import type { ProctoringEvent } from '../../shared/questionnaires';
import { reassess, type InstrumentFacts } from '../../engine/psychometrics';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { yieldToEventLoop } from '../api/tasks';
import { resolveInstrument } from './instruments';
import { readAssessmentSettings } from './settings';

/**
 * Stored results judged again under the validity rules in force now (issue 10, finding 25): a view beside the
 * verdict each was given, which never changes. Results are append-only, so a result's current verdict changes
 * only with the rules: verdicts are kept per result until the rules change.
 */

/** The columns of a stored result its screening is judged from (JSON as stored). */
export interface ScreeningColumns {
  id: string;
  instrumentId: string;
  answered: number;
  items: number;
  careless: string;
  responseTime: string | null;
  comparison: string | null;
  batchSize: number;
  proctoring: string | null;
}

const CACHE_LIMIT = 250_000;
let cache: { rules: string; verdicts: Map<string, Verdict> } = { rules: '', verdicts: new Map() };

/** A stored result's screening, parsed. */
export interface StoredScreeningRow {
  instrumentId: string;
  answered: number;
  items: number;
  careless: CarelessReport;
  responseTime: PersonReport['responseTime'];
  comparison: StoredComparison | null;
  batchSize: number;
  proctoring: ProctoringEvent[] | null;
}

const parsed = (row: ScreeningColumns): StoredScreeningRow => ({
  ...row,
  proctoring: row.proctoring === null ? null : (JSON.parse(row.proctoring) as ProctoringEvent[]),
  careless: JSON.parse(row.careless) as CarelessReport,
  responseTime: row.responseTime === null ? null : (JSON.parse(row.responseTime) as PersonReport['responseTime']),
  comparison: row.comparison === null ? null : (JSON.parse(row.comparison) as StoredComparison),
});

function judge(row: StoredScreeningRow, instrument: InstrumentFacts, thresholds: ValidityThresholds) {
  // Results stored before the comparison group was kept were compared with their batch alone.
  const comparedWith = row.comparison?.size ?? row.batchSize;
  return reassess({ answered: row.answered, items: row.items, careless: row.careless, responseTime: row.responseTime, comparedWith, proctoring: row.proctoring }, instrument, thresholds);
}

/** Per instrument, what judging needs of it (found once per call). */
function instrumentFacts(ctx: ServiceContext): (id: string) => InstrumentFacts {
  const known = new Map<string, InstrumentFacts>();
  return (id) => {
    let facts = known.get(id);
    if (!facts) {
      const instrument = resolveInstrument(ctx, id);
      facts = { min: instrument.response.min, max: instrument.response.max, hasFacets: instrument.facets.length > 1 };
      known.set(id, facts);
    }
    return facts;
  };
}

/** The verdicts kept for the rules in force, emptied when the rules change. */
function verdictsFor(ctx: ServiceContext, adding: number) {
  const { thresholds } = readAssessmentSettings(ctx);
  const rules = JSON.stringify(thresholds);
  if (cache.rules !== rules || cache.verdicts.size + adding > CACHE_LIMIT) cache = { rules, verdicts: new Map() };
  const facts = instrumentFacts(ctx);
  const verdicts = cache.verdicts;
  return { verdicts, judge: (row: ScreeningColumns) => verdicts.get(row.id) ?? verdicts.set(row.id, judge(parsed(row), facts(row.instrumentId), thresholds).verdict).get(row.id)! };
}

/** The current verdict of each row, by id (rows read with their screening columns: a page of the list). */
export function currentVerdicts(ctx: ServiceContext, rows: readonly ScreeningColumns[]): Map<string, Verdict> {
  const { judge: verdictOf } = verdictsFor(ctx, rows.length);
  return new Map(rows.map((row) => [row.id, verdictOf(row)]));
}

export const SCREENING_COLUMNS = `r.id, r.instrument_id AS instrumentId, r.answered, json_array_length(r.items) AS items, r.careless,
  r.response_time AS responseTime, r.comparison, r.batch_size AS batchSize, r.proctoring`;
const JUDGE_CHUNK = 1_000;

/**
 * The current verdicts of many results, by id: those judged before under the same rules at once, the others
 * read and judged a chunk at a time, with other requests let through in between.
 */
export async function currentVerdictsOf(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, Verdict>> {
  const { verdicts, judge: verdictOf } = verdictsFor(ctx, ids.length);
  const missing = ids.filter((id) => !verdicts.has(id));
  for (let start = 0; start < missing.length; start += JUDGE_CHUNK) {
    if (start > 0) await yieldToEventLoop();
    const rows = statement(ctx.sqlite(), `SELECT ${SCREENING_COLUMNS} FROM assessment_results r WHERE r.id IN (SELECT value FROM json_each(@ids))`).all({
      ids: JSON.stringify(missing.slice(start, start + JUDGE_CHUNK)),
    }) as ScreeningColumns[];
    for (const row of rows) verdictOf(row);
  }
  return new Map(ids.map((id) => [id, verdicts.get(id)!]));
}

/** The current verdict of one result with its reasons. */
export function currentJudgement(ctx: ServiceContext, row: StoredScreeningRow): { verdict: Verdict; reasons: ValidityReason[] } {
  const { verdict, findings } = judge(row, instrumentFacts(ctx)(row.instrumentId), readAssessmentSettings(ctx).thresholds);
  return { verdict, reasons: findings.map(({ index, value, cutoff, message }) => ({ index, value, cutoff, message })) };
}
