import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/shared/auth/roles';
import { scopeInWords, words } from '../../../src/shared/words';

const names: Record<string, string> = { a: 'Serenity Tide', b: 'Blue Horizon' };
const vesselName = (id: string) => names[id] ?? 'a vessel not on record';

describe('what a user sees, in words', () => {
  it('says the whole organisation, the vessels by name, and a department as a narrowing of either', () => {
    expect(scopeInWords({ vesselIds: null, department: null }, vesselName)).toBe('Whole organisation');
    expect(scopeInWords({ vesselIds: ['a', 'b'], department: null }, vesselName)).toBe('Aboard Serenity Tide, Blue Horizon');
    expect(scopeInWords({ vesselIds: ['a'], department: 'deck' }, vesselName)).toBe('Aboard Serenity Tide, deck department only');
    expect(scopeInWords({ vesselIds: null, department: 'interior' }, vesselName)).toBe('Whole organisation, interior department only');
    expect(scopeInWords({ vesselIds: [], department: null }, vesselName)).toBe('No vessel chosen');
  });

  it('names a vessel it does not know without its id', () => {
    expect(scopeInWords({ vesselIds: ['0199-gone'], department: null }, vesselName)).toBe('Aboard a vessel not on record');
  });

  it('names every role differently', () => {
    expect(new Set(ROLES.map((role) => words.roles[role])).size).toBe(ROLES.length);
  });
});
