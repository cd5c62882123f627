import { CONTEXT_GROUP, NO_POSITION_GROUP, type AssessmentContext, type Grouping, type StoredScaleScore } from '../../shared/api';
import { DEPARTMENT_LABELS, type Department } from '../../shared/domain/crew';
import { localNorms, type LocalNormGroup, type LocalNormRecord } from '../../engine/psychometrics';
import type { ServiceContext } from '../context';

/**
 * Local norm groups from stored results (issue 3 §3; the IPIP site recommends local norms, SPEC §2). A person
 * counts once per context — with their latest result that is not invalid — and belongs to the position they
 * held when they answered; failing that the one they joined next (an applicant who was hired), failing that the
 * last one they held. Applicants and incumbents always form separate groups (SPEC §2).
 */

export interface StoredForNorms {
  personId: string;
  context: AssessmentContext;
  title: string | null;
  department: Department | null;
  scores: Record<string, number | null>;
}

interface Stint {
  startDate: string;
  endDate: string | null;
  title: string;
  department: Department;
}
type Post = { title: string | null; department: Department | null };

/** Live assignments with their position, by person, oldest first. */
function stintsByPerson(ctx: ServiceContext, personId?: string): Map<string, Stint[]> {
  const rows = ctx
    .sqlite()
    .prepare(
      `SELECT a.person_id AS personId, a.start_date AS startDate, a.end_date AS endDate, pos.title, pos.department
       FROM assignments a JOIN positions pos ON pos.id = a.position_id
       WHERE a.archived_at IS NULL ${personId ? 'AND a.person_id = ?' : ''} ORDER BY a.person_id, a.start_date, a.id`,
    )
    .all(...(personId ? [personId] : [])) as Array<Stint & { personId: string }>;
  const map = new Map<string, Stint[]>();
  for (const { personId: id, ...stint } of rows) map.set(id, [...(map.get(id) ?? []), stint]);
  return map;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The post held on `takenOn`; else the one joined next (an applicant who was hired); else the nearest earlier. */
function postOn(stints: readonly Stint[] | undefined, takenOn: string): Post {
  if (!stints?.length) return { title: null, department: null };
  const rank = (s: Stint) => (s.startDate <= takenOn && (s.endDate === null || s.endDate >= takenOn) ? 0 : s.startDate > takenOn ? 1 : 2);
  const distance = (s: Stint) => Math.abs(dayNumber(s.startDate) - dayNumber(takenOn));
  let best = stints[0]!;
  for (const s of stints) if (rank(s) < rank(best) || (rank(s) === rank(best) && distance(s) < distance(best))) best = s;
  return { title: best.title, department: best.department };
}

function scoresOf(scales: string, facets: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const json of [scales, facets]) {
    const parsed = JSON.parse(json) as Record<string, StoredScaleScore>;
    for (const id in parsed) out[id] = parsed[id]!.mean;
  }
  return out;
}

/**
 * Scale and facet means by result id. Results are append-only (ARCHITECTURE.md §Sync) and ids are UUIDv7, so a
 * result's scores never change and can be kept across calls; only new results are read and parsed.
 */
const scoreCache = new Map<string, Record<string, number | null>>();
const SCORE_CACHE_LIMIT = 250_000;
const FETCH_CHUNK = 500;

export function scoresById(ctx: ServiceContext, ids: readonly string[]): Map<string, Record<string, number | null>> {
  const missing = ids.filter((id) => !scoreCache.has(id));
  if (scoreCache.size + missing.length > SCORE_CACHE_LIMIT) scoreCache.clear();
  for (let start = 0; start < missing.length; start += FETCH_CHUNK) {
    const chunk = missing.slice(start, start + FETCH_CHUNK);
    const rows = ctx
      .sqlite()
      .prepare(`SELECT id, scales, facets FROM assessment_results WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as Array<{ id: string; scales: string; facets: string }>;
    for (const row of rows) scoreCache.set(row.id, scoresOf(row.scales, row.facets));
  }
  return new Map(ids.map((id) => [id, scoreCache.get(id) ?? {}]));
}

export function storedForNorms(ctx: ServiceContext, instrumentId: string): { records: StoredForNorms[]; excludedInvalid: number } {
  const sqlite = ctx.sqlite();
  const rows = sqlite
    .prepare(
      `SELECT id, personId, context, takenOn FROM (
         SELECT r.id, r.person_id AS personId, r.context, r.taken_on AS takenOn,
           ROW_NUMBER() OVER (PARTITION BY r.person_id, r.context ORDER BY r.taken_on DESC, r.id DESC) AS rank
         FROM assessment_results r JOIN people p ON p.id = r.person_id
         WHERE r.archived_at IS NULL AND p.archived_at IS NULL AND r.instrument_id = ? AND r.verdict <> 'invalid')
       WHERE rank = 1`,
    )
    .all(instrumentId) as Array<{ id: string; personId: string; context: AssessmentContext; takenOn: string }>;
  const { n } = sqlite.prepare("SELECT count(*) AS n FROM assessment_results WHERE archived_at IS NULL AND instrument_id = ? AND verdict = 'invalid'").get(instrumentId) as { n: number };
  const stints = stintsByPerson(ctx);
  const scores = scoresById(ctx, rows.map((row) => row.id));
  return {
    records: rows.map((row) => ({ personId: row.personId, context: row.context, ...postOn(stints.get(row.personId), row.takenOn), scores: scores.get(row.id)! })),
    excludedInvalid: n,
  };
}

/** The post of one stored result, by the same rule as the groups. */
export function postOfResult(ctx: ServiceContext, result: { personId: string; takenOn: string }): Post {
  return postOn(stintsByPerson(ctx, result.personId).get(result.personId), result.takenOn);
}

export function groupLabel(by: Grouping, post: Post): string {
  if (by === 'context') return CONTEXT_GROUP;
  if (by === 'position') return post.title ?? NO_POSITION_GROUP;
  return post.department ? DEPARTMENT_LABELS[post.department] : NO_POSITION_GROUP;
}

/** Groups, sorted by label then population, computed by the engine (mean and sd per scale, minimum size). */
export function localGroups(records: readonly StoredForNorms[], by: Grouping, minGroupSize: number, scales: readonly string[]): LocalNormGroup[] {
  const labelled: LocalNormRecord[] = records.map((r) => ({ group: groupLabel(by, r), population: r.context, scores: r.scores }));
  return localNorms(labelled, { minGroupSize, scales }).sort((a, b) => a.group.localeCompare(b.group) || a.population.localeCompare(b.population));
}
