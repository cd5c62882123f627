import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { certificateKindSchema, type RequirementRow } from '../../shared/api/document-records';
import { CERTIFICATE_KINDS, type CertificateKindId } from '../../shared/domain/certificates';
import { titleRank, type Department } from '../../shared/domain/crew';
import { defaultRequirements, requiredCertificates, titleKey, type RequirementOverrides } from '../../engine/documents/requirements';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { settings } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { getVesselRow } from '../vessels/records';

/**
 * A vessel's own certificate requirements per position title (the vessel, flag and owner layers of
 * docs/domain.md#requirements-by-position), kept in the settings table under one key per vessel. Titles without an
 * entry follow the defaults for each position.
 */
const keyOf = (vesselId: string) => `documents.requirements:${vesselId}`;
const storedSchema = z.record(z.string(), z.array(certificateKindSchema));

export function vesselOverrides(ctx: ServiceContext, vesselId: string): RequirementOverrides {
  const row = ctx.db().select().from(settings).where(eq(settings.key, keyOf(vesselId))).get();
  if (!row) return {};
  const parsed = storedSchema.safeParse(row.value);
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
    const overrides: Record<string, readonly CertificateKindId[]> = { ...vesselOverrides(ctx, vesselId) };
    if (kinds === null) delete overrides[titleKey(title)];
    else overrides[titleKey(title)] = CERTIFICATE_KINDS.filter((kind) => kinds.includes(kind));
    ctx.db()
      .insert(settings)
      .values({ key: keyOf(vesselId), value: overrides })
      .onConflictDoUpdate({ target: settings.key, set: { value: overrides, updatedAt: nowIso() } })
      .run();
  });
  return vesselRequirements(ctx, vesselId);
}
