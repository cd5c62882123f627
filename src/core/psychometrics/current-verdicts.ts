import type { StoredComparison } from '../../shared/api';
import type { CarelessReport, PersonReport, ValidityReason, ValidityThresholds, Verdict } from '../../shared/psychometrics';
import { reassess, type InstrumentFacts } from '../../engine/psychometrics';
import type { ServiceContext } from '../context';
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
}

const parsed = (row: ScreeningColumns): StoredScreeningRow => ({
  ...row,
  careless: JSON.parse(row.careless) as CarelessReport,
  responseTime: row.responseTime === null ? null : (JSON.parse(row.responseTime) as PersonReport['responseTime']),
  comparison: row.comparison === null ? null : (JSON.parse(row.comparison) as StoredComparison),
});

function judge(row: StoredScreeningRow, instrument: InstrumentFacts, thresholds: ValidityThresholds) {
  // Results stored before the comparison group was kept were compared with their batch alone.
  const comparedWith = row.comparison?.size ?? row.batchSize;
  return reassess({ answered: row.answered, items: row.items, careless: row.careless, responseTime: row.responseTime, comparedWith }, instrument, thresholds);
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

/** The current verdict of each row, by id. */
export function currentVerdicts(ctx: ServiceContext, rows: readonly ScreeningColumns[]): Map<string, Verdict> {
  const { thresholds } = readAssessmentSettings(ctx);
  const rules = JSON.stringify(thresholds);
  if (cache.rules !== rules || cache.verdicts.size + rows.length > CACHE_LIMIT) cache = { rules, verdicts: new Map() };
  const facts = instrumentFacts(ctx);
  const out = new Map<string, Verdict>();
  for (const row of rows) {
    let verdict = cache.verdicts.get(row.id);
    if (verdict === undefined) {
      verdict = judge(parsed(row), facts(row.instrumentId), thresholds).verdict;
      cache.verdicts.set(row.id, verdict);
    }
    out.set(row.id, verdict);
  }
  return out;
}

/** The current verdict of one result with its reasons. */
export function currentJudgement(ctx: ServiceContext, row: StoredScreeningRow): { verdict: Verdict; reasons: ValidityReason[] } {
  const { verdict, findings } = judge(row, instrumentFacts(ctx)(row.instrumentId), readAssessmentSettings(ctx).thresholds);
  return { verdict, reasons: findings.map(({ index, value, cutoff, message }) => ({ index, value, cutoff, message })) };
}
