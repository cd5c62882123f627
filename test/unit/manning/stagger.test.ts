import { describe, expect, it } from 'vitest';
import { manningCalendar, phaseOn, proposeStagger, type ManningAssignment, type ManningPosition } from '../../../src/engine/manning';
import { addDaysIso } from '../../../src/shared/domain/dates';

const positions: ManningPosition[] = [
  { id: 'captain', department: 'deck', title: 'Captain', mustBeAboard: true },
  { id: 'mate', department: 'deck', title: 'Chief Officer', mustBeAboard: true },
  { id: 'deckhand', department: 'deck', title: 'Deckhand', mustBeAboard: false },
  { id: 'stew', department: 'interior', title: 'Stew', mustBeAboard: false },
];
const assign = (id: string, positionId: string, overrides: Partial<ManningAssignment> = {}): ManningAssignment => ({
  id,
  positionId,
  startDate: '2026-11-01',
  endDate: null,
  rotation: { weeksOn: 4, weeksOff: 2 },
  rotationRestart: null,
  ...overrides,
});
const FROM = '2026-11-01';

/** The proposal applied: each changed assignment gets its new restart. */
const applied = (assignments: ManningAssignment[], changes: Array<{ assignment: ManningAssignment; restart: string }>) =>
  assignments.map((a) => ({ ...a, rotationRestart: changes.find((c) => c.assignment.id === a.id)?.restart ?? a.rotationRestart }));

describe('stagger proposal', () => {
  it('two captains who leave together are put on alternating leave, and no day is left without a captain', () => {
    const crew = [assign('a', 'captain'), assign('b', 'captain')];
    const proposal = proposeStagger({ positions, assignments: crew, from: FROM, days: 90 });
    expect(proposal.before.find((g) => g.duty.label === 'Captain')?.days).toBe(28);
    expect(proposal.changes).toHaveLength(1);
    expect(proposal.changes[0]!.restart >= FROM).toBe(true);
    // Only the vacant Chief Officer's berth is left uncovered.
    expect(proposal.after.map((g) => g.duty.label)).toEqual(['Watchkeeping officer']);
    const after = manningCalendar({ positions, assignments: applied(crew, proposal.changes), from: FROM, days: 90 });
    expect(after.gaps.find((g) => g.duty.label === 'Captain')).toBeUndefined();
  });

  it("the issue's yacht: the only captain cannot be covered by staggering, but the deck's leave is spread out", () => {
    const crew = [assign('a', 'captain'), assign('b', 'mate'), assign('c', 'deckhand')];
    const before = manningCalendar({ positions, assignments: crew, from: FROM, days: 90 });
    expect(Math.min(...before.aboard.deck)).toBe(0);
    const proposal = proposeStagger({ positions, assignments: crew, from: FROM, days: 90 });
    expect(proposal.changes.length).toBeGreaterThan(0);
    const after = manningCalendar({ positions, assignments: applied(crew, proposal.changes), from: FROM, days: 90 });
    // Never everyone away at once any more, and the captain's and the officer's gaps are no worse.
    expect(Math.min(...after.aboard.deck)).toBeGreaterThanOrEqual(2);
    const days = (gaps: typeof proposal.after, label: string) => gaps.find((g) => g.duty.label === label)?.days ?? 0;
    expect(days(proposal.after, 'Captain')).toBeLessThanOrEqual(days(proposal.before, 'Captain'));
    expect(days(proposal.after, 'Captain')).toBeGreaterThan(0);
    expect(days(proposal.after, 'Watchkeeping officer')).toBeLessThanOrEqual(days(proposal.before, 'Watchkeeping officer'));
    // What the proposal says about the range is what the calendar then shows.
    expect(proposal.after).toEqual(after.gaps);
  });

  it('does not postpone a lone captain’s leave past the end of the range to make the range look covered', () => {
    const proposal = proposeStagger({ positions, assignments: [assign('a', 'captain')], from: FROM, days: 90 });
    expect(proposal.changes).toEqual([]);
    expect(proposal.after).toEqual(proposal.before);
  });

  it('proposes nothing when the leave is already spread', () => {
    const crew = [assign('a', 'captain'), assign('b', 'captain', { startDate: '2026-10-11' })];
    expect(proposeStagger({ positions, assignments: crew, from: FROM, days: 90 }).changes).toEqual([]);
  });

  it('never rewrites the past: restarts fall on or after the first day, and a restart already past stays', () => {
    const crew = [
      assign('a', 'deckhand', { startDate: '2026-06-01' }),
      assign('b', 'deckhand', { startDate: '2026-06-01' }),
      assign('c', 'deckhand', { startDate: '2026-06-01', rotationRestart: '2026-08-01' }),
    ];
    const proposal = proposeStagger({ positions, assignments: crew, from: FROM, days: 90 });
    expect(proposal.changes.length).toBeGreaterThan(0);
    for (const change of proposal.changes) {
      expect(change.restart >= FROM).toBe(true);
      expect(change.assignment.id).not.toBe('c');
    }
  });

  it('only ever keeps someone aboard longer: nobody is called back from leave they have begun', () => {
    // All three are on leave on the first day (4:2 from 1 Oct: leave 29 Oct – 11 Nov).
    const crew = ['a', 'b', 'c'].map((id) => assign(id, 'deckhand', { startDate: '2026-10-01' }));
    const proposal = proposeStagger({ positions, assignments: crew, from: FROM, days: 90 });
    expect(proposal.changes.length).toBeGreaterThan(0);
    for (const { assignment, restart } of proposal.changes) {
      expect(phaseOn(assignment, addDaysIso(restart, -1))).toBe('aboard');
      expect(restart > '2026-11-11').toBe(true);
    }
  });

  it('leaves people without a rotation, and assignments ending before the range, alone', () => {
    const crew = [assign('a', 'stew', { rotation: null }), assign('b', 'stew', { rotation: null }), assign('c', 'stew', { endDate: '2026-10-01' })];
    expect(proposeStagger({ positions, assignments: crew, from: FROM, days: 90 }).changes).toEqual([]);
  });
});
