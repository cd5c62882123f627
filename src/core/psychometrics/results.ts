import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ParsedInput, ResultDetail, ResultListSort, ResultRow } from '../../shared/api';
import { verdicts, type ValidityReason } from '../../shared/psychometrics';
import { words } from '../../shared/words';
import { formatDate } from '../../shared/domain/dates';
import { localName, onlyUnchecked } from '../../engine/psychometrics';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { assessedCondition } from '../scope/sql';
import { nowIso } from '../db/ids';
import { byLabelSql } from '../db/order';
import { assessmentResults, people } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { nameSearch } from '../people/name-search';
import { currentJudgement, currentVerdicts, currentVerdictsOf, type ScreeningColumns } from './current-verdicts';
import { instrumentName, resolveInstrument } from './instruments';
import { takenWords } from './taken';

type StoredResult = typeof assessmentResults.$inferSelect;

const personName = sql<string>`${people.givenNames} || ' ' || ${people.surname}`;

/** What the list shows of a result, and what its current verdict is judged from. */
const ROW_COLUMNS = `r.id, r.person_id AS personId, p.given_names || ' ' || p.surname AS personName, r.instrument_id AS instrumentId,
  r.taken_on AS takenOn, r.context, r.answered, json_array_length(r.items) AS items, r.verdict, json_array_length(r.reasons) AS reasons, r.reasons AS reasonList,
  r.archived_at AS archivedAt, r.careless, r.response_time AS responseTime, r.comparison, r.batch_size AS batchSize, r.proctoring`;
const NEWEST_FIRST = 'ORDER BY r.taken_on DESC, r.id DESC';

/** What each column of the results list sorts by: what the row shows; the newest first among equals. */
const SORT_KEYS: Record<ResultListSort, string> = {
  takenOn: 'r.taken_on',
  person: 'p.sort_key',
  context: byLabelSql('r.context', words.assessmentContexts),
  answered: 'CAST(r.answered AS REAL) / json_array_length(r.items)',
  // From sound to unusable, as the verdicts read.
  verdict: `CASE r.verdict ${verdicts.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`,
};

function orderOf(query: Pick<ParsedInput<'assessments.list'>, 'sort' | 'descending'>): string {
  return `ORDER BY ${SORT_KEYS[query.sort]} ${query.descending ? 'DESC' : 'ASC'}, r.taken_on DESC, r.id DESC`;
}

type StoredRow = Omit<ResultRow, 'instrumentName' | 'currentVerdict' | 'unchecked'> & ScreeningColumns & { reasonList: string };

function conditions(query: ParsedInput<'assessments.list'>): { where: string; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  const equal = (column: string, key: 'personId' | 'context' | 'verdict') => {
    const value = query[key];
    if (value === undefined) return;
    where.push(`${column} = @${key}`);
    params[key] = value;
  };
  equal('r.person_id', 'personId');
  equal('r.context', 'context');
  equal('r.verdict', 'verdict');
  if (query.archived === 'exclude') where.push('r.archived_at IS NULL');
  if (query.archived === 'only') where.push('r.archived_at IS NOT NULL');
  // Only results of people the signed-in user sees; a head of department, of their department (docs/security.md#scope).
  const inScope = assessedCondition('r.person_id');
  if (inScope !== null) where.push(inScope);
  const name = nameSearch(query.search);
  if (name) {
    where.push(name.matches('r.person_id'));
    Object.assign(params, name.params);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Rows as the list shows them: the instrument by name, and the verdict under the current rules beside the stored one. */
function shown(ctx: ServiceContext, rows: readonly StoredRow[]): ResultRow[] {
  const now = currentVerdicts(ctx, rows);
  const names = new Map<string, string>();
  const nameOf = (id: string) => names.get(id) ?? names.set(id, instrumentName(ctx, id)).get(id)!;
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: r.personName,
    instrumentId: r.instrumentId,
    instrumentName: nameOf(r.instrumentId),
    takenOn: r.takenOn,
    context: r.context,
    answered: r.answered,
    items: r.items,
    verdict: r.verdict,
    reasons: r.reasons,
    unchecked: onlyUnchecked(r.verdict, JSON.parse(r.reasonList) as ValidityReason[]),
    currentVerdict: now.get(r.id)!,
    archivedAt: r.archivedAt,
  }));
}

function rowsById(ctx: ServiceContext, ids: readonly string[]): StoredRow[] {
  return statement(ctx.sqlite(), `SELECT ${ROW_COLUMNS} FROM assessment_results r JOIN people p ON p.id = r.person_id WHERE r.id IN (SELECT value FROM json_each(@ids)) ${NEWEST_FIRST}`).all({
    ids: JSON.stringify(ids),
  }) as StoredRow[];
}

/**
 * Stored results, newest first or by a column, a page at a time. The name search is the crew list's (name-search.ts). Results
 * whose verdict would change under the current rules are found by judging every result the other filters keep.
 */
export async function listResults(ctx: ServiceContext, query: ParsedInput<'assessments.list'>): Promise<{ total: number; rows: ResultRow[] }> {
  const { where, params } = conditions(query);
  const sqlite = ctx.sqlite();
  if (query.verdictChanged) {
    // Live results are read from the covering index alone (the verdict sits behind the stored answers).
    const from = query.archived === 'exclude' ? 'assessment_results r INDEXED BY assessment_results_live' : 'assessment_results r';
    const all = statement(sqlite, `SELECT r.id, r.verdict FROM ${from} ${where}`).all(params) as Array<{ id: string; verdict: string }>;
    const now = await currentVerdictsOf(ctx, all.map((r) => r.id));
    const changed = all.filter((r) => now.get(r.id) !== r.verdict).map((r) => r.id);
    const page = statement(sqlite, `SELECT ${ROW_COLUMNS} FROM assessment_results r JOIN people p ON p.id = r.person_id WHERE r.id IN (SELECT value FROM json_each(@ids)) ${orderOf(query)} LIMIT @limit OFFSET @offset`).all({
      ids: JSON.stringify(changed),
      limit: query.limit,
      offset: query.offset,
    }) as StoredRow[];
    return { total: changed.length, rows: shown(ctx, page) };
  }
  const total = (statement(sqlite, `SELECT count(*) AS n FROM assessment_results r ${where}`).get(params) as { n: number }).n;
  const rows = statement(sqlite, `SELECT ${ROW_COLUMNS} FROM assessment_results r JOIN people p ON p.id = r.person_id ${where} ${orderOf(query)} LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: query.limit,
    offset: query.offset,
  }) as StoredRow[];
  return { total, rows: shown(ctx, rows) };
}

function resultRow(ctx: ServiceContext, id: string): ResultRow {
  const [row] = rowsById(ctx, [id]);
  if (!row) throw notFound('assessmentResult', id);
  return shown(ctx, [row])[0]!;
}

export function storedResult(ctx: ServiceContext, id: string): StoredResult & { personName: string } {
  const found = ctx.db().select({ result: assessmentResults, personName }).from(assessmentResults).innerJoin(people, eq(people.id, assessmentResults.personId)).where(eq(assessmentResults.id, id)).get();
  if (!found) throw notFound('assessmentResult', id);
  return { ...found.result, personName: found.personName };
}

/** One result with the instrument's scale and facet names, in the instrument's order, and its current verdict. */
export function resultDetail(ctx: ServiceContext, id: string): ResultDetail {
  const r = storedResult(ctx, id);
  const instrument = resolveInstrument(ctx, r.instrumentId);
  const empty = { mean: null, sum: null };
  const now = currentJudgement(ctx, { ...r, items: r.items.length, responseTime: r.responseTime ?? null, comparison: r.comparison ?? null, proctoring: r.proctoring ?? null });
  return {
    id: r.id,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    archivedAt: r.archivedAt,
    personId: r.personId,
    personName: r.personName,
    instrumentId: r.instrumentId,
    instrumentName: instrument.name ?? instrument.id,
    instrumentVersion: r.instrumentVersion,
    takenOn: r.takenOn,
    context: r.context,
    answered: r.answered,
    items: r.items.length,
    scales: instrument.scales.map((s) => ({ id: s.id, name: localName(s.name, s.id), ...(r.scales[s.id] ?? empty) })),
    facets: instrument.facets.map((f) => ({ id: f.id, name: localName(f.name, f.id), scale: f.scale, ...(r.facets[f.id] ?? empty) })),
    careless: r.careless,
    responseTime: r.responseTime ?? null,
    verdict: r.verdict,
    reasons: r.reasons,
    unchecked: onlyUnchecked(r.verdict, r.reasons),
    notComputed: r.notComputed,
    comparison: r.comparison ?? null,
    currentVerdict: now.verdict,
    currentReasons: now.reasons,
    normRef: r.normRef ?? null,
    batchSize: r.batchSize,
    sourceFile: r.sourceFile,
    session: r.sessionId
      ? { id: r.sessionId, taken: takenWords(ctx, r) ?? '', language: r.language ?? 'en', engineVersion: r.engineVersion ?? '', proctoring: r.proctoring ?? [] }
      : null,
  };
}

/**
 * Results are append-only history (docs/architecture.md#the-write-path): archive and restore set the tombstone and
 * nothing else. A restore is refused when a live result of the same person, instrument and day exists.
 */
export function setResultArchived(ctx: ServiceContext, id: string, archived: boolean): ResultRow {
  const current = storedResult(ctx, id);
  if ((current.archivedAt !== null) === archived) return resultRow(ctx, id);
  write(ctx.sqlite(), () => {
    if (!archived) {
      const clash = ctx
        .db()
        .select({ id: assessmentResults.id })
        .from(assessmentResults)
        .where(and(eq(assessmentResults.personId, current.personId), eq(assessmentResults.instrumentId, current.instrumentId), eq(assessmentResults.takenOn, current.takenOn), isNull(assessmentResults.archivedAt)))
        .get();
      if (clash) throw new AppError('CONFLICT', `${current.personName} already has a ${instrumentName(ctx, current.instrumentId)} result of ${formatDate(current.takenOn)} that is not archived; archive it first.`);
    }
    ctx.db().update(assessmentResults).set({ archivedAt: archived ? nowIso() : null }).where(eq(assessmentResults.id, id)).run();
  });
  return resultRow(ctx, id);
}
