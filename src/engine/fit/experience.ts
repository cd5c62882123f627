import { titleRank, type Department, type VesselUse } from '../../shared/domain/crew';
import type { ScoringConfig } from '../../shared/fit/model';
import { titleKey } from '../documents/requirements';
import { dayNumber } from '../team/days';
import type { PositionData, ServiceRecord, SubScore } from './types';
import { months } from './words';
import { inSentence, words } from '../../shared/words';

/**
 * Experience (docs/fit-and-prediction.md#experience): days of service weighted by how close each stint was to
 * the position — the same rank (or above) in the same department, the rank below, other ranks there — on a
 * vessel of similar size and use, by kind of service; overlapping stints count once, at their best. The score is
 * the relevant months over the months that count in full, at most 1.
 */
type Config = ScoringConfig['experience'];

export function roleRelevance(record: Pick<ServiceRecord, 'department' | 'title'>, position: Pick<PositionData, 'department' | 'title'>, config: Config): number {
  if (record.department !== position.department) return 0;
  if (titleKey(record.title) === titleKey(position.title)) return config.sameRank;
  const known = (title: string) => titleRank(position.department, title);
  const wanted = known(position.title);
  const held = known(record.title);
  const custom = (rank: number) => rank === known('\u0000');
  if (custom(wanted) || custom(held)) return config.otherRankSameDepartment;
  if (held <= wanted) return config.sameRank;
  if (held === wanted + 1) return config.rankBelow;
  return config.otherRankSameDepartment;
}

/** Length ratio (smaller ÷ larger); gross tonnage grows with the cube of length, so its ratio is cube-rooted. */
export function sizeSimilarity(record: Pick<ServiceRecord, 'lengthM' | 'grossTonnage'>, vessel: PositionData['vessel']): number | null {
  if (record.lengthM !== null && record.lengthM > 0) return Math.min(record.lengthM, vessel.lengthM) / Math.max(record.lengthM, vessel.lengthM);
  if (record.grossTonnage !== null && record.grossTonnage > 0 && vessel.grossTonnage !== null && vessel.grossTonnage > 0) {
    return Math.cbrt(Math.min(record.grossTonnage, vessel.grossTonnage) / Math.max(record.grossTonnage, vessel.grossTonnage));
  }
  return null;
}

export function useSimilarity(use: VesselUse | null, wanted: VesselUse, config: Config): number | null {
  if (use === null) return null;
  if (use === wanted) return config.sameUse;
  if (use === 'both' || wanted === 'both') return config.partlySameUse;
  return config.otherUse;
}

interface Weighted {
  start: number;
  end: number;
  weight: number;
  unknown: boolean;
  base: number;
}

/** Relevant days, taking for each day the best record that covers it. */
function bestCoverage(spans: readonly Weighted[]): { relevant: number; described: number; undescribed: number } {
  const cuts = [...new Set(spans.flatMap((s) => [s.start, s.end + 1]))].sort((a, b) => a - b);
  let relevant = 0;
  let described = 0;
  let undescribed = 0;
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const from = cuts[i]!;
    const length = cuts[i + 1]! - from;
    let best: Weighted | null = null;
    for (const s of spans) if (s.start <= from && s.end >= from && (best === null || s.weight > best.weight)) best = s;
    if (!best) continue;
    relevant += length * best.weight;
    if (best.unknown) undescribed += length * best.base;
    else described += length * best.base;
  }
  return { relevant, described, undescribed };
}

export function experienceScore(service: readonly ServiceRecord[], position: PositionData, asOf: string, config: Config): SubScore {
  const out: SubScore = { name: 'experience', score: null, confidence: 0, strengths: [], gaps: [], notes: [] };
  const today = dayNumber(asOf);
  const spans: Weighted[] = [];
  for (const record of service) {
    const start = dayNumber(record.startDate);
    const end = Math.min(record.endDate === null ? today : dayNumber(record.endDate), today);
    if (end < start) continue;
    const role = roleRelevance(record, position, config);
    const kind = config.kinds[record.kind];
    const size = sizeSimilarity(record, position.vessel);
    const use = useSimilarity(record.use, position.vessel.use, config);
    const base = role * kind;
    const weight = base * (size ?? config.unknownFactor) * (use ?? config.unknownFactor);
    spans.push({ start, end, weight, unknown: size === null || use === null, base });
  }
  const full = config.fullMonths * 30.44;
  if (spans.length === 0) {
    out.score = 0;
    out.confidence = config.noRecordConfidence;
    out.gaps.push('No sea service on record');
    out.notes.push('No sea service is on record: if they have some, add it to their profile (Sea service).');
    return out;
  }
  const { relevant, described, undescribed } = bestCoverage(spans);
  out.score = Math.min(1, relevant / full);
  const share = described + undescribed > 0 ? undescribed / (described + undescribed) : 0;
  out.confidence = 1 - 0.5 * share;
  if (share > 0) out.notes.push('Some of their service is on a vessel whose size or use is not on record, so it counts at half.');
  const role = `${position.title} or the rank below`;
  if (relevant <= 0) out.gaps.push(`No time as ${role} in ${inSentence(words.departments[position.department as Department])}`);
  else if (out.score >= 1) out.strengths.push(`${months(relevant)} of service that counts: ${role} on similar ${inSentence(words.vesselUses[position.vessel.use])} yachts`);
  else if (out.score >= 0.5) out.strengths.push(`${months(relevant)} of relevant service (${config.fullMonths} count in full)`);
  else out.gaps.push(`Only ${months(relevant)} of relevant service (${config.fullMonths} count in full)`);
  return out;
}
