import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryName, isCountryCode, resolveCountry } from '../../../src/shared/domain/countries';
import { DEFAULT_ROTATION, departmentOfTitle, parseRotation, titleRank } from '../../../src/shared/domain/crew';
import { isIsoDate } from '../../../src/shared/domain/dates';
import { isValidImoNumber } from '../../../src/shared/domain/imo';
import { foldText, searchWords } from '../../../src/shared/domain/text';

describe('IMO numbers', () => {
  it('accepts real-world numbers whose check digit matches, with or without the IMO prefix', () => {
    expect(isValidImoNumber('9074729')).toBe(true);
    expect(isValidImoNumber('IMO 9074729')).toBe(true);
    expect(isValidImoNumber('IMO9176187')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length or letters', () => {
    expect(isValidImoNumber('9074728')).toBe(false);
    expect(isValidImoNumber('907472')).toBe(false);
    expect(isValidImoNumber('90747290')).toBe(false);
    expect(isValidImoNumber('90A4729')).toBe(false);
  });

  it('catches every single-digit typo in the last digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.integer({ min: 1, max: 9 }), (six, shift) => {
        const sum = [...six].reduce((acc, d, i) => acc + Number(d) * (7 - i), 0);
        const good = `${six}${sum % 10}`;
        const bad = `${six}${(sum + shift) % 10}`;
        return isValidImoNumber(good) && !isValidImoNumber(bad);
      }),
    );
  });
});

describe('countries', () => {
  it('uses ISO 3166-1 alpha-3 codes with English names', () => {
    expect(isCountryCode('GBR')).toBe(true);
    expect(isCountryCode('GB')).toBe(false);
    expect(countryName('MHL')).toBe('Marshall Islands');
  });

  it('reads what people type in a spreadsheet: codes, names and common aliases', () => {
    expect(resolveCountry('fra')).toBe('FRA');
    expect(resolveCountry('FR')).toBe('FRA');
    expect(resolveCountry('France')).toBe('FRA');
    expect(resolveCountry('United Kingdom')).toBe('GBR');
    expect(resolveCountry('UK')).toBe('GBR');
    expect(resolveCountry('Narnia')).toBeNull();
    expect(resolveCountry('')).toBeNull();
  });
});

describe('crew constants (docs/domain.md#departments-and-positions, docs/domain.md#rotations)', () => {
  it('knows which department a title belongs to, and leaves custom titles alone', () => {
    expect(departmentOfTitle('chief stew')).toBe('interior');
    expect(departmentOfTitle('ETO')).toBe('engineering');
    expect(departmentOfTitle('Deck/Stew')).toBeNull();
  });

  it('ranks titles by seniority, custom ones last', () => {
    expect(titleRank('deck', 'Captain')).toBeLessThan(titleRank('deck', 'Bosun'));
    expect(titleRank('deck', 'Deck/Engineer')).toBeGreaterThan(titleRank('deck', 'Deckhand'));
  });

  it('parses rotations as weeks on:off and suggests the usual one per department', () => {
    expect(parseRotation('4:2')).toEqual({ weeksOn: 4, weeksOff: 2 });
    expect(parseRotation('10:10')).toEqual({ weeksOn: 10, weeksOff: 10 });
    expect(parseRotation('0:2')).toBeNull();
    expect(parseRotation('4-2')).toBeNull();
    expect(DEFAULT_ROTATION).toEqual({ deck: '4:2', engineering: '2:2', interior: '4:2', galley: '2:1' });
  });
});

describe('dates and search text', () => {
  it('accepts only real calendar dates as YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('12/04/1990')).toBe(false);
  });

  it('folds accents and case so "Zoë Núñez" is found by "zoe nun"', () => {
    expect(foldText('  Zoë   NÚÑEZ ')).toBe('zoe nunez');
    expect(searchWords("O'Brien-Smith, Zoë")).toEqual(['o', 'brien', 'smith', 'zoe']);
  });
});
