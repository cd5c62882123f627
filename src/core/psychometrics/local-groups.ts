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

/** The position a person held for a result taken on `takenOn` (SQL on `a`/`pos`, correlated to `r`). */
const POST = `(SELECT pos.title || char(31) || pos.department FROM assignments a JOIN positions pos ON pos.id = a.position_id
  WHERE a.person_id = r.person_id AND a.archived_at IS NULL
  ORDER BY CASE WHEN a.start_date <= r.taken_on AND (a.end_date IS NULL OR a.end_date >= r.taken_on) THEN 0 WHEN a.start_date > r.taken_on THEN 1 ELSE 2 END,
    abs(julianday(a.start_date) - julianday(r.taken_on)), a.id LIMIT 1)`;

function splitPost(post: string | null): { title: string | null; department: Department | null } {
  if (post === null) return { title: null, department: null };
  const [title, department] = post.split('\u001f');
  return { title: title!, department: department as Department };
}

function scoresOf(scales: string, facets: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [id, s] of Object.entries({ ...(JSON.parse(scales) as Record<string, StoredScaleScore>), ...(JSON.parse(facets) as Record<string, StoredScaleScore>) })) out[id] = s.mean;
  return out;
}

export function storedForNorms(ctx: ServiceContext, instrumentId: string): { records: StoredForNorms[]; excludedInvalid: number } {
  const sqlite = ctx.sqlite();
  const rows = sqlite
    .prepare(
      `WITH latest AS (
         SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.person_id, r.context ORDER BY r.taken_on DESC, r.id DESC) AS rank
         FROM assessment_results r JOIN people p ON p.id = r.person_id
         WHERE r.archived_at IS NULL AND p.archived_at IS NULL AND r.instrument_id = ? AND r.verdict <> 'invalid')
       SELECT r.person_id AS personId, r.context, r.scales, r.facets, ${POST} AS post FROM latest r WHERE rank = 1`,
    )
    .all(instrumentId) as Array<{ personId: string; context: AssessmentContext; scales: string; facets: string; post: string | null }>;
  const { n } = sqlite.prepare("SELECT count(*) AS n FROM assessment_results WHERE archived_at IS NULL AND instrument_id = ? AND verdict = 'invalid'").get(instrumentId) as { n: number };
  return {
    records: rows.map((row) => ({ personId: row.personId, context: row.context, ...splitPost(row.post), scores: scoresOf(row.scales, row.facets) })),
    excludedInvalid: n,
  };
}

/** The post of one stored result, by the same rule as the groups. */
export function postOfResult(ctx: ServiceContext, resultId: string): { title: string | null; department: Department | null } {
  const row = ctx.sqlite().prepare(`SELECT ${POST} AS post FROM assessment_results r WHERE r.id = ?`).get(resultId) as { post: string | null } | undefined;
  return splitPost(row?.post ?? null);
}

export function groupLabel(by: Grouping, post: { title: string | null; department: Department | null }): string {
  if (by === 'context') return CONTEXT_GROUP;
  if (by === 'position') return post.title ?? NO_POSITION_GROUP;
  return post.department ? DEPARTMENT_LABELS[post.department] : NO_POSITION_GROUP;
}

/** Groups, sorted by label then population, computed by the engine (mean and sd per scale, minimum size). */
export function localGroups(records: readonly StoredForNorms[], by: Grouping, minGroupSize: number, scales: readonly string[]): LocalNormGroup[] {
  const labelled: LocalNormRecord[] = records.map((r) => ({ group: groupLabel(by, r), population: r.context, scores: r.scores }));
  return localNorms(labelled, { minGroupSize, scales }).sort((a, b) => a.group.localeCompare(b.group) || a.population.localeCompare(b.population));
}
