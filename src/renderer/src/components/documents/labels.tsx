import type { CertificateState, VerificationStatus } from '../../../../shared/api';
import { words } from '../../../../shared/words';

/** Badges for the document vocabulary; their words are the dictionary's (src/shared/words). */
const STATUS_TONE: Record<VerificationStatus, string> = { verified: 'ok', review: 'warn', rejected: 'bad' };

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
  return <span className={`badge ${STATUS_TONE[status]}`}>{words.verificationStatuses[status]}</span>;
}

export function CertificateStateBadge({ state }: { state: CertificateState }) {
  return <span className={`badge ${CERTIFICATE_STATE_TONE[state]}`}>{words.certificateStates[state]}</span>;
}

