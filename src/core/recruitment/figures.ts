import type { Output } from '../../shared/api';
import { REQUISITION_STATUSES } from '../../shared/recruitment/pipeline';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import { vesselCondition } from '../scope/sql';
import { wholeDays } from './requisitions';

/**
 * Figures across requisitions (docs/recruitment.md#figures): time to hire is counted from the day a candidate
 * was put on the requisition to the day they were hired; time to fill from the day a requisition opened to the
 * day it was filled; source of hires compares where hires came from with where candidates came from.
 */
function centre(values: number[]): { median: number | null; mean: number | null } {
  if (values.length === 0) return { median: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, mean: Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10 };
}

export function recruitmentFigures(ctx: ServiceContext): Output<'requisitions.figures'> {
  const db = ctx.sqlite();
  // Counted over the vessels the signed-in user sees: a figure must not reveal hidden requisitions (docs/security.md#scope).
  const onVessels = vesselCondition('pos.vessel_id');
  const reqs = onVessels === null ? '' : ` AND position_id IN (SELECT pos.id FROM positions pos WHERE ${onVessels})`;
  const apps = onVessels === null ? '' : ` AND requisition_id IN (SELECT r.id FROM requisitions r JOIN positions pos ON pos.id = r.position_id WHERE ${onVessels})`;
  const counts = new Map((statement(db, `SELECT status, count(*) AS n FROM requisitions WHERE archived_at IS NULL${reqs} GROUP BY status`).all() as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]));
  const hires = statement(db, `SELECT created_at AS createdAt, placed_at AS placedAt FROM applications WHERE stage = 'placed' AND archived_at IS NULL AND placed_at IS NOT NULL${apps}`).all() as Array<{ createdAt: string; placedAt: string }>;
  const fills = statement(db, `SELECT opened_at AS openedAt, ended_at AS endedAt FROM requisitions WHERE status = 'filled' AND archived_at IS NULL AND opened_at IS NOT NULL AND ended_at IS NOT NULL${reqs}`).all() as Array<{ openedAt: string; endedAt: string }>;
  const sources = statement(db, `SELECT source, sum(stage = 'placed') AS hires, count(*) AS applications FROM applications WHERE archived_at IS NULL${apps} GROUP BY source ORDER BY hires DESC, applications DESC, source`).all() as Array<{ source: string; hires: number; applications: number }>;
  return {
    requisitions: Object.fromEntries(REQUISITION_STATUSES.map((s) => [s, counts.get(s) ?? 0])) as Output<'requisitions.figures'>['requisitions'],
    hires: hires.length,
    timeToHire: centre(hires.map((h) => wholeDays(h.createdAt, h.placedAt))),
    timeToFill: centre(fills.map((f) => wholeDays(f.openedAt, f.endedAt))),
    sourceOfHires: sources,
  };
}
