import { z } from 'zod';
import { certificateKindSchema, type RequirementRow } from '../../shared/api/document-records';
import { CERTIFICATE_KINDS, type CertificateKindId } from '../../shared/domain/certificates';
import { titleRank, type Department } from '../../shared/domain/crew';
import { defaultRequirements, requiredCertificates, titleKey, type RequirementOverrides } from '../../engine/documents/requirements';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { readVesselRequirements, writeVesselRequirement } from '../db/fleet-settings';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { getVesselRow } from '../vessels/records';

/**
 * A vessel's own certificate requirements per position title (the vessel, flag and owner layers of
 * docs/domain.md#requirements-by-position), one synced row per vessel and title (src/core/db/fleet-settings.ts), so
 * that two computers editing different titles or vessels both keep their edit. Titles without an entry follow the
 * defaults for each position.
 */
const storedSchema = z.record(z.string(), z.array(certificateKindSchema));

export function vesselOverrides(ctx: ServiceContext, vesselId: string): RequirementOverrides {
  const rows = readVesselRequirements(ctx.sqlite(), vesselId);
  const parsed = storedSchema.safeParse(Object.fromEntries(rows));
  if (!parsed.success) throw new AppError('DB_CORRUPT', 'The certificate requirements stored for this vessel are damaged; set them again in the vessel’s compliance matrix');
  return parsed.data;
}

const POSITIONS_SQL = `SELECT DISTINCT title, department FROM positions WHERE vessel_id = @vesselId AND archived_at IS NULL`;

export function vesselRequirements(ctx: ServiceContext, vesselId: string): { vesselId: string; positions: RequirementRow[] } {
  getVesselRow(ctx, vesselId);
  const overrides = vesselOverrides(ctx, vesselId);
  const positions = statement(ctx.sqlite(), POSITIONS_SQL).all({ vesselId }) as Array<{ title: string; department: Department }>;
  const seen = new Set<string>();
  const rows = positions
    .filter((p) => !seen.has(titleKey(p.title)) && seen.add(titleKey(p.title)))
    .sort((a, b) => a.department.localeCompare(b.department) || titleRank(a.department, a.title) - titleRank(b.department, b.title))
    .map((p) => ({
      title: p.title,
      department: p.department,
      kinds: requiredCertificates(p.title, overrides),
      defaults: defaultRequirements(p.title),
      overridden: Object.hasOwn(overrides, titleKey(p.title)),
    }));
  return { vesselId, positions: rows };
}

export function setVesselRequirement(ctx: ServiceContext, vesselId: string, title: string, kinds: readonly CertificateKindId[] | null) {
  write(ctx.sqlite(), () => {
    const current = vesselRequirements(ctx, vesselId);
    if (!current.positions.some((p) => titleKey(p.title) === titleKey(title))) {
      const message = `The vessel has no position titled "${title}"`;
      throw new AppError('VALIDATION', message, { issues: [{ path: 'title', message }] });
    }
    writeVesselRequirement(ctx.sqlite(), vesselId, titleKey(title), kinds === null ? null : CERTIFICATE_KINDS.filter((kind) => kinds.includes(kind)));
  });
  return vesselRequirements(ctx, vesselId);
}
