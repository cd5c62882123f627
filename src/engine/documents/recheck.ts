import type { CheckResult, DocumentFields, DocumentType, PersonIdentity, VerificationReason } from '../../shared/api/documents';
import type { CertificateKindId } from '../../shared/domain/certificates';
import { typeChecks, type Assessment } from './assess';
import { DEFAULT_CERTIFICATE_RULES, identifyCertificate, type CertificateKind, type CertificateRules } from './certificate-rules';
import { checkDateOfBirth, checkName, checkStateCode, checksOf, decideVerdict, effectiveExpiry, type RuleOutcome } from './rules';
import { fieldWords } from '../../shared/words';

/**
 * Re-running the checks after a reviewer corrected fields (issue 4 phase 2). The checks of the reading itself —
 * MRZ check digits, OCR corrections, calendar dates in the MRZ, confidence, the file — describe what the machine
 * saw and are kept as they were; every check of the field values is run again on the corrected fields.
 *
 * Safety rule (docs/documents.md#safety-rule, docs/documents.md#reviewer-decisions): a person typing a new value
 * into a field the MRZ check digits cover is a correction like an OCR one, so it can never verify a document by
 * itself — the reason `corrected_by_reviewer` keeps it in review until a person accepts it.
 */
const READING_CHECKS: Record<string, VerificationReason> = {
  mrz_document_number: 'mrz_check_digit',
  mrz_birth_date: 'mrz_check_digit',
  mrz_expiry_date: 'mrz_check_digit',
  mrz_personal_number: 'mrz_check_digit',
  mrz_composite: 'mrz_check_digit',
  ocr_corrections: 'corrected_by_ocr',
  mrz_dates: 'invalid_date',
  mrz_sex: 'mrz_format',
  mrz_format: 'mrz_format',
  confidence: 'low_confidence',
  // A doubtful MRZ glyph is a fact of the reading too: correcting another field must not make it go away.
  mrz_glyphs: 'low_confidence',
  document_type: 'unknown_type',
};

/** Fields an ICAO 9303 TD3 check digit covers (document number, birth, expiry; the composite covers them too). */
export const CHECK_DIGIT_FIELDS: ReadonlyArray<keyof DocumentFields> = ['documentNumber', 'dateOfBirth', 'expiryDate'];

export interface RecheckInput {
  type: DocumentType;
  fields: DocumentFields;
  mrz: string[] | null;
  /** The checks before the correction (their reading checks are kept). */
  checks: CheckResult[];
  /** Fields changed by a reviewer, in this correction or an earlier one. */
  correctedFields: ReadonlyArray<keyof DocumentFields>;
}

export interface RecheckOptions {
  asOf: string;
  person?: PersonIdentity;
  rules?: CertificateRules;
}

export function recheckDocument(input: RecheckInput, options: RecheckOptions): Omit<Assessment, 'mrz' | 'confidence' | 'type' | 'fields'> {
  const rules = options.rules ?? DEFAULT_CERTIFICATE_RULES;
  const outcomes: RuleOutcome[] = input.checks
    .filter((check) => Object.hasOwn(READING_CHECKS, check.id))
    .map((check) => (check.ok ? { check } : { check, reason: READING_CHECKS[check.id], severity: 'review' }));
  const { fields } = input;
  if (input.mrz) {
    outcomes.push(checkStateCode('issuing_state', fields.issuingState));
    outcomes.push(checkStateCode('nationality', fields.nationality));
  }
  if (input.type === 'unknown') {
    const file = input.checks.find((check) => check.id === 'file');
    if (file) outcomes.push({ check: file, reason: 'unreadable', severity: 'review' });
  }
  outcomes.push(...typeChecks(input.type, fields, certificateKindOf(fields, rules), input.mrz !== null, { asOf: options.asOf }, rules));
  if (options.person) {
    outcomes.push(checkName(fields, options.person));
    outcomes.push(checkDateOfBirth(fields.dateOfBirth, options.person));
  }
  const covered = input.mrz ? input.correctedFields.filter((field) => CHECK_DIGIT_FIELDS.includes(field)) : [];
  if (covered.length > 0) {
    outcomes.push({
      check: { id: 'reviewer_corrections', ok: false, message: `A reviewer corrected the ${fieldWords(covered)}, which the MRZ check digits cover; a person must accept the document` },
      reason: 'corrected_by_reviewer',
      severity: 'review',
    });
  }
  const verdict = decideVerdict(outcomes);
  return { checks: checksOf(outcomes), status: verdict.status, reasons: verdict.reasons };
}

/** The STCW kind named by a certificate's fields (its reference first, then its title). */
export function certificateKindOf(fields: DocumentFields, rules: CertificateRules = DEFAULT_CERTIFICATE_RULES): CertificateKind | null {
  const text = [fields.stcwReference, fields.certificateType].filter(Boolean).join(' ');
  return text ? identifyCertificate(text, rules) : null;
}

/** Which certificate of the register a document proves, and until when (null = does not expire). */
export function registerEntryOf(type: DocumentType, fields: DocumentFields, rules: CertificateRules = DEFAULT_CERTIFICATE_RULES): { kind: CertificateKindId | null; expiresOn: string | null } {
  switch (type) {
    case 'passport':
      return { kind: 'passport', expiresOn: fields.expiryDate ?? null };
    case 'seamans_book':
      return { kind: 'seamans_book', expiresOn: fields.expiryDate ?? null };
    case 'eng1_medical':
      return { kind: 'eng1', expiresOn: fields.expiryDate ?? null };
    case 'stcw_certificate': {
      const kind = certificateKindOf(fields, rules);
      return { kind: (kind?.id as CertificateKindId | undefined) ?? null, expiresOn: effectiveExpiry(kind, fields.dateOfIssue, fields.expiryDate) ?? null };
    }
    default:
      return { kind: null, expiresOn: null };
  }
}
