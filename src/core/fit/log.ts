import { asc, count, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdvisoryAction, LogSort, logEntrySchema, ParsedInput } from '../../shared/api';
import { words } from '../../shared/words';
import type { ServiceContext } from '../context';
import { byLabel } from '../db/order';
import { advisoryLog } from '../db/schema';
import { write } from '../db/writes';
import { currentOperator } from './operator';

/**
 * The advisory log (docs/fit-and-prediction.md#advisory): every ranking, match list, explanation, prediction and
 * what-if shown or exported is written here — who, when, which model, which inputs and who was shown with their
 * figures — before it is returned. If it cannot be written, nothing is shown.
 */
export const ADVISORY =
  'Advisory only: scores and predictions explain how a person matches what the position asks for, from the records held here and from research ashore. A person decides, and each decision is recorded with its basis.';

export function logAdvisory(ctx: ServiceContext, action: AdvisoryAction, model: string, inputs: Record<string, unknown>, shown: unknown[]): string {
  const who = currentOperator();
  return write(ctx.sqlite(), () => ctx.db().insert(advisoryLog).values({ action, model, inputs, shown, operator: who.operator, device: who.device }).returning({ id: advisoryLog.id }).get().id);
}

/** What each column of the log sorts by: what the row shows (an action by its words, the people by how many). */
const SORT_KEYS: Record<LogSort, SQL> = {
  when: sql`${advisoryLog.createdAt}`,
  action: byLabel(sql`${advisoryLog.action}`, words.advisoryActions),
  operator: sql`${advisoryLog.operator} COLLATE NOCASE`,
  model: sql`${advisoryLog.model}`,
  shown: sql`json_array_length(${advisoryLog.shown})`,
};

export function listLog(ctx: ServiceContext, input: ParsedInput<'fit.log'>): { total: number; entries: Array<z.infer<typeof logEntrySchema>> } {
  // A person's entries: those whose inputs or shown list name them (ids are UUIDs, so a text match is exact enough).
  const where = input.personId ? like(advisoryLog.shown, `%${input.personId.replace(/[%_]/g, '')}%`) : undefined;
  const total = ctx.db().select({ n: count() }).from(advisoryLog).where(where).get()!.n;
  const rows = ctx.db().select().from(advisoryLog).where(where).orderBy((input.descending ? desc : asc)(SORT_KEYS[input.sort]), desc(advisoryLog.createdAt), desc(advisoryLog.id)).limit(input.limit).offset(input.offset).all();
  return { total, entries: rows.map((r) => ({ id: r.id, createdAt: r.createdAt, action: r.action, operator: r.operator, device: r.device, model: r.model, inputs: r.inputs, shown: r.shown })) };
}

export const logExists = (ctx: ServiceContext, id: string): boolean => ctx.db().select({ id: advisoryLog.id }).from(advisoryLog).where(eq(advisoryLog.id, id)).get() !== undefined;
