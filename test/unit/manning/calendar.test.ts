import { describe, expect, it } from 'vitest';
import { manningCalendar, type ManningAssignment, type ManningPosition } from '../../../src/engine/manning';

const position = (id: string, department: ManningPosition['department'], title: string, mustBeAboard: boolean): ManningPosition => ({ id, department, title, mustBeAboard });
const FOUR_TWO = { weeksOn: 4, weeksOff: 2 };
const assign = (id: string, positionId: string, overrides: Partial<ManningAssignment> = {}): ManningAssignment => ({
  id,
  positionId,
  startDate: '2026-11-01',
  endDate: null,
  rotation: FOUR_TWO,
  rotationRestart: null,
  ...overrides,
});

const positions = [
  position('captain', 'deck', 'Captain', true),
  position('mate', 'deck', 'Chief Officer', true),
  position('second', 'deck', '2nd Officer', true),
  position('deckhand', 'deck', 'Deckhand', false),
  position('chief-eng', 'engineering', 'Chief Engineer', true),
  position('stew', 'interior', 'Stew', false),
];

describe('manning calendar', () => {
  it("three crew from the same day on 4:2, with the only captain: no captain and no officer aboard during their leave", () => {
    const calendar = manningCalendar({
      positions,
      assignments: [assign('a', 'captain'), assign('b', 'mate'), assign('c', 'deckhand')],
      from: '2026-11-01',
      days: 90,
    });
    expect(calendar.to).toBe('2027-01-29');
    const captain = calendar.gaps.find((g) => g.duty.label === 'Captain')!;
    // Leave on days 28–41 and 70–83 of the 90.
    expect(captain).toMatchObject({ days: 28, runs: [{ from: '2026-11-29', to: '2026-12-12' }, { from: '2027-01-10', to: '2027-01-23' }] });
    const watch = calendar.gaps.find((g) => g.duty.label === 'Watchkeeping officer')!;
    expect(watch.days).toBe(28);
    expect(watch.positionIds.sort()).toEqual(['mate', 'second']);
    // Nobody holds the chief engineer's berth: uncovered every day.
    expect(calendar.gaps.find((g) => g.duty.label === 'Chief Engineer')).toMatchObject({ days: 90, runs: [{ from: '2026-11-01', to: '2027-01-29' }] });
    expect(calendar.gaps[0]!.duty.label).toBe('Chief Engineer');
    // The deck is empty while all three are away.
    expect(calendar.aboard.deck.slice(26, 30)).toEqual([3, 3, 0, 0]);
    expect(calendar.aboard.interior.every((n) => n === 0)).toBe(true);
  });

  it('watchkeeping officers cover for one another; a position not marked must-be-aboard never shows as a gap', () => {
    const calendar = manningCalendar({
      positions,
      assignments: [
        assign('a', 'captain', { rotation: null }),
        assign('b', 'mate'),
        // The 2nd Officer's leave falls in the Chief Officer's weeks aboard.
        assign('c', 'second', { startDate: '2026-10-18' }),
        assign('e', 'chief-eng', { rotation: null }),
      ],
      from: '2026-11-01',
      days: 90,
    });
    expect(calendar.gaps).toEqual([]);
    expect(calendar.crew.map((c) => c.assignment.id)).toEqual(['a', 'b', 'c', 'e']);
  });

  it('counts a joiner from the day they join and a leaver to the day they leave', () => {
    const calendar = manningCalendar({
      positions,
      assignments: [
        assign('old', 'captain', { rotation: null, endDate: '2026-11-10' }),
        assign('new', 'captain', { rotation: null, startDate: '2026-11-15' }),
        assign('gone', 'stew', { endDate: '2026-10-01' }),
      ],
      from: '2026-11-01',
      days: 30,
    });
    expect(calendar.gaps.find((g) => g.duty.label === 'Captain')).toMatchObject({ days: 4, runs: [{ from: '2026-11-11', to: '2026-11-14' }] });
    const strips = Object.fromEntries(calendar.crew.map((c) => [c.assignment.id, c.phases]));
    expect(Object.keys(strips)).toEqual(['old', 'new']);
    expect(strips.old!.slice(8, 12)).toEqual(['aboard', 'aboard', null, null]);
    expect(strips.new!.slice(13, 15)).toEqual([null, 'aboard']);
  });

  it('leaves out assignments to positions it was not given (archived ones)', () => {
    const calendar = manningCalendar({ positions, assignments: [assign('x', 'archived-position')], from: '2026-11-01', days: 5 });
    expect(calendar.crew).toEqual([]);
    expect(calendar.aboard.deck).toEqual([0, 0, 0, 0, 0]);
  });
});
