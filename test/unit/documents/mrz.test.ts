import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeTd3, icaoCheckDigit, isValidCheckDigit, readTd3Best, type OcrLine } from '../../../src/engine/documents';

const readTd3 = (lines: OcrLine[]) => readTd3Best([lines]);

/** An OCR line as the legacy pass returns it: one symbol per character on a 30-px grid. */
function ocrLine(text: string, confidence = 0.9): OcrLine {
  return { text, confidence, symbols: [...text].map((c, i) => ({ text: c, confidence, x0: i * 30, x1: i * 30 + 24 })) };
}

const SPECIMEN: [string, string] = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('ICAO 9303 check digits', () => {
  it('computes the published examples (letters count, < is 0)', () => {
    expect(icaoCheckDigit('123456BB')).toBe(5); // B = 11: 7+6+3+28+15+6+77+33 = 175 (docs/documents.md#check-digits)
    expect(icaoCheckDigit('L898902C3')).toBe(6);
    expect(icaoCheckDigit('740812')).toBe(2);
    expect(icaoCheckDigit('120415')).toBe(9);
    expect(icaoCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(icaoCheckDigit('L898902C36' + '7408122' + '1204159ZE184226B<<<<<1')).toBe(0);
  });

  it('accepts only digits (and < for empty fields) as check digits', () => {
    expect(isValidCheckDigit('L898902C3', '6')).toBe(true);
    expect(isValidCheckDigit('L898902C3', '5')).toBe(false);
    expect(isValidCheckDigit('<<<<<<<<<<<<<<', '<')).toBe(true);
    expect(isValidCheckDigit('L898902C3', 'G')).toBe(false);
    expect(() => icaoCheckDigit('a')).toThrow(/not an MRZ character/);
  });

  it('detects every single-character change of a numeric field (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{6}$/), fc.nat(5), fc.integer({ min: 1, max: 9 }), (value, at, delta) => {
        const changed = value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
        expect(icaoCheckDigit(changed)).not.toBe(icaoCheckDigit(value));
      }),
    );
  });
});

describe('TD3 reading', () => {
  it('composes the ICAO specimen exactly', () => {
    const lines = composeTd3({ issuingState: 'UTO', surname: 'ERIKSSON', givenNames: 'ANNA<MARIA', documentNumber: 'L898902C3', nationality: 'UTO', birthDate: '740812', sex: 'F', expiryDate: '120415', personalNumber: 'ZE184226B' });
    expect(lines).toEqual(SPECIMEN);
  });

  it('reads two full lines as they are, even a line 2 without a filler (every optional field used)', () => {
    const full = composeTd3({ issuingState: 'NOR', surname: 'OLSTAD', givenNames: 'BJOERN', documentNumber: 'AB1234567', nationality: 'NOR', birthDate: '900614', sex: 'M', expiryDate: '300101', personalNumber: '12345678901234' });
    expect(full[1]).not.toContain('<');
    const reading = readTd3(full.map((l) => ocrLine(l)));
    expect(reading.lines).toEqual(full);
    expect(reading.checkDigits.every((d) => d.ok)).toBe(true);
  });

  it('reads fields and reports each check digit', () => {
    const reading = readTd3(SPECIMEN.map((l) => ocrLine(l)));
    expect(reading.fields).toMatchObject({ surname: 'ERIKSSON', givenNames: 'ANNA MARIA', documentNumber: 'L898902C3', issuingState: 'UTO', birthDate: '740812', sex: 'F' });
    expect(reading.checkDigits.map((d) => [d.id, d.ok])).toEqual([
      ['mrz_document_number', true],
      ['mrz_birth_date', true],
      ['mrz_expiry_date', true],
      ['mrz_personal_number', true],
      ['mrz_composite', true],
    ]);
    expect(reading.corrections).toEqual([]);
  });

  it('repairs filler look-alikes in the name tail without touching covered fields', () => {
    const line1 = 'P<UTOERIKSSON<<ANNA<MARIA<KLLKKLLLKKLLKKLLKLL';
    const reading = readTd3([ocrLine(line1), ocrLine(SPECIMEN[1])]);
    expect(reading.lines[0]).toBe(SPECIMEN[0]);
    expect(reading.corrections.every((c) => c.line === 0 && c.why === 'filler')).toBe(true);
  });

  it('records a field-type autocorrection in a date as a change to a covered field', () => {
    const forged = SPECIMEN[1].slice(0, 13) + '74O812' + SPECIMEN[1].slice(19);
    const reading = readTd3([ocrLine(SPECIMEN[0]), ocrLine(forged)]);
    expect(reading.lines[1]).toBe(SPECIMEN[1]);
    expect(reading.corrections).toContainEqual({ line: 1, column: 15, from: 'O', to: '0', why: 'field_type' });
  });

  it('snaps a line with a dropped filler back onto the 44-cell grid and records it', () => {
    const line2 = SPECIMEN[1];
    const symbols = [...line2].map((c, i) => ({ text: c, confidence: 0.9, x0: i * 30, x1: i * 30 + 24 })).filter((_, i) => i !== 38);
    const reading = readTd3([ocrLine(SPECIMEN[0]), { text: symbols.map((s) => s.text).join(''), confidence: 0.9, symbols }]);
    expect(reading.lines[1]).toBe(line2);
    expect(reading.corrections).toContainEqual({ line: 1, column: 38, from: '', to: '<', why: 'grid' });
  });

  it('takes line 2 from the first independent reading that is clean on its own, never patches one', () => {
    // A filler read as L is not a letter/digit confusion: the clean second reading stands without a flag.
    // (Not K: K is 20, the same as < modulo 10, so no check digit can see that misread.)
    const misread = SPECIMEN[1].replace('B<<<<<1', 'BL<<<<1');
    const best = readTd3Best([[ocrLine(SPECIMEN[0]), ocrLine(misread)], [ocrLine(SPECIMEN[0]), ocrLine(SPECIMEN[1])]]);
    expect(best.lines[1]).toBe(SPECIMEN[1]);
    expect(best.pass).toBe(2);
    expect(best.corrections).toEqual([]);
    const none = readTd3Best([[ocrLine(SPECIMEN[0]), ocrLine(misread)]]);
    expect(none.lines[1]).toBe(misread);
    expect(none.checkDigits.find((d) => d.id === 'mrz_personal_number')?.ok).toBe(false);
  });

  it('records a cell holding both a letter and a digit as a disagreement', () => {
    const symbols = [...SPECIMEN[1]].map((c, i) => ({ text: c, confidence: 0.9, x0: i * 30, x1: i * 30 + 24 }));
    symbols.splice(2, 0, { text: 'B', confidence: 0.5, x0: 62, x1: 84 });
    const reading = readTd3([ocrLine(SPECIMEN[0]), { text: symbols.map((s) => s.text).join(''), confidence: 0.9, symbols }]);
    expect(reading.lines[1]).toBe(SPECIMEN[1]);
    expect(reading.corrections).toContainEqual({ line: 1, column: 2, from: '?', to: '9', why: 'disagreement' });
  });

  it('refuses text that is not an MRZ', () => {
    expect(() => readTd3([ocrLine('PASSPORT UTOPIA'), ocrLine('Surname ERIKSSON')])).toThrow(/No machine-readable zone/);
  });
});

describe('independent readings that disagree on letters and digits', () => {
  it('never lets a digit-reading pass override a letter-reading pass in a covered cell', () => {
    // A forged MRZ with B in the date of birth: one pass reads B (and fails), another reads 8 (and validates).
    const asLetter = SPECIMEN[1].slice(0, 13) + 'B' + SPECIMEN[1].slice(14);
    const asDigit = SPECIMEN[1];
    const best = readTd3Best([[ocrLine(SPECIMEN[0]), ocrLine(asLetter)], [ocrLine(SPECIMEN[0]), ocrLine(asDigit)]]);
    expect(best.lines[1]).toBe(asDigit);
    expect(best.corrections).toContainEqual({ line: 1, column: 13, from: 'B', to: '7', why: 'disagreement' });
  });
});
