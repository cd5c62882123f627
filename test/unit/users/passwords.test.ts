import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, newRecoveryCode, normalRecoveryCode, verifyPassword } from '../../../src/core/users/passwords';

const cheap = { ln: 4, r: 8, p: 1 };

describe('password hashes', () => {
  it('are PHC strings that carry their parameters and salt, different each time for the same password', async () => {
    const a = await hashPassword('correct horse battery', cheap);
    const b = await hashPassword('correct horse battery', cheap);
    expect(a).toMatch(/^\$scrypt\$ln=4,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  it('made with other parameters still verify, and say they need a new hash', async () => {
    const old = await hashPassword('an older password', { ln: 5, r: 4, p: 1 });
    expect(await verifyPassword('an older password', old)).toBe(true);
    expect(needsRehash(old, cheap)).toBe(true);
    expect(needsRehash(await hashPassword('x', cheap), cheap)).toBe(false);
  });

  it('compare the same text however its accents were typed (NFC)', async () => {
    const stored = await hashPassword('mot de passe d\u00e9j\u00e0', cheap);
    expect(await verifyPassword('mot de passe de\u0301ja\u0300', stored)).toBe(true);
  });

  it('never match a string that is not one of ours', async () => {
    for (const stored of ['', 'plain text', '$scrypt$ln=99,r=8,p=1$AAAA$AAAA', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });
});

describe('recovery codes', () => {
  it('are 25 characters without look-alikes in five groups, and compare without dashes, spaces or capitals', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([A-HJ-NP-Z2-9]{5}-){4}[A-HJ-NP-Z2-9]{5}$/);
    expect(newRecoveryCode()).not.toBe(code);
    expect(normalRecoveryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code.replace(/-/g, ''));
  });
});
