import type { CertificateState, DocumentType, VerificationReason, VerificationStatus } from '../../../../shared/api';

/** Words people read for the document vocabulary of the contract. */
export const STATUS_LABELS: Record<VerificationStatus, string> = { verified: 'Verified', review: 'Needs review', rejected: 'Rejected' };
const STATUS_TONE: Record<VerificationStatus, string> = { verified: 'ok', review: 'warn', rejected: 'bad' };

export const TYPE_LABELS: Record<DocumentType, string> = {
  passport: 'Passport',
  seamans_book: 'Seaman’s book',
  stcw_certificate: 'STCW certificate',
  eng1_medical: 'ENG1 medical',
  unknown: 'Not recognised',
};

export const REASON_LABELS: Record<VerificationReason, string> = {
  expired: 'expired',
  expires_during_tour: 'expires during the tour',
  mrz_check_digit: 'MRZ check digit wrong',
  mrz_format: 'MRZ unreadable',
  name_mismatch: 'name differs from the person',
  dob_mismatch: 'date of birth differs',
  medical_restriction: 'medical restriction',
  medical_unfit: 'unfit for sea service',
  specimen_or_unknown_state: 'specimen or unknown state',
  corrected_by_ocr: 'OCR corrected characters',
  corrected_by_reviewer: 'corrected by a reviewer',
  unreadable: 'file unreadable',
  unsupported_type: 'unsupported file type',
  unknown_type: 'document not recognised',
  low_confidence: 'low OCR confidence',
  missing_fields: 'fields missing',
  invalid_date: 'invalid date',
  validity_exceeds_rule: 'validity longer than the rule',
};

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
const STATE_TONE: Record<CertificateState, string> = {
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
  return <span className={`badge ${STATUS_TONE[status]}`}>{STATUS_LABELS[status]}</span>;
}

export function CertificateStateBadge({ state }: { state: CertificateState }) {
  return <span className={`badge ${STATE_TONE[state]}`}>{CERTIFICATE_STATE_LABELS[state]}</span>;
}

export const reasonsText = (reasons: readonly VerificationReason[]) => reasons.map((r) => REASON_LABELS[r]).join(', ');
