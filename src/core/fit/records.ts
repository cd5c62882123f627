import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { SeaServiceEntry, seaServiceInputSchema, visaInputSchema } from '../../shared/api';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { personVisas, seaService } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { getPersonRow } from '../people/service';

/**
 * A person's recorded sea service (service outside this fleet; their assignments here are listed beside it) and
 * their visas. Entries are archived, never deleted.
 */
type SeaServiceInput = z.output<typeof seaServiceInputSchema>;
type VisaInput = z.output<typeof visaInputSchema>;

const FLEET_SQL = `
  SELECT a.id, a.person_id AS personId, v.name AS vesselName, v.length_m AS lengthM, v.gross_tonnage AS grossTonnage, v.use,
         pos.department, pos.title AS positionTitle, a.start_date AS startDate, COALESCE(a.end_date, @today) AS endDate
  FROM assignments a JOIN positions pos ON pos.id = a.position_id JOIN vessels v ON v.id = pos.vessel_id
  WHERE a.person_id = @personId AND a.archived_at IS NULL AND a.start_date <= @today ORDER BY a.start_date DESC`;

function live(ctx: ServiceContext, personId: string) {
  const person = getPersonRow(ctx, personId);
  if (person.archivedAt !== null) throw new AppError('CONFLICT', `${person.givenNames} ${person.surname} is archived; restore them first`);
}

const toEntry = (row: typeof seaService.$inferSelect): SeaServiceEntry => ({
  id: row.id,
  personId: row.personId,
  vesselName: row.vesselName,
  lengthM: row.lengthM,
  grossTonnage: row.grossTonnage,
  use: row.use,
  department: row.department,
  positionTitle: row.positionTitle,
  startDate: row.startDate,
  endDate: row.endDate,
  kind: row.kind,
  source: 'recorded',
});

export function listSeaService(ctx: ServiceContext, personId: string, today: string): SeaServiceEntry[] {
  getPersonRow(ctx, personId);
  const fleet = (statement(ctx.sqlite(), FLEET_SQL).all({ personId, today }) as Array<Omit<SeaServiceEntry, 'kind' | 'source'>>).map((r) => ({ ...r, kind: 'onboard' as const, source: 'fleet' as const }));
  const recorded = ctx.db().select().from(seaService).where(and(eq(seaService.personId, personId), isNull(seaService.archivedAt))).orderBy(asc(seaService.startDate)).all().map(toEntry);
  return [...fleet, ...recorded].sort((a, b) => b.startDate.localeCompare(a.startDate));
}

export function addSeaService(ctx: ServiceContext, input: SeaServiceInput): SeaServiceEntry {
  return write(ctx.sqlite(), () => {
    live(ctx, input.personId);
    return toEntry(ctx.db().insert(seaService).values(input).returning().get());
  });
}

export function archiveSeaService(ctx: ServiceContext, id: string): SeaServiceEntry {
  return write(ctx.sqlite(), () => {
    const row = ctx.db().select().from(seaService).where(eq(seaService.id, id)).get();
    if (!row) throw notFound('seaService', id);
    return toEntry(ctx.db().update(seaService).set({ archivedAt: row.archivedAt ?? nowIso() }).where(eq(seaService.id, id)).returning().get());
  });
}

const toVisa = (row: typeof personVisas.$inferSelect) => ({ id: row.id, personId: row.personId, kind: row.kind, expiresOn: row.expiresOn, note: row.note });

export function listVisas(ctx: ServiceContext, personId: string) {
  getPersonRow(ctx, personId);
  return ctx.db().select().from(personVisas).where(and(eq(personVisas.personId, personId), isNull(personVisas.archivedAt))).orderBy(asc(personVisas.createdAt)).all().map(toVisa);
}

export function addVisa(ctx: ServiceContext, input: VisaInput) {
  return write(ctx.sqlite(), () => {
    live(ctx, input.personId);
    return toVisa(ctx.db().insert(personVisas).values(input).returning().get());
  });
}

export function archiveVisa(ctx: ServiceContext, id: string) {
  return write(ctx.sqlite(), () => {
    const row = ctx.db().select().from(personVisas).where(eq(personVisas.id, id)).get();
    if (!row) throw notFound('visa', id);
    return toVisa(ctx.db().update(personVisas).set({ archivedAt: row.archivedAt ?? nowIso() }).where(eq(personVisas.id, id)).returning().get());
  });
}
