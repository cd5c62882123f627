import type {
  DocumentFields,
  DocumentType,
  PersonIdentity,
  PlannedTour,
  VerificationResult,
} from '../../shared/api/documents';
import { DEFAULT_CERTIFICATE_RULES, type CertificateRules } from './certificate-rules';
import { formatDate } from '../../shared/domain/dates';
import { mrzDateToIso } from './dates';
import { detectDocumentType } from './detect';
import { extractLabelledFields } from './labelled-fields';
import { isCheckDigitCovered, MrzFormatError, readTd3Best, type MrzReading } from './mrz';
import { checkMrzGlyphs } from './mrz-glyph-check';
import { checkMrzShapes } from './mrz-template-reader';
import type { DocumentReading } from './reading';
import {
  checkCertificateValidity,
  checkConfidence,
  checkDateOfBirth,
  checkExpiry,
  checkMedicalFitness,
  checkMedicalValidity,
  checkName,
  checkPlannedTour,
  checkRequiredFields,
  checkStateCode,
  checksOf,
  decideVerdict,
  presentReading,
  effectiveExpiry,
  type RuleOutcome,
} from './rules';

export interface AssessOptions {
  /** The day the document must be valid on (ISO); the engine has no clock. */
  asOf: string;
  person?: PersonIdentity;
  plannedTour?: PlannedTour;
  rules?: CertificateRules;
}

export type Assessment = Omit<VerificationResult, 'file' | 'ms'>;

/** From what OCR read to type, fields, checks and verdict. Pure: the same reading always gives the same answer. */
export function assessDocument(reading: DocumentReading, options: AssessOptions): Assessment {
  const rules = options.rules ?? DEFAULT_CERTIFICATE_RULES;
  let mrz: MrzReading | null = null;
  let mrzError: string | null = null;
  if (reading.mrzReadings && reading.mrzReadings.length > 0) {
    try {
      mrz = readTd3Best(reading.mrzReadings);
    } catch (error) {
      if (!(error instanceof MrzFormatError)) throw error;
      mrzError = error.message;
    }
  }
  const type = detectDocumentType(reading.text, mrz?.fields.documentCode ?? (reading.mrzReadings ? 'P' : null));
  const labelled = extractLabelledFields(reading.text, rules);
  const outcomes: RuleOutcome[] = [];
  let fields: DocumentFields;
  // OCR's own confidence in what the verdict rests on; null where no OCR read it (an MRZ read from its shapes).
  let confidence: number | null = reading.textConfidence;

  if (mrz) {
    const fromMrz = mrzFields(mrz, options.asOf, outcomes);
    fields = { ...labelled.fields, ...fromMrz };
    // A certificate's own number is not the MRZ's; keep the kind-specific extras only.
    if (type === 'passport') fields = pick(fields, ['surname', 'givenNames', 'dateOfBirth', 'nationality', 'documentNumber', 'issuingState', 'sex', 'dateOfIssue', 'expiryDate']);
    if (reading.mrzShapes) {
      // Read by template matching, not OCR: the shape check is its confidence check.
      confidence = null;
      outcomes.push(checkMrzShapes(reading.mrzShapes));
    } else {
      confidence = mrz.confidence;
      outcomes.push(checkConfidence(mrz.confidence, rules, 'machine-readable zone'));
      if (reading.mrzGlyphs) outcomes.push(checkMrzGlyphs(reading.mrzGlyphs));
    }
  } else {
    fields = labelled.fields;
    if (type === 'passport') {
      outcomes.push({
        check: { id: 'mrz_format', ok: false, message: mrzError ?? 'No machine-readable zone was found on the passport page' },
        reason: 'mrz_format',
        severity: 'review',
      });
    }
    outcomes.push(checkConfidence(reading.textConfidence, rules, 'page text'));
  }

  outcomes.push(...typeChecks(type, fields, labelled.certificateKind, mrz !== null, options, rules));
  if (options.person) {
    outcomes.push(checkName(fields, options.person, mrz?.nameTruncated ?? false));
    outcomes.push(checkDateOfBirth(fields.dateOfBirth, options.person));
  }
  const verdict = decideVerdict(outcomes);
  const shown = presentReading(checksOf(outcomes), confidence === null ? null : Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000);
  return { type, fields, mrz: mrz ? [...mrz.lines] : null, checks: shown.checks, status: verdict.status, reasons: verdict.reasons, confidence: shown.confidence };
}

function pick(fields: DocumentFields, keys: Array<keyof DocumentFields>): DocumentFields {
  return Object.fromEntries(keys.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]])) as DocumentFields;
}

/** MRZ fields, plus the MRZ checks: check digits, corrections in covered fields, codes, calendar dates. */
function mrzFields(mrz: MrzReading, asOf: string, outcomes: RuleOutcome[]): DocumentFields {
  for (const digit of mrz.checkDigits) {
    outcomes.push(
      digit.ok
        ? { check: { id: digit.id, ok: true, message: `Check digit of the ${digit.label} is ${digit.digit}, as computed` } }
        : {
            check: { id: digit.id, ok: false, message: `Check digit of the ${digit.label} "${digit.value}" reads ${digit.digit}, which does not match` },
            reason: 'mrz_check_digit',
            severity: 'review',
          },
    );
  }
  const covered = mrz.corrections.filter((c) => isCheckDigitCovered(c.line, c.column));
  outcomes.push(
    covered.length === 0
      ? {
          check: {
            id: 'ocr_corrections',
            ok: true,
            message:
              (mrz.corrections.length ? `${mrz.corrections.length} OCR correction(s), none in check-digit-covered fields` : 'No OCR corrections were needed') +
              (mrz.pass > 1 ? ` (line 2 from independent reading ${mrz.pass})` : ''),
          },
        }
      : {
          check: {
            id: 'ocr_corrections',
            ok: false,
            message: `OCR corrected or could not agree on ${covered.length} character(s) in check-digit-covered fields (${covered.map((c) => `line 2 col ${c.column + 1}: ${c.why === 'disagreement' ? `read both ${c.from} and ${c.to}` : `${c.from || '∅'}→${c.to}`}`).join(', ')}); a person must confirm them`,
          },
          reason: 'corrected_by_ocr',
          severity: 'review',
        },
  );
  outcomes.push(checkStateCode('issuing_state', mrz.fields.issuingState));
  outcomes.push(checkStateCode('nationality', mrz.fields.nationality));

  const fields: DocumentFields = {
    surname: mrz.fields.surname,
    givenNames: mrz.fields.givenNames,
    nationality: mrz.fields.nationality,
    documentNumber: mrz.fields.documentNumber,
    issuingState: mrz.fields.issuingState,
  };
  const sex = mrz.fields.sex === '<' ? 'X' : mrz.fields.sex;
  if (sex === 'M' || sex === 'F' || sex === 'X') fields.sex = sex;
  // No check digit covers the sex: a misread there would pass every check, so an impossible value is a review.
  else outcomes.push({ check: { id: 'mrz_sex', ok: false, message: `The sex field reads "${mrz.fields.sex}", not M, F or <` }, reason: 'mrz_format', severity: 'review' });
  const birth = mrzDateToIso(mrz.fields.birthDate, 'birth', asOf);
  const expiry = mrzDateToIso(mrz.fields.expiryDate, 'expiry', asOf);
  if (birth) fields.dateOfBirth = birth;
  if (expiry) fields.expiryDate = expiry;
  const badDates = [!birth && `date of birth "${mrz.fields.birthDate}"`, !expiry && `date of expiry "${mrz.fields.expiryDate}"`].filter(Boolean);
  outcomes.push(
    badDates.length === 0
      ? { check: { id: 'mrz_dates', ok: true, message: 'Dates in the machine-readable zone are real calendar dates' } }
      : { check: { id: 'mrz_dates', ok: false, message: `Not a calendar date: ${badDates.join(', ')}` }, reason: 'invalid_date', severity: 'review' },
  );
  return fields;
}

const REQUIRED: Record<DocumentType, Array<keyof DocumentFields>> = {
  passport: ['surname', 'documentNumber', 'dateOfBirth', 'expiryDate'],
  seamans_book: ['surname', 'documentNumber', 'dateOfBirth'],
  stcw_certificate: ['surname', 'certificateNumber', 'certificateType', 'dateOfIssue'],
  eng1_medical: ['surname', 'certificateNumber', 'dateOfBirth', 'dateOfIssue', 'expiryDate', 'fitness'],
  unknown: [],
};

/** The checks that depend on the document type and its fields alone (phase 2 re-runs them after a correction). */
export function typeChecks(
  type: DocumentType,
  fields: DocumentFields,
  kind: ReturnType<typeof extractLabelledFields>['certificateKind'],
  hasMrz: boolean,
  options: AssessOptions,
  rules: CertificateRules,
): RuleOutcome[] {
  if (type === 'unknown') {
    return [{ check: { id: 'document_type', ok: false, message: 'Not recognised as a passport, seaman’s book, STCW certificate or seafarer medical' }, reason: 'unknown_type', severity: 'review' }];
  }
  const outcomes: RuleOutcome[] = [];
  if (!hasMrz || type !== 'passport') outcomes.push(checkRequiredFields(fields, REQUIRED[type]));
  let expiry: string | null | undefined = fields.expiryDate;
  let note = '';
  if (type === 'stcw_certificate') {
    outcomes.push(checkCertificateValidity(kind, fields.dateOfIssue, fields.expiryDate, rules));
    expiry = effectiveExpiry(kind, fields.dateOfIssue, fields.expiryDate);
    // A rule expiry other than the printed one is counted from the issue date, so there is one.
    if (expiry && expiry !== fields.expiryDate) note = ` (${kind?.validityYears}-year refresher rule from ${formatDate(fields.dateOfIssue!)})`;
  } else if (type === 'eng1_medical') {
    outcomes.push(checkMedicalValidity(fields.dateOfIssue, fields.expiryDate, fields.dateOfBirth ?? options.person?.dateOfBirth, rules));
    outcomes.push(checkMedicalFitness(fields.fitness, fields.restrictions));
  } else if (type === 'seamans_book') {
    // Many discharge books never expire; an issuing state printed as a code is checked like a passport's.
    if (fields.expiryDate === undefined) expiry = null;
    if (fields.issuingState && /^[A-Z]{3}$/.test(fields.issuingState)) outcomes.push(checkStateCode('issuing_state', fields.issuingState));
  }
  outcomes.push(checkExpiry(expiry, options.asOf, note));
  if (options.plannedTour) outcomes.push(checkPlannedTour(expiry, options.plannedTour));
  return outcomes;
}

/** The answer for a file that could not be read at all (shared with the shells, which meet such files first). */
export { unreadableAssessment } from '../../shared/api/unreadable-document';
