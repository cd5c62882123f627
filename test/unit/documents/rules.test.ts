import { describe, expect, it } from 'vitest';
import {
  assessDocument,
  checkCertificateValidity,
  checkDateOfBirth,
  checkExpiry,
  checkMedicalFitness,
  checkMedicalValidity,
  checkPlannedTour,
  checkStateCode,
  composeTd3,
  decideVerdict,
  DEFAULT_CERTIFICATE_RULES as RULES,
  effectiveExpiry,
  identifyCertificate,
  type OcrLine,
} from '../../../src/engine/documents';

const AS_OF = '2026-11-22';
const kind = (id: string) => RULES.kinds.find((k) => k.id === id)!;
const line = (text: string): OcrLine => ({ text, confidence: 0.9, symbols: [...text].map((c, i) => ({ text: c, confidence: 0.9, x0: i * 30, x1: i * 30 + 24 })) });
const person = { surname: 'Müller-Lüdenscheid', givenNames: 'Jörg Peter', dateOfBirth: '1985-03-14' };
const mrz = composeTd3({ issuingState: 'DEU', surname: 'MUELLER<LUEDENSCHEID', givenNames: 'JOERG<PETER', documentNumber: 'C4X7K2M91', nationality: 'DEU', birthDate: '850314', sex: 'M', expiryDate: '331012' });
const passportReading = (lines: [string, string]) => ({ text: 'PASSPORT\nSurname MÜLLER', textConfidence: 0.9, mrzReadings: [lines.map(line)] });

describe('rules', () => {
  it('state codes: known, unknown, and the ICAO specimen', () => {
    expect(checkStateCode('issuing_state', 'DEU').check.ok).toBe(true);
    expect(checkStateCode('nationality', 'D').check.ok).toBe(true);
    expect(checkStateCode('nationality', 'QQQ')).toMatchObject({ check: { ok: false }, reason: 'specimen_or_unknown_state', severity: 'review' });
    expect(checkStateCode('issuing_state', 'UTO')).toMatchObject({ check: { ok: false }, reason: 'specimen_or_unknown_state', severity: 'reject' });
  });

  it('expiry: valid through the expiry day, rejected after', () => {
    expect(checkExpiry('2026-11-22', AS_OF).check.ok).toBe(true);
    expect(checkExpiry('2026-11-21', AS_OF)).toMatchObject({ reason: 'expired', severity: 'reject' });
    expect(checkExpiry(null, AS_OF).check.ok).toBe(true);
    expect(checkExpiry(undefined, AS_OF)).toMatchObject({ reason: 'missing_fields' });
  });

  it('planned tour: expiring before the tour ends is a problem today (docs/domain.md#certificate-register-and-compliance-matrix)', () => {
    const tour = { start: '2027-01-01', end: '2027-03-31' };
    expect(checkPlannedTour('2027-02-15', tour)).toMatchObject({ check: { ok: false }, reason: 'expires_during_tour' });
    expect(checkPlannedTour('2027-03-31', tour).check.ok).toBe(true);
    expect(checkPlannedTour(null, tour).check.ok).toBe(true);
  });

  it('date of birth against the person', () => {
    expect(checkDateOfBirth('1985-03-14', person).check.ok).toBe(true);
    expect(checkDateOfBirth('1985-03-15', person)).toMatchObject({ reason: 'dob_mismatch' });
  });

  it('STCW refresher rules: 5 years for PST, no expiry for EFA (docs/domain.md#certificate-validity)', () => {
    expect(checkCertificateValidity(kind('pst'), '2025-01-10', '2030-01-09', RULES).check.ok).toBe(true);
    expect(checkCertificateValidity(kind('pst'), '2025-01-10', '2033-01-09', RULES)).toMatchObject({ reason: 'validity_exceeds_rule' });
    expect(checkCertificateValidity(kind('efa'), '2015-01-10', '2016-01-09', RULES).check).toEqual({
      id: 'validity_rule',
      ok: true,
      message: 'Elementary First Aid does not expire: STCW asks for no refresher; the printed date 9 Jan 2016 is not a limit',
    });
    expect(effectiveExpiry(kind('pst'), '2025-01-10', undefined)).toBe('2030-01-10');
    expect(effectiveExpiry(kind('pst'), '2025-01-10', '2033-01-09')).toBe('2030-01-10');
    expect(effectiveExpiry(kind('efa'), '2015-01-10', '2016-01-09')).toBeNull();
    expect(identifyCertificate('Section A-VI/3 Advanced Fire Fighting')?.id).toBe('aff');
  });

  it('the rules are configurable defaults', () => {
    const strict = { ...RULES, kinds: RULES.kinds.map((k) => (k.id === 'pst' ? { ...k, validityYears: 3 } : k)) };
    const pst = strict.kinds.find((k) => k.id === 'pst')!;
    expect(checkCertificateValidity(pst, '2025-01-10', '2030-01-09', strict)).toMatchObject({ reason: 'validity_exceeds_rule' });
  });

  it('ENG1: 2 years, 1 year under 18; restrictions and unfitness stop verification', () => {
    expect(checkMedicalValidity('2025-11-10', '2027-11-09', '1983-04-22', RULES).check.ok).toBe(true);
    expect(checkMedicalValidity('2025-11-10', '2027-11-09', '2009-01-01', RULES)).toMatchObject({ reason: 'validity_exceeds_rule' });
    expect(checkMedicalValidity('2025-11-10', '2026-11-09', '2009-01-01', RULES).check.ok).toBe(true);
    expect(checkMedicalFitness('fit', []).check.ok).toBe(true);
    expect(checkMedicalFitness('fit_with_restrictions', ['Not fit for lookout duties at night'])).toMatchObject({ reason: 'medical_restriction', severity: 'review' });
    expect(checkMedicalFitness('unfit', [])).toMatchObject({ reason: 'medical_unfit', severity: 'reject' });
  });

  it('verdict: reject beats review beats verified', () => {
    const ok = checkExpiry('2030-01-01', AS_OF);
    expect(decideVerdict([ok])).toEqual({ status: 'verified', reasons: [] });
    expect(decideVerdict([ok, checkDateOfBirth('1985-03-15', person)])).toEqual({ status: 'review', reasons: ['dob_mismatch'] });
    expect(decideVerdict([checkDateOfBirth('1985-03-15', person), checkExpiry('2020-01-01', AS_OF)])).toEqual({ status: 'rejected', reasons: ['dob_mismatch', 'expired'] });
  });
});

describe('assessDocument', () => {
  it('verifies a genuine passport of the person', () => {
    const result = assessDocument(passportReading(mrz), { asOf: AS_OF, person });
    expect(result.status).toBe('verified');
    expect(result.type).toBe('passport');
    expect(result.fields).toEqual({ surname: 'MUELLER LUEDENSCHEID', givenNames: 'JOERG PETER', dateOfBirth: '1985-03-14', nationality: 'DEU', documentNumber: 'C4X7K2M91', issuingState: 'DEU', sex: 'M', expiryDate: '2033-10-12' });
    expect(result.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['mrz_document_number', 'mrz_composite', 'issuing_state', 'expiry', 'name', 'date_of_birth']));
  });

  it('safety: a printed look-alike the OCR read as a digit (the glyph check) sends an otherwise valid passport to review', () => {
    const glyphs = (margin: number) => ({ ...passportReading(mrz), mrzGlyphs: [{ line: 1, column: 14, read: '5', seen: 'S', margin }] });
    expect(assessDocument(glyphs(0.01), { asOf: AS_OF, person }).status).toBe('verified');
    const result = assessDocument(glyphs(0.4), { asOf: AS_OF, person });
    expect(result).toMatchObject({ status: 'review', reasons: ['mrz_format'] });
    // It never changes what was read.
    expect(result.mrz).toEqual(mrz);
  });

  it('safety: a correction in a covered field never verifies, even when it makes every check digit pass', () => {
    // 850314 printed as B50314: the mrz package's B→8 correction makes the MRZ self-consistent again.
    const forged: [string, string] = [mrz[0], mrz[1].slice(0, 13) + 'B' + mrz[1].slice(14)];
    const result = assessDocument(passportReading(forged), { asOf: AS_OF, person });
    expect(result.checks.filter((c) => c.id.startsWith('mrz_') && c.id !== 'mrz_dates').every((c) => c.ok)).toBe(true);
    expect(result.status).toBe('review');
    expect(result.reasons).toContain('corrected_by_ocr');
  });

  it('a tampered date fails its check digit and the composite', () => {
    const tampered: [string, string] = [mrz[0], mrz[1].slice(0, 14) + '7' + mrz[1].slice(15)];
    const result = assessDocument(passportReading(tampered), { asOf: AS_OF });
    expect(result.status).toBe('review');
    expect(result.reasons).toEqual(['mrz_check_digit']);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['mrz_birth_date', 'mrz_composite']);
  });

  it('rejects the ICAO specimen and expired passports', () => {
    const specimen = assessDocument(passportReading(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10']), { asOf: AS_OF });
    expect(specimen.status).toBe('rejected');
    expect(specimen.reasons).toEqual(expect.arrayContaining(['specimen_or_unknown_state', 'expired']));
  });

  it('name mismatch sends to review with the reason', () => {
    const result = assessDocument(passportReading(mrz), { asOf: AS_OF, person: { ...person, givenNames: 'Jörg' } });
    expect(result).toMatchObject({ status: 'review', reasons: ['name_mismatch'] });
  });

  it('a passport page without a readable MRZ goes to review', () => {
    const result = assessDocument({ text: 'PASSPORT\nSurname ERIKSSON', textConfidence: 0.9, mrzReadings: null }, { asOf: AS_OF });
    expect(result).toMatchObject({ type: 'passport', status: 'review', mrz: null });
    expect(result.reasons).toContain('mrz_format');
  });

  it('a non-expiring STCW certificate is verified whatever date is printed; unknown pages go to review', () => {
    const text = 'CERTIFICATE OF PROFICIENCY\nElementary First Aid\nSection A-VI/1-3\nCertificate No.: X1\nName of holder: KOWALSKI, Tomasz\nDate of birth: 24.12.2001\nDate of issue: 22.11.2020';
    expect(assessDocument({ text, textConfidence: 0.9, mrzReadings: null }, { asOf: AS_OF })).toMatchObject({ type: 'stcw_certificate', status: 'verified' });
    expect(assessDocument({ text: 'lorem ipsum', textConfidence: 0.9, mrzReadings: null }, { asOf: AS_OF })).toMatchObject({ type: 'unknown', status: 'review', reasons: ['unknown_type'] });
  });

  it('low OCR confidence goes to review', () => {
    const text = 'CERTIFICATE OF PROFICIENCY\nElementary First Aid\nSection A-VI/1-3\nCertificate No.: X1\nName of holder: KOWALSKI, Tomasz\nDate of issue: 22.11.2020';
    expect(assessDocument({ text, textConfidence: 0.3, mrzReadings: null }, { asOf: AS_OF }).reasons).toEqual(['low_confidence']);
  });
});
