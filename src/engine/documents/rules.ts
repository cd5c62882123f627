import type { CheckResult, DocumentFields, PersonIdentity, PlannedTour, VerificationReason } from '../../shared/api/documents';
import type { CertificateKind, CertificateRules } from './certificate-rules';
import { formatDate, formatDateRange } from '../../shared/domain/dates';
import { addYearsIso, ageOn, daysBetween } from './dates';
import { SPECIMEN_STATE, stateName } from './mrz';
import { compareNames } from './transliterate';
import { fieldWords, words } from '../../shared/words';

/**
 * The checks of issue 4, each a pure function returning a named result. `reason` and `severity` say what a
 * failure does to the verdict: `review` asks a person to look, `reject` means the document itself is not valid.
 * Phase 2's certificate register and compliance matrix call the same functions.
 */
export interface RuleOutcome {
  check: CheckResult;
  reason?: VerificationReason;
  severity?: 'review' | 'reject';
}

const pass = (id: string, message: string): RuleOutcome => ({ check: { id, ok: true, message } });
const fail = (id: string, message: string, reason: VerificationReason, severity: 'review' | 'reject' = 'review'): RuleOutcome => ({
  check: { id, ok: false, message },
  reason,
  severity,
});

/** Issuing state or nationality against the ICAO/ISO table; the specimen state `UTO` is rejected outright. */
export function checkStateCode(id: 'issuing_state' | 'nationality', code: string | undefined): RuleOutcome {
  const label = id === 'issuing_state' ? words.documentFields.issuingState : words.documentFields.nationality;
  if (!code) return fail(id, `${label} could not be read`, 'specimen_or_unknown_state');
  if (code === SPECIMEN_STATE) return fail(id, `${label} ${code} is ICAO's specimen state (Utopia): a sample document, not a real one`, 'specimen_or_unknown_state', 'reject');
  const name = stateName(code);
  return name ? pass(id, `${label} ${code} (${name})`) : fail(id, `${label} "${code}" is not the code of a country or a travel-document authority`, 'specimen_or_unknown_state');
}

/** A document is valid through its expiry day. */
export function checkExpiry(expiryDate: string | null | undefined, asOf: string, note = ''): RuleOutcome {
  if (expiryDate === null) return pass('expiry', `Does not expire${note}`);
  if (!expiryDate) return fail('expiry', 'No expiry date could be read', 'missing_fields');
  const days = daysBetween(asOf, expiryDate);
  if (days < 0) return fail('expiry', `Expired on ${formatDate(expiryDate)}${note} (${-days} days before ${formatDate(asOf)})`, 'expired', 'reject');
  return pass('expiry', `Valid until ${formatDate(expiryDate)}${note} (${days} days after ${formatDate(asOf)})`);
}

/** A certificate that expires during a planned tour is a problem today, not on its expiry date (docs/domain.md#certificate-register-and-compliance-matrix). */
export function checkPlannedTour(expiryDate: string | null | undefined, tour: PlannedTour): RuleOutcome {
  if (expiryDate === null) return pass('planned_tour', `Does not expire, so it covers the tour ${formatDateRange(tour.start, tour.end)}`);
  if (!expiryDate) return fail('planned_tour', 'Cannot tell whether it covers the planned tour: no expiry date', 'missing_fields');
  if (expiryDate < tour.end) {
    return fail('planned_tour', `Expires on ${formatDate(expiryDate)}, before the planned tour ends on ${formatDate(tour.end)}`, 'expires_during_tour');
  }
  return pass('planned_tour', `Covers the planned tour ${formatDateRange(tour.start, tour.end)}`);
}

export function checkName(read: { surname?: string; givenNames?: string }, person: PersonIdentity, truncated = false): RuleOutcome {
  if (!read.surname) return fail('name', 'No name could be read to compare with the person', 'name_mismatch');
  const result = compareNames({ surname: read.surname, givenNames: read.givenNames ?? '' }, person, { truncated });
  return result.ok ? pass('name', result.message) : fail('name', result.message, 'name_mismatch');
}

export function checkDateOfBirth(read: string | undefined, person: PersonIdentity): RuleOutcome {
  if (!read) return fail('date_of_birth', 'No date of birth could be read to compare with the person', 'dob_mismatch');
  return read === person.dateOfBirth
    ? pass('date_of_birth', `Date of birth ${formatDate(read)} matches the person`)
    : fail('date_of_birth', `Date of birth reads ${formatDate(read)}, the person was born on ${formatDate(person.dateOfBirth)}`, 'dob_mismatch');
}

/**
 * When a certificate stops being valid: the printed expiry, capped by the refresher rule counted from the issue
 * date; null for certificates that do not expire (EFA, PSSR, the security proficiencies), whatever date is
 * printed (docs/domain.md#certificate-validity).
 */
export function effectiveExpiry(kind: CertificateKind | null, dateOfIssue: string | undefined, printedExpiry: string | undefined): string | null | undefined {
  if (kind && kind.validityYears === null) return null;
  const ruleExpiry = kind?.validityYears && dateOfIssue ? addYearsIso(dateOfIssue, kind.validityYears) : undefined;
  if (printedExpiry && ruleExpiry) return printedExpiry < ruleExpiry ? printedExpiry : ruleExpiry;
  return printedExpiry ?? ruleExpiry;
}

/** STCW refresher periods (docs/domain.md#certificate-validity): a printed validity longer than the rule allows is for a person to judge. */
export function checkCertificateValidity(
  kind: CertificateKind | null,
  dateOfIssue: string | undefined,
  printedExpiry: string | undefined,
  rules: CertificateRules,
): RuleOutcome {
  const id = 'validity_rule';
  if (!kind) return fail(id, 'The kind of certificate was not recognised, so its validity rule is unknown', 'unknown_type');
  if (kind.validityYears === null) {
    return pass(id, `${kind.name} does not expire: STCW asks for no refresher${printedExpiry ? `; the printed date ${formatDate(printedExpiry)} is not a limit` : ''}`);
  }
  if (!dateOfIssue) return fail(id, 'No issue date could be read to apply the refresher rule', 'missing_fields');
  const limit = addYearsIso(dateOfIssue, kind.validityYears);
  if (printedExpiry && daysBetween(limit, printedExpiry) > rules.validitySlackDays) {
    return fail(id, `Printed expiry ${formatDate(printedExpiry)} is later than the ${kind.validityYears}-year rule allows (${formatDate(limit)})`, 'validity_exceeds_rule');
  }
  return pass(id, `Within the ${kind.validityYears}-year refresher rule (due by ${formatDate(printedExpiry ?? limit)})`);
}

/** ENG1: at most 2 years, at most 1 year when the holder was under 18 at the examination (docs/domain.md#medical-fitness). */
export function checkMedicalValidity(dateOfIssue: string | undefined, expiryDate: string | undefined, dateOfBirth: string | undefined, rules: CertificateRules): RuleOutcome {
  const id = 'validity_rule';
  if (!dateOfIssue || !expiryDate) return fail(id, 'Issue and expiry dates are both needed to check the medical validity rule', 'missing_fields');
  const minor = dateOfBirth ? ageOn(dateOfBirth, dateOfIssue) < 18 : false;
  const years = minor ? rules.medicalValidityYearsUnder18 : rules.medicalValidityYears;
  const limit = addYearsIso(dateOfIssue, years);
  if (daysBetween(limit, expiryDate) > rules.validitySlackDays) {
    return fail(id, `Valid for longer than ${years} year${years > 1 ? 's' : ''}${minor ? ' (holder under 18)' : ''}: expiry ${formatDate(expiryDate)} is after ${formatDate(limit)}`, 'validity_exceeds_rule');
  }
  return pass(id, `Within the ${years}-year validity of a seafarer medical${minor ? ' for a holder under 18' : ''}`);
}

/** Restrictions must be stored and shown (docs/domain.md#medical-fitness); any restriction or unfitness stops automatic verification. */
export function checkMedicalFitness(fitness: string | undefined, restrictions: string[] | undefined): RuleOutcome {
  const id = 'medical_fitness';
  if (fitness === 'unfit') return fail(id, 'The holder is certified unfit for sea service', 'medical_unfit', 'reject');
  if (restrictions && restrictions.length > 0) return fail(id, `Fit with restrictions: ${restrictions.join('; ')}`, 'medical_restriction');
  if (fitness === 'fit_with_restrictions') return fail(id, 'Fit with restrictions (which could not be read)', 'medical_restriction');
  if (fitness === 'fit') return pass(id, 'Fit for sea service, no restrictions');
  return fail(id, 'The fitness statement could not be read', 'missing_fields');
}

export function checkConfidence(confidence: number, rules: CertificateRules, what: string): RuleOutcome {
  const percent = Math.round(confidence * 100);
  return confidence >= rules.minConfidence
    ? pass('confidence', `OCR confidence ${percent}% on the ${what}`)
    : fail('confidence', `OCR confidence ${percent}% on the ${what} is below ${Math.round(rules.minConfidence * 100)}%`, 'low_confidence');
}

/**
 * The checks and the OCR confidence as a person is shown them: a confidence only where OCR produced it (there is
 * a `confidence` check), and a passing one never beside a failed check, where "OCR confidence 100%" would read as
 * reassurance about a reading that failed. The stored checks keep it; every answer shows it this way.
 */
export function presentReading(checks: CheckResult[], confidence: number | null): { checks: CheckResult[]; confidence: number | null } {
  const own = checks.find((check) => check.id === 'confidence');
  if (!own) return { checks, confidence: null };
  if (own.ok && checks.some((check) => !check.ok)) return { checks: checks.filter((check) => check !== own), confidence: null };
  return { checks, confidence };
}

export function checkRequiredFields(present: DocumentFields, required: Array<keyof DocumentFields>): RuleOutcome {
  const missing = required.filter((name) => present[name] === undefined || present[name] === '');
  return missing.length === 0
    ? pass('required_fields', `Read the ${fieldWords(required)}`)
    : fail('required_fields', `Could not read the ${fieldWords(missing)}`, 'missing_fields');
}

export interface Verdict {
  status: 'verified' | 'review' | 'rejected';
  reasons: VerificationReason[];
}

/**
 * The checks as stored and shown: a failed check that proves the document invalid says so (`rejects`), so a
 * reviewer can be told why it cannot be accepted (src/engine/documents/actions.ts).
 */
export const checksOf = (outcomes: RuleOutcome[]): CheckResult[] =>
  outcomes.map((o) => (!o.check.ok && o.severity === 'reject' ? { ...o.check, rejects: true } : o.check));

/** Rejected when a check proves the document invalid, review when any other check failed, verified otherwise. */
export function decideVerdict(outcomes: RuleOutcome[]): Verdict {
  const failed = outcomes.filter((o) => !o.check.ok);
  const reasons = [...new Set(failed.map((o) => o.reason).filter((r): r is VerificationReason => r !== undefined))];
  if (failed.some((o) => o.severity === 'reject')) return { status: 'rejected', reasons };
  return { status: failed.length > 0 ? 'review' : 'verified', reasons };
}
