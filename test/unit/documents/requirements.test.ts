import { describe, expect, it } from 'vitest';
import { certificateStanding, expiryWindow, plannedTour, requiredCertificates } from '../../../src/engine/documents/requirements';
import { recheckDocument, registerEntryOf } from '../../../src/engine/documents/recheck';

describe('required certificates: the defaults by position (docs/domain.md#requirements-by-position)', () => {
  it('every seafarer needs STCW basic training, security awareness, an ENG1 and a passport; officers more', () => {
    expect(requiredCertificates('Stew').sort()).toEqual(['efa', 'eng1', 'fpff', 'passport', 'psa', 'pssr', 'pst']);
    expect(requiredCertificates('Chief Officer')).toEqual(expect.arrayContaining(['coc', 'pscrb', 'aff', 'pdsd']));
    expect(requiredCertificates('AV/IT Officer')).not.toContain('coc');
  });

  it('a dual role holds both parts’ requirements', () => {
    expect(requiredCertificates('Bosun/Stew')).toEqual(expect.arrayContaining(['pscrb', 'pdsd', 'pst']));
    expect(requiredCertificates('Deck/Stew')).toEqual(requiredCertificates('Stew'));
  });
});

describe('planned tour', () => {
  it('without a rotation runs to the assignment’s end, from today', () => {
    expect(plannedTour({ startDate: '2026-01-01', endDate: '2026-12-31', rotationWeeksOn: null, rotationWeeksOff: null }, '2026-06-01')).toEqual({ start: '2026-06-01', end: '2026-12-31' });
    expect(plannedTour({ startDate: '2026-01-01', endDate: null, rotationWeeksOn: null, rotationWeeksOff: null }, '2026-06-01')).toBeNull();
  });

  it('with a rotation is the "on" stretch under way or the next one', () => {
    const span = { startDate: '2026-01-01', endDate: null, rotationWeeksOn: 4, rotationWeeksOff: 2 };
    // Day 10 of the first 28-day stretch.
    expect(plannedTour(span, '2026-01-11')).toEqual({ start: '2026-01-11', end: '2026-01-28' });
    // Day 30 is leave: the next stretch starts on day 42.
    expect(plannedTour(span, '2026-01-31')).toEqual({ start: '2026-02-12', end: '2026-03-11' });
  });
});

describe('certificate standing', () => {
  const asOf = '2026-06-01';
  it('the longest-lasting verified document counts; review and missing otherwise', () => {
    expect(certificateStanding([], asOf, null).state).toBe('missing');
    expect(certificateStanding([{ documentId: 'a', status: 'review', expiresOn: '2030-01-01' }], asOf, null).state).toBe('in_review');
    const standing = certificateStanding(
      [
        { documentId: 'old', status: 'verified', expiresOn: '2026-06-20' },
        { documentId: 'new', status: 'verified', expiresOn: '2031-06-20' },
      ],
      asOf,
      null,
    );
    expect(standing).toMatchObject({ state: 'valid', documentId: 'new' });
  });

  it('warns at 30/60/90 days, and first of all when it expires during the tour', () => {
    const one = (expiresOn: string, tour: { start: string; end: string } | null = null) => certificateStanding([{ documentId: 'x', status: 'verified', expiresOn }], asOf, tour).state;
    expect(one('2026-05-31')).toBe('expired');
    expect(one('2026-06-20')).toBe('expires_30');
    expect(one('2026-07-20')).toBe('expires_60');
    expect(one('2026-08-20')).toBe('expires_90');
    expect(one('2026-12-20')).toBe('valid');
    expect(one('2026-12-20', { start: asOf, end: '2027-01-31' })).toBe('expires_during_tour');
    expect(expiryWindow(-1)).toBe(0);
    expect(expiryWindow(91)).toBeNull();
  });
});

describe('re-checking after a correction', () => {
  const mrzChecks = [
    { id: 'mrz_document_number', ok: true, message: 'ok' },
    { id: 'ocr_corrections', ok: true, message: 'none' },
    { id: 'expiry', ok: false, message: 'Expired' },
  ];
  const fields = { surname: 'SMITH', givenNames: 'JOANNA', dateOfBirth: '1990-04-12', documentNumber: '123456789', nationality: 'GBR', issuingState: 'GBR', sex: 'F' as const, expiryDate: '2031-01-01' };
  const person = { surname: 'Smith', givenNames: 'Joanna', dateOfBirth: '1990-04-12' };

  it('re-runs field checks (a corrected misread expiry is no longer expired) and keeps the reading checks', () => {
    const result = recheckDocument({ type: 'passport', fields, mrz: ['P<GBR…', '123…'], checks: mrzChecks, correctedFields: ['surname'] }, { asOf: '2026-06-01', person });
    expect(result.status).toBe('verified');
    expect(result.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['mrz_document_number', 'ocr_corrections', 'expiry', 'name', 'date_of_birth']));
  });

  it('never verifies a document whose check-digit-covered field a reviewer changed', () => {
    const result = recheckDocument({ type: 'passport', fields, mrz: ['P<GBR…', '123…'], checks: mrzChecks, correctedFields: ['expiryDate'] }, { asOf: '2026-06-01', person });
    expect(result).toMatchObject({ status: 'review', reasons: ['corrected_by_reviewer'] });
  });

  it('names the certificate a document proves and its effective expiry', () => {
    expect(registerEntryOf('stcw_certificate', { stcwReference: 'A-VI/1-1', dateOfIssue: '2024-01-10' })).toEqual({ kind: 'pst', expiresOn: '2029-01-10' });
    expect(registerEntryOf('stcw_certificate', { certificateType: 'Elementary First Aid', expiryDate: '2027-01-01' })).toEqual({ kind: 'efa', expiresOn: null });
    expect(registerEntryOf('eng1_medical', { expiryDate: '2027-01-01' })).toEqual({ kind: 'eng1', expiresOn: '2027-01-01' });
  });
});
