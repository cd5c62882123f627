import type { CertificateState, VerificationStatus } from '../../../../shared/api';
import { VERIFICATION_STATUS_LABELS } from '../../../../shared/domain/document-words';

/** Badges for the document vocabulary; its words are src/shared/domain/document-words.ts. */
const STATUS_TONE: Record<VerificationStatus, string> = { verified: 'ok', review: 'warn', rejected: 'bad' };

export const CERTIFICATE_STATE_LABELS: Record<CertificateState, string> = {
  valid: 'Valid',
  expires_90: 'Expires ≤ 90 days',
  expires_60: 'Expires ≤ 60 days',
  expires_30: 'Expires ≤ 30 days',
  expires_during_tour: 'Expires during tour',
  expired: 'Expired',
  in_review: 'In review',
  missing: 'Missing',
};
export const CERTIFICATE_STATE_TONE: Record<CertificateState, string> = {
  valid: 'ok',
  expires_90: 'info',
  expires_60: 'warn',
  expires_30: 'warn',
  expires_during_tour: 'bad',
  expired: 'bad',
  in_review: 'info',
  missing: 'bad',
};

export function VerificationBadge({ status }: { status: VerificationStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`}>{VERIFICATION_STATUS_LABELS[status]}</span>;
}

export function CertificateStateBadge({ state }: { state: CertificateState }) {
  return <span className={`badge ${CERTIFICATE_STATE_TONE[state]}`}>{CERTIFICATE_STATE_LABELS[state]}</span>;
}

