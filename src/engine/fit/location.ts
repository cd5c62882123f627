import type { CruisingArea, ScoringConfig } from '../../shared/fit/model';
import type { Tour } from './tour';
import type { CandidateData, SubScore } from './types';
import { dayText } from './words';
import { words } from '../../shared/words';

/**
 * Right to work (docs/fit-and-prediction.md#right-to-work): for each cruising area of the vessel, 1 when a
 * nationality gives the right or a visa valid through the first tour does (the area's rule in
 * resources/fit/cruising-areas-v1.json), a part credit for a visa expiring during the tour or a short visa-free
 * stay, 0 otherwise; the mean over the areas. Not scored when the vessel's areas or the person's nationalities
 * are not on record.
 */
export function areaCredit(candidate: Pick<CandidateData, 'nationalities' | 'visas'>, area: CruisingArea, tour: Tour, config: ScoringConfig['location']): { credit: number; reason: string } {
  if (area.open) return { credit: 1, reason: `${area.label}: crew list is enough` };
  const passport = candidate.nationalities.find((n) => area.nationalities.includes(n));
  if (passport) return { credit: 1, reason: `${area.label}: right to work by nationality` };
  let best: { credit: number; reason: string } = { credit: 0, reason: `No right to work in ${area.label}` };
  for (const visa of candidate.visas) {
    if (!area.visas.includes(visa.kind)) continue;
    if (visa.expiresOn !== null && visa.expiresOn < tour.start) {
      if (best.credit === 0) best = { credit: 0, reason: `${words.visaKinds[visa.kind]} visa expired on ${dayText(visa.expiresOn)} (${area.label})` };
      continue;
    }
    const during = visa.expiresOn !== null && visa.expiresOn < tour.end;
    const credit = during ? config.expiresDuringTourCredit : 1;
    if (credit > best.credit) best = { credit, reason: during ? `${words.visaKinds[visa.kind]} visa expires during the first tour (${dayText(visa.expiresOn!)})` : `${area.label}: ${words.visaKinds[visa.kind]} visa` };
  }
  if (best.credit < config.shortStayCredit && candidate.nationalities.some((n) => area.shortStay.includes(n))) {
    best = { credit: config.shortStayCredit, reason: `${area.label}: visa-free visits only, not a season’s work` };
  }
  return best;
}

export function locationScore(candidate: Pick<CandidateData, 'nationalities' | 'visas'>, areaIds: readonly string[], areas: readonly CruisingArea[], tour: Tour, config: ScoringConfig['location']): SubScore {
  const out: SubScore = { name: 'location', score: null, confidence: 0, strengths: [], gaps: [], notes: [] };
  if (areaIds.length === 0) {
    out.notes.push('The vessel’s cruising areas are not set, so the right to work is not scored; set them on the vessel.');
    return out;
  }
  if (candidate.nationalities.length === 0) {
    out.notes.push('Their nationality is not on record, so the right to work is not scored.');
    return out;
  }
  const known = areaIds.map((id) => areas.find((a) => a.id === id)).filter((a): a is CruisingArea => a !== undefined);
  if (known.length < areaIds.length) out.notes.push('Some of the vessel’s cruising areas have no rule in this version of the areas list and are left out.');
  if (known.length === 0) return out;
  let total = 0;
  for (const area of known) {
    const { credit, reason } = areaCredit(candidate, area, tour, config);
    total += credit;
    (credit === 1 ? out.strengths : out.gaps).push(reason);
  }
  out.score = total / known.length;
  out.confidence = known.length / areaIds.length;
  return out;
}
