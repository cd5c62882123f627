import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDateOfBirth, checkExpiry, checkPlannedTour } from '../../../src/engine/documents/rules';
import { formatDate as formatForScreen, formatDateTime } from '../../../src/renderer/src/format';
import { addDaysIso, dayNumber, formatDate, formatDateRange, isoFromDayNumber } from '../../../src/shared/domain/dates';

const ISO = /\d{4}-\d{2}-\d{2}/;

describe('dates are shown one way everywhere', () => {
  it('as day, month in words and year, whatever the computer’s language', () => {
    expect(formatDate('2026-11-01')).toBe('1 Nov 2026');
    expect(formatDate('2027-02-28')).toBe('28 Feb 2027');
    expect(formatForScreen('2026-11-01')).toBe('1 Nov 2026');
    expect(formatForScreen(null)).toBe('—');
    expect(formatDateRange('2026-11-01', '2026-11-14')).toBe('1 Nov 2026 to 14 Nov 2026');
    expect(formatDateRange('2026-11-01', null)).toBe('from 1 Nov 2026');
  });

  it('a moment shows its date the same way, with a 24-hour local time', () => {
    expect(formatDateTime('2026-11-01T14:05:00')).toBe('1 Nov 2026, 14:05');
  });

  it('messages the core sends about documents write dates in words too', () => {
    const checks = [
      checkExpiry('2024-03-01', '2024-06-01'),
      checkExpiry('2029-03-01', '2024-06-01'),
      checkPlannedTour('2026-01-10', { start: '2026-01-01', end: '2026-01-28' }),
      checkPlannedTour(null, { start: '2026-01-01', end: '2026-01-28' }),
      checkDateOfBirth('1990-04-12', { surname: 'Smith', givenNames: 'Jo', dateOfBirth: '1990-04-21' }),
    ];
    for (const { check } of checks) expect(check.message).not.toMatch(ISO);
    expect(checks[0]!.check.message).toBe('Expired on 1 Mar 2024 (92 days before 1 Jun 2024)');
  });
});

describe('calendar arithmetic on day numbers', () => {
  it('round-trips every date and steps across months, years and leap days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 60_000 }), (day) => {
        expect(dayNumber(isoFromDayNumber(day))).toBe(day);
      }),
    );
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });
});
