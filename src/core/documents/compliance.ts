import { addDays, format, parseISO } from 'date-fns';
import type { AttentionItem, CertificateCell, ComplianceRow, ExpiringItem } from '../../shared/api/document-records';
import { CERTIFICATE_KINDS, isCertificateKind, type CertificateKindId } from '../../shared/domain/certificates';
import { titleRank, type Department } from '../../shared/domain/crew';
import { certificateStanding, expiryWindow, plannedTour, requiredCertificates, type HeldCertificate, type RequirementOverrides } from '../../engine/documents/requirements';
import { needingAttention } from '../../engine/documents/attention';
import { daysBetween } from '../../engine/documents/dates';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { andScope, personCondition } from '../scope/sql';
import { getPersonRow } from '../people/service';
import { getVesselRow } from '../vessels/records';
import { vesselOverrides } from './requirements';

/**
 * The certificate register of a person and the compliance matrix of a vessel (issue 4 phase 2): SQL gathers the
 * assignments and documents; src/engine/documents/requirements.ts says what is required and where each stands.
 */

interface AssignmentRow {
  personId: string;
  vesselId: string;
  personName: string;
  positionTitle: string;
  department: Department;
  startDate: string;
  endDate: string | null;
  rotationWeeksOn: number | null;
  rotationWeeksOff: number | null;
  rotationRestart: string | null;
}

interface HeldRow extends HeldCertificate {
  personId: string;
  kind: string;
}

const HELD_SQL = `
  SELECT id AS documentId, person_id AS personId, kind, status, expires_on AS expiresOn
  FROM documents
  WHERE archived_at IS NULL AND kind IS NOT NULL AND status <> 'rejected'
    AND person_id IN (SELECT value FROM json_each(@ids))`;

/** Live documents of these people, by person and certificate kind. */
export function heldBy(ctx: ServiceContext, personIds: string[]): Map<string, Map<CertificateKindId, HeldCertificate[]>> {
  const rows = personIds.length === 0 ? [] : (statement(ctx.sqlite(), HELD_SQL).all({ ids: JSON.stringify(personIds) }) as HeldRow[]);
  const result = new Map<string, Map<CertificateKindId, HeldCertificate[]>>();
  for (const row of rows) {
    if (!isCertificateKind(row.kind)) continue;
    const byKind = result.get(row.personId) ?? new Map<CertificateKindId, HeldCertificate[]>();
    byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), { documentId: row.documentId, status: row.status, expiresOn: row.expiresOn }]);
    result.set(row.personId, byKind);
  }
  return result;
}

function cellsFor(kinds: readonly CertificateKindId[], required: ReadonlySet<CertificateKindId>, held: Map<CertificateKindId, HeldCertificate[]> | undefined, asOf: string, tour: { start: string; end: string } | null): CertificateCell[] {
  return kinds.map((kind) => ({ kind, required: required.has(kind), ...certificateStanding(held?.get(kind) ?? [], asOf, tour) }));
}

const inCatalogueOrder = (kinds: Iterable<CertificateKindId>): CertificateKindId[] => {
  const set = new Set(kinds);
  return CERTIFICATE_KINDS.filter((kind) => set.has(kind));
};

const OPEN_ASSIGNMENTS_SQL = (where: string) => `
  SELECT a.person_id AS personId, pos.vessel_id AS vesselId, p.given_names || ' ' || p.surname AS personName, pos.title AS positionTitle,
         pos.department AS department, a.start_date AS startDate, a.end_date AS endDate,
         a.rotation_weeks_on AS rotationWeeksOn, a.rotation_weeks_off AS rotationWeeksOff, a.rotation_restart AS rotationRestart
  FROM assignments a
  JOIN positions pos ON pos.id = a.position_id AND pos.archived_at IS NULL
  JOIN people p ON p.id = a.person_id AND p.archived_at IS NULL
  WHERE ${where} AND a.archived_at IS NULL AND (a.end_date IS NULL OR a.end_date >= @asOf)
  ORDER BY a.start_date`;

/** A vessel's crew (current and planned) × the certificates their positions need, and what needs attention. */
export function complianceMatrix(ctx: ServiceContext, vesselId: string, asOf: string): { asOf: string; kinds: CertificateKindId[]; rows: ComplianceRow[]; attention: AttentionItem[] } {
  getVesselRow(ctx, vesselId);
  const assignments = statement(ctx.sqlite(), OPEN_ASSIGNMENTS_SQL('pos.vessel_id = @vesselId')).all({ vesselId, asOf }) as AssignmentRow[];
  const held = heldBy(ctx, [...new Set(assignments.map((a) => a.personId))]);
  const overrides = vesselOverrides(ctx, vesselId);
  const requiredOf = assignments.map((a) => new Set(requiredCertificates(a.positionTitle, overrides)));
  const kinds = inCatalogueOrder(requiredOf.flatMap((set) => [...set]));
  const rows = assignments.map((a, index): ComplianceRow & { rank: number; department: Department } => {
    const tour = plannedTour(a, asOf);
    return {
      personId: a.personId,
      personName: a.personName,
      positionTitle: a.positionTitle,
      assignmentState: a.startDate <= asOf ? 'current' : 'planned',
      tour,
      cells: cellsFor(kinds, requiredOf[index]!, held.get(a.personId), asOf, tour),
      rank: titleRank(a.department, a.positionTitle),
      department: a.department,
    };
  });
  rows.sort((x, y) => x.department.localeCompare(y.department) || x.rank - y.rank || x.personName.localeCompare(y.personName));
  const matrix = rows.map(({ rank: _rank, department: _department, ...row }) => row);
  return { asOf, kinds, rows: matrix, attention: needingAttention(matrix) };
}

/** A person's certificates: what their positions need and what they hold, with expiry and state. */
export function certificateRegister(ctx: ServiceContext, personId: string, asOf: string) {
  getPersonRow(ctx, personId);
  const assignments = statement(ctx.sqlite(), OPEN_ASSIGNMENTS_SQL('a.person_id = @personId')).all({ personId, asOf }) as AssignmentRow[];
  const overrides = new Map<string, RequirementOverrides>();
  const overridesOf = (vesselId: string) => overrides.get(vesselId) ?? overrides.set(vesselId, vesselOverrides(ctx, vesselId)).get(vesselId)!;
  const required = new Set(assignments.flatMap((a) => requiredCertificates(a.positionTitle, overridesOf(a.vesselId))));
  const held = heldBy(ctx, [personId]).get(personId);
  const tour = assignments[0] ? plannedTour(assignments[0], asOf) : null;
  const kinds = inCatalogueOrder([...required, ...(held?.keys() ?? [])]);
  return { asOf, positions: [...new Set(assignments.map((a) => a.positionTitle))], tour, entries: cellsFor(kinds, required, held, asOf, tour) };
}

const expiringSql = (inScope: string) => `
  SELECT d.id AS documentId, d.person_id AS personId, p.given_names || ' ' || p.surname AS personName,
         d.kind AS kind, d.expires_on AS expiresOn
  FROM documents d
  JOIN people p ON p.id = d.person_id AND p.archived_at IS NULL
  WHERE d.archived_at IS NULL AND d.status = 'verified' AND d.kind IS NOT NULL AND d.expires_on <= @until${inScope}
    AND NOT EXISTS (
      SELECT 1 FROM documents newer
      WHERE newer.person_id = d.person_id AND newer.kind = d.kind AND newer.archived_at IS NULL
        AND newer.status = 'verified' AND (newer.expires_on IS NULL OR newer.expires_on > d.expires_on))
  ORDER BY d.expires_on, d.id
  LIMIT 500`;

/**
 * Certificates that need renewing: verified, of a live person, expiring within 90 days (or expired), unless a
 * renewal of the same kind that lasts longer is already stored.
 */
export function expiringCertificates(ctx: ServiceContext, asOf: string): { asOf: string; items: ExpiringItem[] } {
  const until = format(addDays(parseISO(asOf), 90), 'yyyy-MM-dd');
  const rows = statement(ctx.sqlite(), expiringSql(andScope(personCondition('d.person_id')))).all({ until }) as Array<Omit<ExpiringItem, 'daysLeft' | 'window'> & { kind: string }>;
  const items: ExpiringItem[] = [];
  for (const row of rows) {
    if (!isCertificateKind(row.kind)) continue;
    const daysLeft = daysBetween(asOf, row.expiresOn);
    const window = expiryWindow(daysLeft);
    if (window !== null) items.push({ ...row, kind: row.kind, daysLeft, window });
  }
  return { asOf, items };
}
