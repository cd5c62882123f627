import type { CertificateKindId } from '../../shared/domain/certificates';
import type { Department, VesselUse } from '../../shared/domain/crew';
import type { SeaServiceKind, VisaKind } from '../../shared/fit/model';
import type { HeldCertificate } from '../../engine/documents/requirements';
import type { Booking, CandidateData, ServiceRecord } from '../../engine/fit';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { andScope, personCondition } from '../scope/sql';
import { heldBy } from '../documents/compliance';
import type { PlacedPeople } from './results';

/**
 * Everything the fit engine reads about people, for many at once (a ranking reads every live person): their
 * profile, visas, certificates, service in this fleet and recorded elsewhere, and live assignments. One query
 * per kind of record, whatever the number of people.
 */
/** Live people of `@ids` whom the signed-in user sees (`inScope`): a ranking never names anyone else. */
const peopleSql = (inScope: string) => `
  SELECT id, given_names || ' ' || surname AS name, nationalities, languages, email, phone, emergency_contact_name AS contact,
         photo_hash AS photo, notice_days AS noticeDays
  FROM people WHERE archived_at IS NULL AND id IN (SELECT value FROM json_each(@ids))${inScope} ORDER BY sort_key, id`;

const ASSIGNMENTS_SQL = `
  SELECT a.person_id AS personId, a.position_id AS positionId, a.start_date AS startDate, a.end_date AS endDate,
         pos.title, pos.department, v.name AS vesselName, v.length_m AS lengthM, v.gross_tonnage AS grossTonnage, v.use
  FROM assignments a JOIN positions pos ON pos.id = a.position_id JOIN vessels v ON v.id = pos.vessel_id
  WHERE a.archived_at IS NULL AND a.person_id IN (SELECT value FROM json_each(@ids))
  ORDER BY a.start_date, a.id`;

const SEA_SERVICE_SQL = `
  SELECT person_id AS personId, vessel_name AS vesselName, length_m AS lengthM, gross_tonnage AS grossTonnage, use, department,
         position_title AS title, start_date AS startDate, end_date AS endDate, kind
  FROM sea_service WHERE archived_at IS NULL AND person_id IN (SELECT value FROM json_each(@ids)) ORDER BY start_date, id`;

const VISAS_SQL = `
  SELECT person_id AS personId, kind, expires_on AS expiresOn FROM person_visas
  WHERE archived_at IS NULL AND person_id IN (SELECT value FROM json_each(@ids)) ORDER BY id`;

interface PersonRow {
  id: string;
  name: string;
  nationalities: string;
  languages: string;
  email: string | null;
  phone: string | null;
  contact: string | null;
  photo: string | null;
  noticeDays: number | null;
}

interface AssignmentRow {
  personId: string;
  positionId: string;
  startDate: string;
  endDate: string | null;
  title: string;
  department: Department;
  vesselName: string;
  lengthM: number;
  grossTonnage: number | null;
  use: VesselUse;
}

/** The profile items engagement counts as complete, in a captain's words. */
function completeness(row: PersonRow, nationalities: string[]) {
  const items: Array<[string, boolean]> = [
    ['e-mail', row.email !== null],
    ['phone', row.phone !== null],
    ['nationality', nationalities.length > 0],
    ['languages', (JSON.parse(row.languages) as string[]).length > 0],
    ['emergency contact', row.contact !== null],
    ['photo', row.photo !== null],
    ['notice period', row.noticeDays !== null],
  ];
  return { filled: items.filter(([, ok]) => ok).length, total: items.length, missing: items.filter(([, ok]) => !ok).map(([name]) => name) };
}

const group = <T extends { personId: string }>(rows: T[]): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    let list = map.get(row.personId);
    if (!list) map.set(row.personId, (list = []));
    list.push(row);
  }
  return map;
};

/**
 * The engine's data for live people (archived ones are left out). `asOf` decides which assignments still keep
 * them busy; `excludePosition` leaves out assignments to the position being filled (a candidate's own berth).
 */
export function candidateData(ctx: ServiceContext, personIds: readonly string[], placed: PlacedPeople, asOf: string, excludePosition?: string): CandidateData[] {
  if (personIds.length === 0) return [];
  const params = { ids: JSON.stringify(personIds) };
  const sqlite = ctx.sqlite();
  const people = statement(sqlite, peopleSql(andScope(personCondition('id')))).all(params) as PersonRow[];
  const assignments = group(statement(sqlite, ASSIGNMENTS_SQL).all(params) as AssignmentRow[]);
  const recorded = group(statement(sqlite, SEA_SERVICE_SQL).all(params) as Array<Omit<ServiceRecord, 'source'> & { personId: string; kind: SeaServiceKind }>);
  const visas = group(statement(sqlite, VISAS_SQL).all(params) as Array<{ personId: string; kind: VisaKind; expiresOn: string | null }>);
  const held = heldBy(ctx, [...personIds]);
  return people.map((row): CandidateData => {
    const nationalities = JSON.parse(row.nationalities) as string[];
    const own = assignments.get(row.id) ?? [];
    const service: ServiceRecord[] = [
      ...own.map((a): ServiceRecord => ({ source: 'fleet', vesselName: a.vesselName, lengthM: a.lengthM, grossTonnage: a.grossTonnage, use: a.use, department: a.department, title: a.title, startDate: a.startDate, endDate: a.endDate, kind: 'onboard' })),
      ...(recorded.get(row.id) ?? []).map(({ personId: _p, ...r }): ServiceRecord => ({ ...r, source: 'recorded' })),
    ];
    const bookings: Booking[] = own
      .filter((a) => a.positionId !== excludePosition && (a.endDate === null || a.endDate >= asOf))
      .map((a) => ({ startDate: a.startDate, endDate: a.endDate, label: `${a.title} on ${a.vesselName}` }));
    const byKind: Partial<Record<CertificateKindId, HeldCertificate[]>> = Object.fromEntries(held.get(row.id) ?? new Map());
    return {
      personId: row.id,
      name: row.name,
      nationalities,
      visas: (visas.get(row.id) ?? []).map((v) => ({ kind: v.kind, expiresOn: v.expiresOn })),
      noticeDays: row.noticeDays,
      held: byKind,
      service,
      bookings,
      result: placed.results.get(row.id) ?? null,
      noResult: placed.missing.get(row.id) ?? null,
      completeness: completeness(row, nationalities),
      invitations: null,
    };
  });
}
