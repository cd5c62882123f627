import { describe, expect, it } from 'vitest';
import { wentBackFrom } from '../../../src/server/audit-heads';
import { pushRequestSchema } from '../../../src/shared/sync/protocol';

/** How the server judges a device's audit head against the one it sent before (docs/security.md#the-audit-head-on-the-server). */
const hash = (c: string) => c.repeat(64);

describe('an audit head compared with the one held', () => {
  it('is fine the first time and whenever the log grew', () => {
    expect(wentBackFrom(null, null, { seq: 5, hash: hash('a') })).toBeNull();
    expect(wentBackFrom(5, hash('a'), { seq: 5, hash: hash('a') })).toBeNull();
    expect(wentBackFrom(5, hash('a'), { seq: 9, hash: hash('b') })).toBeNull();
  });

  it('names a log that went back, and a last entry replaced', () => {
    expect(wentBackFrom(9, hash('a'), { seq: 4, hash: hash('b') })).toBe('the audit log went back from entry 9 to entry 4');
    expect(wentBackFrom(9, hash('a'), { seq: 9, hash: hash('b') })).toBe('entry 9 of the audit log was replaced');
  });

  it('travels as an optional part of a push, checked on arrival', () => {
    const change = { seq: 1, tx: '000000000000001.000000.n', hlc: '000000000000001.000000.n', base: null, table: 'people', rowId: 'r', column: 'phone', value: null };
    expect(pushRequestSchema.safeParse({ schemaVersion: 1, changes: [change] }).success).toBe(true);
    expect(pushRequestSchema.safeParse({ schemaVersion: 1, changes: [change], auditHead: { seq: 3, hash: hash('c') } }).success).toBe(true);
    expect(pushRequestSchema.safeParse({ schemaVersion: 1, changes: [change], auditHead: { seq: 3, hash: 'short' } }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ schemaVersion: 1, changes: [{ ...change, user: { id: 'u1', name: '' } }] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ schemaVersion: 1, changes: [{ ...change, user: { id: 'u1', name: 'captain' } }] }).success).toBe(true);
  });
});
