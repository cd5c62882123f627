import { and, count, desc, eq, isNotNull, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { ParsedInput, ResultDetail, ResultRow } from '../../shared/api';
import { formatDate } from '../../shared/domain/dates';
import { searchWords } from '../../shared/domain/text';
import { localName } from '../../engine/psychometrics';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { assessmentResults, people } from '../db/schema';
import { write } from '../db/writes';
import { resolveInstrument } from './instruments';

type StoredResult = typeof assessmentResults.$inferSelect;

const personName = sql<string>`${people.givenNames} || ' ' || ${people.surname}`;

const rowColumns = {
  id: assessmentResults.id,
  personId: assessmentResults.personId,
  personName,
  instrumentId: assessmentResults.instrumentId,
  takenOn: assessmentResults.takenOn,
  context: assessmentResults.context,
  answered: assessmentResults.answered,
  items: sql<number>`json_array_length(${assessmentResults.items})`,
  verdict: assessmentResults.verdict,
  reasons: sql<number>`json_array_length(${assessmentResults.reasons})`,
  archivedAt: assessmentResults.archivedAt,
};

/** Stored results, newest first; the name search matches word prefixes of the person's folded sort key. */
export function listResults(ctx: ServiceContext, query: ParsedInput<'assessments.list'>): { total: number; rows: ResultRow[] } {
  const where: SQL[] = [];
  if (query.personId) where.push(eq(assessmentResults.personId, query.personId));
  if (query.context) where.push(eq(assessmentResults.context, query.context));
  if (query.verdict) where.push(eq(assessmentResults.verdict, query.verdict));
  if (query.archived === 'exclude') where.push(isNull(assessmentResults.archivedAt));
  if (query.archived === 'only') where.push(isNotNull(assessmentResults.archivedAt));
  for (const word of searchWords(query.search)) where.push(sql`(${like(people.sortKey, `${word}%`)} OR ${like(people.sortKey, `% ${word}%`)})`);
  const condition = where.length ? and(...where) : undefined;
  const db = ctx.db();
  const total = db.select({ n: count() }).from(assessmentResults).innerJoin(people, eq(people.id, assessmentResults.personId)).where(condition).get()!.n;
  const rows = db
    .select(rowColumns)
    .from(assessmentResults)
    .innerJoin(people, eq(people.id, assessmentResults.personId))
    .where(condition)
    .orderBy(desc(assessmentResults.takenOn), desc(assessmentResults.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  return { total, rows };
}

function resultRow(ctx: ServiceContext, id: string): ResultRow {
  const row = ctx.db().select(rowColumns).from(assessmentResults).innerJoin(people, eq(people.id, assessmentResults.personId)).where(eq(assessmentResults.id, id)).get();
  if (!row) throw notFound('Assessment result', id);
  return row;
}

export function storedResult(ctx: ServiceContext, id: string): StoredResult & { personName: string } {
  const found = ctx.db().select({ result: assessmentResults, personName }).from(assessmentResults).innerJoin(people, eq(people.id, assessmentResults.personId)).where(eq(assessmentResults.id, id)).get();
  if (!found) throw notFound('Assessment result', id);
  return { ...found.result, personName: found.personName };
}

/** One result with the instrument's scale and facet names, in the instrument's order. */
export function resultDetail(ctx: ServiceContext, id: string): ResultDetail {
  const r = storedResult(ctx, id);
  const instrument = resolveInstrument(ctx, r.instrumentId);
  const empty = { mean: null, sum: null };
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
    normRef: r.normRef ?? null,
    batchSize: r.batchSize,
    sourceFile: r.sourceFile,
  };
}

/**
 * Results are append-only history (ARCHITECTURE.md §Sync): archive and restore set the tombstone and nothing
 * else. A restore is refused when a live result of the same person, instrument and day exists.
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
      if (clash) throw new AppError('CONFLICT', `${current.personName} already has a live ${current.instrumentId} result for ${formatDate(current.takenOn)}; archive it first.`);
    }
    ctx.db().update(assessmentResults).set({ archivedAt: archived ? nowIso() : null }).where(eq(assessmentResults.id, id)).run();
  });
  return resultRow(ctx, id);
}
