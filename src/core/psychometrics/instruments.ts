import { and, asc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { ArchivedFilter, InstrumentRecord } from '../../shared/api';
import { decodeText } from '../../shared/files/text-file';
import type { InstrumentDefinition } from '../../shared/psychometrics';
import { parseInstrumentJson } from '../../engine/psychometrics';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { assessmentInstruments } from '../db/schema';
import { write } from '../db/writes';
import { builtinInstrument, builtinInstruments } from './builtin';
import { asAppError } from './input-errors';

/**
 * Instruments the results can be scored with: the built-in ones and custom definitions imported as JSON (the
 * format `harmony analyze --instrument FILE.json` reads). A stored result names its instrument by key, so an
 * archived custom instrument still describes its old results; new imports need a live one.
 */
export function resolveInstrument(ctx: ServiceContext, key: string, options: { forNewResults?: boolean } = {}): InstrumentDefinition {
  const builtin = builtinInstrument(key);
  if (builtin) return builtin;
  const rows = ctx.db().select().from(assessmentInstruments).where(eq(assessmentInstruments.key, key.toLowerCase())).orderBy(asc(assessmentInstruments.archivedAt)).all();
  const live = rows.find((r) => r.archivedAt === null);
  if (live) return live.definition;
  if (rows[0] && !options.forNewResults) return rows[0].definition;
  const known = listInstruments(ctx, 'exclude').map((i) => i.name);
  const name = rows[0]?.definition.name ?? key;
  throw new AppError('NOT_FOUND', `There is no instrument "${name}"${rows[0] ? ' (it is archived)' : ''}; available: ${known.join(', ')}`);
}

/** What an instrument is called wherever a person reads about it: its name, never its id. */
export function instrumentName(ctx: ServiceContext, key: string): string {
  try {
    const instrument = resolveInstrument(ctx, key);
    return instrument.name ?? instrument.id;
  } catch {
    return key;
  }
}

function summary(def: InstrumentDefinition): Pick<InstrumentRecord, 'key' | 'name' | 'version' | 'items' | 'scales' | 'facets' | 'min' | 'max'> {
  return { key: def.id.toLowerCase(), name: def.name ?? def.id, version: def.version, items: def.items.length, scales: def.scales.length, facets: def.facets.length, min: def.response.min, max: def.response.max };
}

export function listInstruments(ctx: ServiceContext, archived: ArchivedFilter): InstrumentRecord[] {
  const where: SQL[] = [];
  if (archived === 'exclude') where.push(isNull(assessmentInstruments.archivedAt));
  if (archived === 'only') where.push(isNotNull(assessmentInstruments.archivedAt));
  const custom = ctx
    .db()
    .select()
    .from(assessmentInstruments)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(assessmentInstruments.key))
    .all()
    .map((r) => ({ id: r.id, builtin: false, archivedAt: r.archivedAt, ...summary(r.definition) }));
  const builtins = archived === 'only' ? [] : [...builtinInstruments().values()].map((def) => ({ id: null, builtin: true, archivedAt: null, ...summary(def) }));
  return [...builtins, ...custom];
}

function record(ctx: ServiceContext, id: string): InstrumentRecord {
  const row = ctx.db().select().from(assessmentInstruments).where(eq(assessmentInstruments.id, id)).get();
  if (!row) throw notFound('instrument', id);
  return { id: row.id, builtin: false, archivedAt: row.archivedAt, ...summary(row.definition) };
}

function assertKeyFree(ctx: ServiceContext, key: string, exceptId?: string): void {
  if (builtinInstrument(key)) throw new AppError('CONFLICT', `"${key}" is the id of a built-in instrument; give the custom one another id.`, { issues: [{ path: 'id', message: 'used by a built-in instrument' }] });
  const live = ctx.db().select({ id: assessmentInstruments.id }).from(assessmentInstruments).where(and(eq(assessmentInstruments.key, key), isNull(assessmentInstruments.archivedAt))).get();
  if (live && live.id !== exceptId) throw new AppError('CONFLICT', `An instrument "${key}" already exists; archive it first or give the new one another id.`, { issues: [{ path: 'id', message: 'already used' }] });
}

/** Imports a custom instrument definition (JSON); the engine checks it whole and names every problem. */
export function importInstrument(ctx: ServiceContext, contentBase64: string, fileName: string | undefined): InstrumentRecord {
  const source = fileName ?? 'instrument.json';
  let definition: InstrumentDefinition;
  try {
    definition = parseInstrumentJson(decodeText(Buffer.from(contentBase64, 'base64'), source), source);
  } catch (error) {
    throw asAppError(error);
  }
  // Ids are matched without case (as the built-in ones are); the stored definition carries the key itself so
  // results, norms and groups all name the instrument the same way.
  const key = definition.id.toLowerCase();
  const id = write(ctx.sqlite(), () => {
    assertKeyFree(ctx, key);
    return ctx.db().insert(assessmentInstruments).values({ key, definition: { ...definition, id: key } }).returning({ id: assessmentInstruments.id }).get().id;
  });
  return record(ctx, id);
}

export function setInstrumentArchived(ctx: ServiceContext, id: string, archived: boolean): InstrumentRecord {
  const current = record(ctx, id);
  write(ctx.sqlite(), () => {
    if (!archived) assertKeyFree(ctx, current.key, id);
    ctx.db().update(assessmentInstruments).set({ archivedAt: archived ? nowIso() : null }).where(eq(assessmentInstruments.id, id)).run();
  });
  return record(ctx, id);
}
