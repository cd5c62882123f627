import { describe, expect, it } from 'vitest';
import { aboardOn, phaseOn, tourOn, type RotaAssignment } from '../../../src/engine/manning';
import { addDaysIso } from '../../../src/shared/domain/dates';

const rota = (overrides: Partial<RotaAssignment> = {}): RotaAssignment => ({
  startDate: '2026-11-01',
  endDate: null,
  rotation: { weeksOn: 4, weeksOff: 2 },
  rotationRestart: null,
  ...overrides,
});

/** The phase on each of `days` days from `from`, as one letter a day: A aboard, L leave, - not assigned. */
const strip = (a: RotaAssignment, from: string, days: number) =>
  Array.from({ length: days }, (_, i) => ({ aboard: 'A', leave: 'L', null: '-' })[String(phaseOn(a, addDaysIso(from, i)))]).join('');

describe('rotation arithmetic', () => {
  it('4:2 is 28 days aboard from the first day, then 14 on leave, and again', () => {
    expect(strip(rota(), '2026-11-01', 84)).toBe(`${'A'.repeat(28)}${'L'.repeat(14)}${'A'.repeat(28)}${'L'.repeat(14)}`);
    expect(phaseOn(rota(), '2026-11-28')).toBe('aboard');
    expect(phaseOn(rota(), '2026-11-29')).toBe('leave');
    expect(phaseOn(rota(), '2026-12-13')).toBe('aboard');
  });

  it('2:2 alternates fortnights; 10:10 alternates ten-week stretches', () => {
    expect(strip(rota({ rotation: { weeksOn: 2, weeksOff: 2 } }), '2026-11-01', 56)).toBe(`${'A'.repeat(14)}${'L'.repeat(14)}`.repeat(2));
    const long = rota({ rotation: { weeksOn: 10, weeksOff: 10 } });
    expect(strip(long, '2026-11-01', 280)).toBe(`${'A'.repeat(70)}${'L'.repeat(70)}`.repeat(2));
    expect(phaseOn(long, '2027-01-09')).toBe('aboard'); // day 69
    expect(phaseOn(long, '2027-01-10')).toBe('leave'); // day 70
  });

  it('is nothing before the start or after the end; both ends are days of the assignment', () => {
    const a = rota({ startDate: '2026-11-10', endDate: '2026-11-20' });
    expect(strip(a, '2026-11-08', 15)).toBe(`--${'A'.repeat(11)}--`);
  });

  it('joins and leaves mid-rotation: the cycle counts from the join day, the end cuts it off', () => {
    // Joins on 20 Nov on 2:2 and leaves on 10 Dec, inside a leave fortnight.
    const a = rota({ startDate: '2026-11-20', endDate: '2026-12-10', rotation: { weeksOn: 2, weeksOff: 2 } });
    expect(strip(a, '2026-11-15', 30)).toBe(`-----${'A'.repeat(14)}${'L'.repeat(7)}${'-'.repeat(4)}`);
  });

  it('without a rotation the person is aboard every day of the assignment', () => {
    expect(strip(rota({ rotation: null, endDate: '2026-11-05' }), '2026-10-30', 9)).toBe('--AAAAA--');
  });

  it('a restart begins a new "on" period: a longer first trip, or a shorter leave', () => {
    // Restarting on day 14 keeps them aboard to day 41, then 14 days of leave.
    expect(strip(rota({ rotationRestart: '2026-11-15' }), '2026-11-01', 70)).toBe(`${'A'.repeat(42)}${'L'.repeat(14)}${'A'.repeat(14)}`);
    // Restarting on day 35, a week into their leave, brings them back a week early.
    expect(strip(rota({ rotationRestart: '2026-12-06' }), '2026-11-01', 70)).toBe(`${'A'.repeat(28)}${'L'.repeat(7)}${'A'.repeat(28)}${'L'.repeat(7)}`);
    // Before the restart nothing changes.
    expect(strip(rota({ rotationRestart: '2027-03-01' }), '2026-11-01', 84)).toBe(strip(rota(), '2026-11-01', 84));
  });

  it('the tour under way or next: one unbroken stretch aboard, restarts included', () => {
    expect(tourOn(rota(), '2026-11-11')).toEqual({ start: '2026-11-11', end: '2026-11-28' });
    expect(tourOn(rota(), '2026-12-01')).toEqual({ start: '2026-12-13', end: '2027-01-09' });
    expect(tourOn(rota({ rotationRestart: '2026-11-15' }), '2026-11-11')).toEqual({ start: '2026-11-11', end: '2026-12-12' });
    expect(tourOn(rota({ startDate: '2027-01-01' }), '2026-11-11')).toEqual({ start: '2027-01-01', end: '2027-01-28' });
    expect(tourOn(rota({ endDate: '2026-12-05' }), '2026-12-01')).toBeNull();
    expect(tourOn(rota({ rotation: null }), '2026-12-01')).toBeNull();
    expect(tourOn(rota({ rotation: null, endDate: '2027-02-01' }), '2026-12-01')).toEqual({ start: '2026-12-01', end: '2027-02-01' });
  });
});

describe('aboardOn', () => {
  it('gives back the assignments whose person is aboard that day, with everything they carried', () => {
    const crew = [
      { ...rota(), id: 'captain', name: 'Ana' },
      { ...rota({ startDate: '2026-11-15' }), id: 'officer', name: 'Ben' },
      { ...rota({ rotation: null, endDate: '2026-11-30' }), id: 'chef', name: 'Cy' },
    ];
    expect(aboardOn(crew, '2026-11-10').map((a) => a.id)).toEqual(['captain', 'chef']);
    expect(aboardOn(crew, '2026-12-01').map((a) => a.name)).toEqual(['Ben']);
    // The captain is back from leave the day the officer's leave begins.
    expect(aboardOn(crew, '2026-12-12').map((a) => a.id)).toEqual(['officer']);
    expect(aboardOn(crew, '2026-12-13').map((a) => a.id)).toEqual(['captain']);
    expect(aboardOn(crew, '2027-01-09').map((a) => a.id)).toEqual(['captain', 'officer']);
    expect(aboardOn([], '2026-12-13')).toEqual([]);
  });
});
