import { and, asc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { ArchivedFilter, NormTableRecord, ParsedInput } from '../../shared/api';
import type { NormTable } from '../../shared/psychometrics';
import { decodeText } from '../../shared/files/text-file';
import { parseNormsCsv } from '../../engine/psychometrics';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { normTables } from '../db/schema';
import { write } from '../db/writes';
import { asAppError } from './input-errors';
import { resolveInstrument } from './instruments';
import { words } from '../../shared/words';

/**
 * Imports a norm table (issue 3 §2): `scale,mean,sd[,n,source,label,population]`, every scale one of the
 * instrument's. The population the person chose must agree with a population column in the file: applicant
 * and volunteer norms are never mixed silently (docs/psychometrics.md#2-scale-scores-and-norms).
 */
export function importNormTable(ctx: ServiceContext, input: ParsedInput<'norms.import'>): NormTableRecord {
  const instrument = resolveInstrument(ctx, input.instrumentId, { forNewResults: true });
  let parsed: NormTable;
  try {
    const source = input.fileName ?? 'norms.csv';
    parsed = parseNormsCsv(decodeText(Buffer.from(input.contentBase64, 'base64'), source), instrument, source);
  } catch (error) {
    throw asAppError(error);
  }
  if (parsed.population !== 'unspecified' && parsed.population !== input.population) {
    throw new AppError('VALIDATION', `The file says its figures describe ${words.populations[parsed.population]}, but ${words.populations[input.population]} was chosen. Choose who the figures describe.`, {
      issues: [{ path: 'population', message: `The file says ${words.populations[parsed.population]}` }],
    });
  }
  const ns = parsed.rows.map((r) => r.n).filter((n): n is number => n !== null);
  const id = write(ctx.sqlite(), () =>
    ctx
      .db()
      .insert(normTables)
      .values({
        instrumentId: instrument.id,
        label: input.label,
        population: input.population,
        source: input.source,
        n: ns.length ? Math.max(...ns) : null,
        rows: parsed.rows,
      })
      .returning({ id: normTables.id })
      .get().id,
  );
  return normTableRecord(ctx, id);
}

export function listNormTables(ctx: ServiceContext, query: { instrumentId?: string | undefined; archived: ArchivedFilter }): NormTableRecord[] {
  const where: SQL[] = [];
  if (query.instrumentId) where.push(eq(normTables.instrumentId, query.instrumentId));
  if (query.archived === 'exclude') where.push(isNull(normTables.archivedAt));
  if (query.archived === 'only') where.push(isNotNull(normTables.archivedAt));
  return ctx
    .db()
    .select()
    .from(normTables)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(normTables.instrumentId), asc(normTables.label), asc(normTables.id))
    .all();
}

export function normTableRecord(ctx: ServiceContext, id: string): NormTableRecord {
  const row = ctx.db().select().from(normTables).where(eq(normTables.id, id)).get();
  if (!row) throw notFound('normTable', id);
  return row;
}

export function setNormTableArchived(ctx: ServiceContext, id: string, archived: boolean): NormTableRecord {
  normTableRecord(ctx, id);
  write(ctx.sqlite(), () => ctx.db().update(normTables).set({ archivedAt: archived ? nowIso() : null }).where(eq(normTables.id, id)).run());
  return normTableRecord(ctx, id);
}
