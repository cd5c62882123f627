import { parse } from 'mrz';
import { describe, expect, it } from 'vitest';
import { documentCases } from '../../fixtures/documents/cases';
import { heldOutCases } from '../../fixtures/documents/held-out';

const AS_OF = '2026-11-22';

describe('held-out document cases', () => {
  const cases = heldOutCases(AS_OF);

  it('are the same for the same seed and differ for another', () => {
    expect(heldOutCases(AS_OF)).toEqual(cases);
    expect(heldOutCases(AS_OF, 1).map((c) => c.mrz)).not.toEqual(cases.map((c) => c.mrz));
  });

  it('share no person or document number with the tuning cases', () => {
    const tuning = documentCases(AS_OF);
    const surnames = new Set(tuning.map((c) => c.person.surname));
    const numbers = new Set(tuning.map((c) => c.passport?.documentNumber).filter(Boolean));
    expect(cases.filter((c) => surnames.has(c.person.surname))).toEqual([]);
    expect(cases.filter((c) => numbers.has(c.passport?.documentNumber))).toEqual([]);
  });

  it('give genuine passports a valid MRZ and tampered ones a failing check digit', () => {
    for (const c of cases.filter((c) => c.mrz)) {
      const tampered = /bad-check-digit|letter-in-date|tampered/.test(c.id);
      const parsed = parse(c.mrz!);
      const digitsOk = parsed.details.filter((d) => /check digit/i.test(d.label)).every((d) => d.valid);
      expect(digitsOk, c.id).toBe(!tampered);
      if (!c.shouldFlag) expect(parsed.valid, c.id).toBe(true);
    }
  });

  it('keep the mix of the tuning corpus: genuine and flagged of every kind', () => {
    expect(cases.filter((c) => !c.shouldFlag).map((c) => c.type).sort()).toEqual([...new Array<string>(6).fill('passport'), ...new Array<string>(3).fill('eng1_medical'), 'seamans_book', 'stcw_certificate'].sort());
    expect(cases.filter((c) => c.shouldFlag)).toHaveLength(13);
  });
});
