import type { DocumentFields, DocumentType, VerificationReason, VerificationStatus } from '../api/documents';

/**
 * The words people read for the document vocabulary of the contract: the screens, the `harmony verify` report and
 * the checks' own messages use these, never the identifiers (`certificateNumber`, `name_mismatch`).
 */
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  passport: 'Passport',
  seamans_book: 'Seaman’s book',
  stcw_certificate: 'STCW certificate',
  eng1_medical: 'ENG1 medical',
  unknown: 'Not recognised',
};

export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = { verified: 'Verified', review: 'Needs review', rejected: 'Rejected' };

export const DOCUMENT_FIELD_LABELS: Record<keyof DocumentFields, string> = {
  surname: 'Surname',
  givenNames: 'Given names',
  dateOfBirth: 'Date of birth',
  nationality: 'Nationality',
  documentNumber: 'Document number',
  issuingState: 'Issuing state',
  sex: 'Sex',
  dateOfIssue: 'Date of issue',
  expiryDate: 'Expiry date',
  certificateNumber: 'Certificate number',
  certificateType: 'Certificate',
  stcwReference: 'STCW reference',
  fitness: 'Fitness',
  restrictions: 'Restrictions',
};

export const FITNESS_LABELS: Record<NonNullable<DocumentFields['fitness']>, string> = {
  fit: 'Fit',
  fit_with_restrictions: 'Fit with restrictions',
  unfit: 'Unfit',
};

/** Field names inside a sentence: "Could not read: certificate number, expiry date". */
export const fieldWords = (fields: ReadonlyArray<keyof DocumentFields>): string =>
  fields.map((field) => (field === 'stcwReference' ? 'STCW reference' : DOCUMENT_FIELD_LABELS[field].toLowerCase())).join(', ');

export const VERIFICATION_REASON_LABELS: Record<VerificationReason, string> = {
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

export const reasonWords = (reasons: readonly VerificationReason[]): string => reasons.map((reason) => VERIFICATION_REASON_LABELS[reason]).join(', ');
