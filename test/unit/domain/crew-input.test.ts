import { describe, expect, it } from 'vitest';
import { isoDateSchema, optionalIsoDateSchema, vesselInputSchema } from '../../../src/shared/api';
import { ageBelowMinimum, sameTitle } from '../../../src/shared/domain/crew';
import { parseDecimal } from '../../../src/shared/domain/numbers';
import { initials } from '../../../src/shared/domain/text';

describe('numbers as people type them', () => {
  it('reads a decimal comma as a point, for every number field', () => {
    expect(parseDecimal('48,5')).toBe(48.5);
    expect(parseDecimal(' 48.5 ')).toBe(48.5);
    expect(parseDecimal('0,125')).toBe(0.125);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal('499')).toBe(499);
    expect(parseDecimal('')).toBeNull();
  });

  it('does not guess when a comma could group thousands, and refuses what is no number', () => {
    for (const text of ['12,500', '1,250', '1,234,567', '1.234,5', '48 m', 'abc', '4,8,5']) expect(parseDecimal(text)).toBeNaN();
  });

  it('the vessel form takes "48,5" metres, and asks again, with an example, for what it cannot read', () => {
    const base = { name: 'Aurora', kind: 'motor', flag: 'MLT', imoNumber: '9074729', use: 'private', grossTonnage: null } as const;
    expect(vesselInputSchema.parse({ ...base, lengthM: parseDecimal('48,5') }).lengthM).toBe(48.5);
    const result = vesselInputSchema.safeParse({ ...base, lengthM: parseDecimal('48 m'), grossTonnage: parseDecimal('12,500') });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages.lengthM).toContain('e.g. 48.5');
    expect(messages.grossTonnage).toContain('no thousands separator');
  });
});

describe('dates in forms', () => {
  it('a blank date asks for the date, without naming a format the date picker does not show', () => {
    const blank = isoDateSchema.safeParse('');
    expect(blank.error?.issues.map((i) => i.message)).toEqual(['Enter the date']);
    expect(isoDateSchema.safeParse('01/11/2026').error?.issues.map((i) => i.message)).toEqual(['Enter a date as YYYY-MM-DD']);
    expect(optionalIsoDateSchema.parse('')).toBeNull();
  });
});

describe('who a person is', () => {
  it('initials are the first given name’s and the surname’s, whole letters', () => {
    expect(initials('Jörg Peter', 'Müller-Lüdenscheid')).toBe('JM');
    expect(initials('Zoë', 'Núñez')).toBe('ZN');
    expect(initials('e\u0301mile', 'o\u0308zil')).toBe('ÉÖ');
    expect(initials('  ', 'Smith')).toBe('S');
  });

  it('is under the minimum crew age of 16 until their sixteenth birthday', () => {
    expect(ageBelowMinimum('2010-12-02', '2026-12-01')).toBe(15);
    expect(ageBelowMinimum('2010-12-02', '2026-12-02')).toBeNull();
    expect(ageBelowMinimum('1990-01-01', '2026-12-01')).toBeNull();
    expect(ageBelowMinimum('', '2026-12-01')).toBeNull();
  });

  it('titles are the same position whatever their case, accents or spacing', () => {
    expect(sameTitle('Deckhand', ' deckhand ')).toBe(true);
    expect(sameTitle('Chief Stew', 'Chief  Stew')).toBe(true);
    expect(sameTitle('Deckhand', 'Lead Deckhand')).toBe(false);
  });
});
