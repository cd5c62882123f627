import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { ArchivedFilter, CrewMember, PositionStaffing, Vessel, VesselSummary } from '../../shared/api';
import type { vesselInputSchema, vesselUpdateSchema } from '../../shared/api';
import type { z } from 'zod';
import { bySeniority, type AssignmentState } from '../../shared/domain/crew';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { drizzleCondition, vesselCondition } from '../scope/sql';
import { seesRecord } from '../scope/records';
import { nowIso } from '../db/ids';
import { vessels } from '../db/schema';
import { write } from '../db/writes';
import { unknownAreas } from './cruising-areas';
import { getVesselRow } from './records';
import { crewOfVessel, listPositions, openAssignmentsOn } from './staffing';

type VesselInput = z.output<typeof vesselInputSchema>;
type VesselUpdate = z.output<typeof vesselUpdateSchema>;

function archivedCondition(filter: ArchivedFilter) {
  if (filter === 'exclude') return isNull(vessels.archivedAt);
  if (filter === 'only') return isNotNull(vessels.archivedAt);
  return undefined;
}

function assertKnownAreas(ids: readonly string[]): void {
  const unknown = unknownAreas(ids);
  if (unknown.length) throw new AppError('VALIDATION', `Unknown cruising area: ${unknown.join(', ')}`, { issues: [{ path: 'cruisingAreas', message: `Unknown cruising area: ${unknown.join(', ')}` }] });
}

function assertImoFree(ctx: ServiceContext, imoNumber: string | null, exceptId?: string): void {
  if (imoNumber === null) return;
  const clash = ctx
    .db()
    .select({ id: vessels.id, name: vessels.name })
    .from(vessels)
    .where(and(eq(vessels.imoNumber, imoNumber), isNull(vessels.archivedAt), exceptId ? ne(vessels.id, exceptId) : undefined))
    .get();
  if (clash && !seesRecord(ctx.sqlite(), 'vessel', clash.id)) {
    // A vessel the user does not see (docs/security.md#scope): said without naming it.
    throw new AppError('CONFLICT', `IMO ${imoNumber} is already used by a vessel outside those you see`, { issues: [{ path: 'imoNumber', message: 'Already used by another vessel' }] });
  }
  if (clash) {
    throw new AppError('CONFLICT', `IMO ${imoNumber} is already used by ${clash.name}`, { issues: [{ path: 'imoNumber', message: `Already used by ${clash.name}` }], vesselId: clash.id });
  }
}

export function listVessels(ctx: ServiceContext, archived: ArchivedFilter, asOf: string): VesselSummary[] {
  const rows = ctx
    .db()
    .select()
    .from(vessels)
    .where(and(archivedCondition(archived), drizzleCondition(vesselCondition('vessels.id'))))
    .orderBy(asc(vessels.name))
    .all();
  const staffing = listPositions(ctx, null, asOf);
  return rows.map((vessel) => {
    const own = staffing.filter((p) => p.vesselId === vessel.id && p.archivedAt === null);
    return {
      ...vessel,
      positions: own.length,
      headcount: own.reduce((sum, p) => sum + p.headcount, 0),
      currentCrew: own.reduce((sum, p) => sum + p.current, 0),
      vacancies: own.reduce((sum, p) => sum + p.vacancies, 0),
    };
  });
}

const crewByRank = (a: CrewMember, b: CrewMember) =>
  bySeniority({ department: a.department, title: a.positionTitle }, { department: b.department, title: b.positionTitle }) || a.surname.localeCompare(b.surname);

export function vesselDetail(ctx: ServiceContext, id: string, asOf: string) {
  const vessel = getVesselRow(ctx, id);
  const positions: PositionStaffing[] = listPositions(ctx, id, asOf).sort(bySeniority);
  const crew = crewOfVessel(ctx, id, asOf);
  const pick = (state: AssignmentState): CrewMember[] => crew.filter((c) => c.state === state).map(({ state: _state, ...member }) => member);
  return {
    vessel,
    asOf,
    positions,
    currentCrew: pick('current').sort(crewByRank),
    plannedJoiners: pick('planned').sort((a, b) => a.startDate.localeCompare(b.startDate)),
    pastCrew: pick('past').sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? '')),
  };
}

export function createVessel(ctx: ServiceContext, input: VesselInput): Vessel {
  return write(ctx.sqlite(), () => {
    assertKnownAreas(input.cruisingAreas);
    assertImoFree(ctx, input.imoNumber);
    return ctx.db().insert(vessels).values(input).returning().get();
  });
}

export function updateVessel(ctx: ServiceContext, { id, ...input }: VesselUpdate): Vessel {
  return write(ctx.sqlite(), () => {
    const existing = getVesselRow(ctx, id);
    if (existing.archivedAt !== null) throw new AppError('CONFLICT', `${existing.name} is archived; restore it before changing it`);
    assertKnownAreas(input.cruisingAreas);
    assertImoFree(ctx, input.imoNumber, id);
    return ctx.db().update(vessels).set(input).where(eq(vessels.id, id)).returning().get();
  });
}

export function archiveVessel(ctx: ServiceContext, id: string): Vessel {
  return write(ctx.sqlite(), () => {
    const vessel = getVesselRow(ctx, id);
    if (vessel.archivedAt !== null) return vessel;
    const open = openAssignmentsOn(ctx, { vesselId: id });
    if (open > 0) {
      throw new AppError(
        'CONFLICT',
        `${vessel.name} has ${open} current or planned assignment${open === 1 ? '' : 's'}; end or archive them before archiving the vessel`,
      );
    }
    return ctx.db().update(vessels).set({ archivedAt: nowIso() }).where(eq(vessels.id, id)).returning().get();
  });
}

export function restoreVessel(ctx: ServiceContext, id: string): Vessel {
  return write(ctx.sqlite(), () => {
    const vessel = getVesselRow(ctx, id);
    if (vessel.archivedAt === null) return vessel;
    assertImoFree(ctx, vessel.imoNumber, id);
    return ctx.db().update(vessels).set({ archivedAt: null }).where(eq(vessels.id, id)).returning().get();
  });
}
