import type { AssessmentContext } from '../../shared/api';
import type { Grouping } from '../../shared/psychometrics';
import { postOn, type LocalGroupsOutput, type Post, type Stint, type StoredResults } from '../../engine/psychometrics';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { yieldToEventLoop } from '../api/tasks';
import { psychometricsPool } from './pool';
import { readAssessmentSettings } from './settings';

/**
 * Local norm groups from stored results (the rule is in the engine's local-groups.ts). The core only reads:
 * one covering-index scan of the live results, the assignments, and the scores of results it has not seen
 * before; the grouping runs in the worker pool, so no request waits behind it.
 */

/** Live assignments with their position, by person, oldest first. */
function stintsByPerson(ctx: ServiceContext, personId?: string): Record<string, Stint[]> {
  const rows = statement(
    ctx.sqlite(),
    `SELECT a.person_id AS personId, a.start_date AS startDate, a.end_date AS endDate, pos.title, pos.department
     FROM assignments a JOIN positions pos ON pos.id = a.position_id
     WHERE a.archived_at IS NULL ${personId ? 'AND a.person_id = @personId' : ''} ORDER BY a.person_id, a.start_date, a.id`,
  ).all(personId ? { personId } : {}) as Array<Stint & { personId: string }>;
  const out: Record<string, Stint[]> = {};
  for (const { personId: id, ...stint } of rows) (out[id] ??= []).push(stint);
  return out;
}

/**
 * Scale and facet means by result id, in the instrument's order (scales, then facets). Results are append-only
 * (docs/architecture.md#the-write-path) and ids are UUIDv7, so a result's scores never change and are kept across
 * calls; only results not seen before are read, a chunk at a time with other requests let through in between.
 */
const scoreCache = new Map<string, Float64Array>();
const SCORE_CACHE_LIMIT = 250_000;
const FETCH_CHUNK = 500;

/** Keeps the means of a result just scored, so the first local groups after an import need not read them back. */
export function rememberScores(id: string, means: Record<string, { mean: number | null }>, scales: readonly string[]): void {
  if (scoreCache.size < SCORE_CACHE_LIMIT) scoreCache.set(id, Float64Array.from(scales, (s) => means[s]?.mean ?? Number.NaN));
}

async function scoresOf(ctx: ServiceContext, ids: readonly string[], scales: readonly string[]): Promise<Float64Array> {
  const missing = ids.filter((id) => !scoreCache.has(id));
  if (scoreCache.size + missing.length > SCORE_CACHE_LIMIT) scoreCache.clear();
  for (let start = 0; start < missing.length; start += FETCH_CHUNK) {
    if (start > 0) await yieldToEventLoop();
    const chunk = missing.slice(start, start + FETCH_CHUNK);
    const rows = statement(ctx.sqlite(), 'SELECT id, scales, facets FROM assessment_results WHERE id IN (SELECT value FROM json_each(@ids))').all({ ids: JSON.stringify(chunk) }) as Array<{
      id: string;
      scales: string;
      facets: string;
    }>;
    for (const row of rows) rememberScores(row.id, { ...JSON.parse(row.scales), ...JSON.parse(row.facets) }, scales);
  }
  const out = new Float64Array(ids.length * scales.length);
  ids.forEach((id, i) => out.set(scoreCache.get(id) ?? new Float64Array(scales.length).fill(Number.NaN), i * scales.length));
  return out;
}

/** Scale and facet means of the given results by id (null where a mean is missing), from the same cache. */
export async function scoresById(ctx: ServiceContext, ids: readonly string[], scales: readonly string[]): Promise<Map<string, Record<string, number | null>>> {
  const flat = await scoresOf(ctx, ids, scales);
  return new Map(
    ids.map((id, i) => [id, Object.fromEntries(scales.map((scale, s) => [scale, Number.isNaN(flat[i * scales.length + s]!) ? null : flat[i * scales.length + s]!]))]),
  );
}

/** Every live result of the instrument, from the covering index (person, population, day, id, verdict). */
export function liveResults(ctx: ServiceContext, instrumentId: string): StoredResults {
  const rows = statement(
    ctx.sqlite(),
    `SELECT id, person_id, context, taken_on, verdict = 'invalid' FROM assessment_results INDEXED BY assessment_results_live
     WHERE instrument_id = @instrumentId AND archived_at IS NULL`,
  )
    .raw()
    .all({ instrumentId }) as Array<[string, string, AssessmentContext, string, number]>;
  return {
    ids: rows.map((r) => r[0]),
    people: rows.map((r) => r[1]),
    populations: rows.map((r) => r[2]),
    takenOn: rows.map((r) => r[3]),
    invalid: Uint8Array.from(rows, (r) => r[4]),
  };
}

/** The stored results of one instrument as the engine's local groups and reference samples read them. */
export async function storedResultsOf(ctx: ServiceContext, instrumentId: string, scales: readonly string[]) {
  const results = liveResults(ctx, instrumentId);
  const archivedPeople = statement(ctx.sqlite(), 'SELECT id FROM people WHERE archived_at IS NOT NULL').pluck().all() as string[];
  const stints = stintsByPerson(ctx);
  const scores = await scoresOf(ctx, results.ids, scales);
  return { results, archivedPeople, stints, scores };
}

/** The local groups of the groupings asked for, computed in the worker pool. */
export async function localGroupsOf(ctx: ServiceContext, instrumentId: string, scales: string[], groupings: Grouping[], minGroupSize?: number): Promise<LocalGroupsOutput> {
  const stored = await storedResultsOf(ctx, instrumentId, scales);
  return psychometricsPool(ctx).localGroups({ ...stored, scales, groupings, minGroupSize: minGroupSize ?? readAssessmentSettings(ctx).minGroupSize });
}

/** The post of one stored result, by the same rule as the groups. */
export function postOfResult(ctx: ServiceContext, result: { personId: string; takenOn: string }): Post {
  return postOn(stintsByPerson(ctx, result.personId)[result.personId], result.takenOn);
}
