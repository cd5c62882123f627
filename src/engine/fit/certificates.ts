import type { CertificateKindId } from '../../shared/domain/certificates';
import type { ScoringConfig } from '../../shared/fit/model';
import type { HeldCertificate } from '../documents/requirements';
import type { Tour } from './tour';
import type { CandidateData, SubScore } from './types';
import { dayText } from './words';
import { words } from '../../shared/words';

/**
 * Certificates (docs/fit-and-prediction.md#certificates): the share of the position's required certificates
 * held and valid through the first tour, by the register's rules. Each document earns a credit — 1 verified and
 * valid past the tour's end, a part credit verified but expiring during the tour or still awaiting review, 0
 * expired or rejected — and a certificate counts its best document, so storing another document never lowers it.
 */
export function documentCredit(doc: HeldCertificate, tour: Tour, config: ScoringConfig['certificates']): number {
  if (doc.status === 'rejected') return 0;
  if (doc.expiresOn !== null && doc.expiresOn < tour.start) return 0;
  if (doc.status === 'review') return config.inReviewCredit;
  if (doc.expiresOn !== null && doc.expiresOn < tour.end) return config.expiresDuringTourCredit;
  return 1;
}

function bestDocument(docs: readonly HeldCertificate[], tour: Tour, config: ScoringConfig['certificates']): { credit: number; doc: HeldCertificate | null } {
  let best: { credit: number; doc: HeldCertificate | null } = { credit: 0, doc: null };
  for (const doc of docs) {
    const credit = documentCredit(doc, tour, config);
    if (credit > best.credit || (credit === best.credit && best.doc === null)) best = { credit, doc };
  }
  return best;
}

export function certificatesScore(candidate: CandidateData, required: readonly CertificateKindId[], tour: Tour, config: ScoringConfig['certificates']): SubScore {
  const out: SubScore = { name: 'certificates', score: null, confidence: 0, strengths: [], gaps: [], notes: [] };
  if (required.length === 0) {
    out.notes.push('The position lists no required certificates, so certificates are not scored; set its requirements in the vessel’s compliance matrix.');
    return out;
  }
  let total = 0;
  const valid: string[] = [];
  for (const kind of required) {
    const { credit, doc } = bestDocument(candidate.held[kind] ?? [], tour, config);
    total += credit;
    const label = words.certificates[kind];
    if (credit === 1) valid.push(label);
    else if (doc === null || credit === 0) out.gaps.push(doc?.expiresOn && doc.expiresOn < tour.start ? `${label} expired on ${dayText(doc.expiresOn)}` : `${label} missing`);
    else if (doc.status === 'review') out.gaps.push(`${label} is awaiting review`);
    else out.gaps.push(`${label} expires during the first tour (${dayText(doc.expiresOn!)})`);
  }
  if (valid.length === required.length) out.strengths.push(`All ${required.length} required certificates valid through the first tour`);
  else if (valid.length > 0) out.strengths.push(`${valid.length} of ${required.length} required certificates valid through the first tour`);
  out.score = total / required.length;
  out.confidence = 1;
  return out;
}
