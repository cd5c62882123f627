import { describe, expect, it } from 'vitest';
import {
  compareNames,
  detectDocumentType,
  DEFAULT_CERTIFICATE_RULES,
  extractLabelledFields,
  findPrintedDate,
  mrzDateToIso,
  normaliseStcwReference,
  parsePrintedDate,
  splitHolderName,
  transliterate,
} from '../../../src/engine/documents';

describe('ICAO transliteration and name matching', () => {
  it('follows Doc 9303 Part 3', () => {
    expect(transliterate('Müller-Lüdenscheid')).toBe('MUELLER<LUEDENSCHEID');
    expect(transliterate('Strauß')).toBe('STRAUSS');
    expect(transliterate("O'Neill")).toBe('ONEILL');
    expect(transliterate('Ærøskøbing Åse')).toBe('AEROESKOEBING<AASE');
    expect(transliterate('Chloé  Anne')).toBe('CHLOE<ANNE');
    expect(transliterate('Van der Berg')).toBe('VAN<DER<BERG');
  });

  it('matches given names in any order and either spelling of umlauts', () => {
    expect(compareNames({ surname: 'OEZTUERK', givenNames: 'ALI MEHMET' }, { surname: 'Öztürk', givenNames: 'Mehmet Ali' }).ok).toBe(true);
    expect(compareNames({ surname: 'OZTURK', givenNames: 'Mehmet Ali' }, { surname: 'Öztürk', givenNames: 'Mehmet Ali' }).ok).toBe(true);
    expect(compareNames({ surname: 'MUELLER LUEDENSCHEID', givenNames: 'JOERG PETER' }, { surname: 'Müller-Lüdenscheid', givenNames: 'Jörg Peter' }).ok).toBe(true);
  });

  it('accepts the plain spelling of letters without a separable accent (Ø as O, Ł as L), as certificates print them', () => {
    expect(compareNames({ surname: 'OLSTAD', givenNames: 'BJORN' }, { surname: 'Ølstad', givenNames: 'Bjørn' }).ok).toBe(true);
    expect(compareNames({ surname: 'OELSTAD', givenNames: 'BJOERN' }, { surname: 'Ølstad', givenNames: 'Bjørn' }).ok).toBe(true);
    expect(compareNames({ surname: 'WALESA', givenNames: 'LECH' }, { surname: 'Wałęsa', givenNames: 'Lech' }).ok).toBe(true);
    expect(compareNames({ surname: 'BRN', givenNames: 'BJRN' }, { surname: 'Børn', givenNames: 'Bjørn' }).ok).toBe(false);
    // The page pass's English model has no ø: it reads whatever looks closest, and only there is anything allowed.
    expect(compareNames({ surname: 'SIMKOVA', givenNames: 'Bjgrn' }, { surname: 'Šimková', givenNames: 'Bjørn' }).ok).toBe(true);
    expect(compareNames({ surname: 'SIMKOVA', givenNames: 'Bjgrm' }, { surname: 'Šimková', givenNames: 'Bjørn' }).ok).toBe(false);
    expect(compareNames({ surname: 'SIMKOVA', givenNames: 'Bjrn' }, { surname: 'Šimková', givenNames: 'Bjørn' }).ok).toBe(false);
  });

  it('names what differs', () => {
    const result = compareNames({ surname: 'VAN DER BERG', givenNames: 'PIETER JAN' }, { surname: 'Van den Bergh', givenNames: 'Pieter Jan' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/surname reads VAN DER BERG, the person is VAN DEN BERGH/);
    expect(compareNames({ surname: 'SANTOS', givenNames: 'MARIA' }, { surname: 'Santos', givenNames: 'Maria Luisa' }).ok).toBe(false);
  });

  it('accepts a name the MRZ cut short only when told it is truncated', () => {
    const read = { surname: 'SANTOS', givenNames: 'MARIA LU' };
    expect(compareNames(read, { surname: 'Santos', givenNames: 'Maria Luisa' }).ok).toBe(false);
    expect(compareNames(read, { surname: 'Santos', givenNames: 'Maria Luisa' }, { truncated: true }).ok).toBe(true);
  });
});

describe('printed dates', () => {
  it.each([
    ['14 JUN 2030', '2030-06-14'],
    ['14 Jun 2030', '2030-06-14'],
    ['14/06/2030', '2030-06-14'],
    ['14.06.2030', '2030-06-14'],
    ['2030-06-14', '2030-06-14'],
    ['14 June 2030', '2030-06-14'],
    ['June 14, 2030', '2030-06-14'],
    ['14 JUN/JUIN 2030', '2030-06-14'],
    ['1O/O6/2O3O', '2030-06-10'],
    ['4 OCT 2029', '2029-10-04'],
  ])('%s → %s', (text, iso) => {
    expect(parsePrintedDate(text)).toBe(iso);
  });

  it('refuses what is not a calendar date', () => {
    expect(parsePrintedDate('31/02/2030')).toBeNull();
    expect(parsePrintedDate('None')).toBeNull();
    expect(parsePrintedDate('')).toBeNull();
  });

  it('finds a date inside a value', () => {
    expect(findPrintedDate('Valid until 01 MAR 2029 (inclusive)')).toBe('2029-03-01');
    expect(findPrintedDate('Issued under MLC 2006')).toBeNull();
  });

  it('puts MRZ years in the right century', () => {
    expect(mrzDateToIso('740812', 'birth', '2026-11-22')).toBe('1974-08-12');
    expect(mrzDateToIso('011224', 'birth', '2026-11-22')).toBe('2001-12-24');
    expect(mrzDateToIso('330101', 'expiry', '2026-11-22')).toBe('2033-01-01');
    expect(mrzDateToIso('120415', 'expiry', '2026-11-22')).toBe('2012-04-15');
    expect(mrzDateToIso('741312', 'birth', '2026-11-22')).toBeNull();
  });
});

describe('document type and labelled fields', () => {
  const eng1 = [
    'ENG1 SEAFARER MEDICAL CERTIFICATE',
    'Issued under MLC 2006 and STCW Regulation I/9',
    'Certificate No.:     ENG1-2025-830422',
    'Surname:      DUBOIS',
    'Forenames:    Chloé Anne',
    'Date of birth:   22 APR 1983',
    'Date of examination:   10 NOV 2025',
    'Date of expiry:   09 NOV 2027',
    'Fit for sea duty:   FIT WITH RESTRICTIONS',
    'Fit for lookout duties:   NO - not at night',
    'Restrictions:   Not fit for lookout duties at night',
  ].join('\n');

  it('detects types, medical before STCW (an ENG1 cites STCW)', () => {
    expect(detectDocumentType(eng1, null)).toBe('eng1_medical');
    expect(detectDocumentType('CERTIFICATE OF PROFICIENCY\nSection A-VI/1-1', null)).toBe('stcw_certificate');
    expect(detectDocumentType("SEAMAN'S BOOK\nBook No. SB1", null)).toBe('seamans_book');
    expect(detectDocumentType('anything', 'P')).toBe('passport');
    expect(detectDocumentType('a shopping list', null)).toBe('unknown');
  });

  it('extracts medical fields, skipping a date label whose value is prose', () => {
    const { fields } = extractLabelledFields(eng1, DEFAULT_CERTIFICATE_RULES);
    expect(fields).toMatchObject({
      certificateNumber: 'ENG1-2025-830422',
      surname: 'DUBOIS',
      givenNames: 'Chloé Anne',
      dateOfBirth: '1983-04-22',
      dateOfIssue: '2025-11-10',
      expiryDate: '2027-11-09',
      fitness: 'fit_with_restrictions',
      restrictions: ['Not fit for lookout duties at night'],
    });
  });

  it('extracts STCW certificates with their Code reference', () => {
    const text = 'CERTIFICATE OF PROFICIENCY\nPersonal Survival Techniques\nSTCW Regulation VI/1, Section A-VI/1-1\nCertificate No.: NMT/AVI11/2025/0077\nName of holder: STRAUSS, Lena\nDate of birth: 07 JUL 1995\nNationality: AUT\nDate of issue: 10/11/2025\nDate of expiry: 09/11/2030';
    const { fields, certificateKind } = extractLabelledFields(text, DEFAULT_CERTIFICATE_RULES);
    expect(certificateKind?.id).toBe('pst');
    expect(fields).toMatchObject({ surname: 'STRAUSS', givenNames: 'Lena', stcwReference: 'A-VI/1-1', certificateType: 'Personal Survival Techniques', nationality: 'AUT', dateOfIssue: '2025-11-10', expiryDate: '2030-11-09' });
  });
  it("pairs labels printed above their values, column by column, as on a passport's visual zone", () => {
    const viz = [
      'PASSPORT          Type P Code IRL Passport No. PA0917246',
      'Surname',
      "O'Neill",
      'Nationality                              Sex',
      'IRL                                   F',
      'Date of birth',
      '02 NOV 1992',
      'Date of issue                                       Date of expiry',
      '12 OCT 2023                    12 OCT 2033',
      'Authority',
      'IRL PASSPORT OFFICE',
    ].join('\n');
    const { fields } = extractLabelledFields(viz, DEFAULT_CERTIFICATE_RULES);
    expect(fields).toMatchObject({ surname: "O'Neill", nationality: 'IRL', dateOfBirth: '1992-11-02', dateOfIssue: '2023-10-12', expiryDate: '2033-10-12' });
    // A value on the label's own line stays there; a label line never takes the next label line as its value.
    expect(extractLabelledFields('Surname:      SIMKOVA\nForenames:    Bjorn', DEFAULT_CERTIFICATE_RULES).fields).toMatchObject({ surname: 'SIMKOVA', givenNames: 'Bjorn' });
    expect(extractLabelledFields('Date of issue      Date of expiry\nSurname\nMOREAU', DEFAULT_CERTIFICATE_RULES).fields).toEqual({ surname: 'MOREAU' });
  });


  it('normalises STCW references and holder names', () => {
    expect(normaliseStcwReference('Section A VI/1 - 3')).toBe('A-VI/1-3');
    expect(normaliseStcwReference('no reference')).toBeNull();
    expect(splitHolderName('ÖZTÜRK, Mehmet Ali')).toEqual({ surname: 'ÖZTÜRK', givenNames: 'Mehmet Ali' });
    expect(splitHolderName('Mehmet Ali ÖZTÜRK')).toEqual({ surname: 'ÖZTÜRK', givenNames: 'Mehmet Ali' });
  });
});
