import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, Output } from '../../src/shared/api';
import { addDaysIso } from '../../src/shared/domain/dates';
import { personInput, vesselInput } from '../helpers/fleet';
import { tempCore } from '../helpers/temp-core';
import { bothTransports } from '../helpers/transports';

/**
 * Safe manning through both transports: the issue's yacht (three crew joining the same day on 4:2, among them
 * the only captain) shows its uncovered days; a stagger proposal is applied, refused when stale, and undone.
 */
const core = tempCore();
let transports: Awaited<ReturnType<typeof bothTransports>>;
beforeAll(async () => {
  transports = await bothTransports(core);
});
afterAll(async () => {
  await transports.close();
  await core.dispose();
});

const FROM = '2026-11-01';

describe.each(['http', 'ipc'] as const)('manning over %s', (transport) => {
  const invoke = (method: string, input: unknown) => transports.bridges[transport].invoke(method, input);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope: Envelope<unknown> = await invoke(method, input);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data as T;
  };

  let yachts = 0;
  async function yachtOfTheIssue() {
    yachts += 1;
    const name = `Manning ${transport} ${yachts}`;
    const vessel = await call<{ id: string }>('vessels.create', vesselInput({ name, imoNumber: null, officialNumber: name }));
    const position = (title: string, department: string, headcount = 1) =>
      call<{ id: string; mustBeAboard: boolean }>('positions.create', { vesselId: vessel.id, department, title, headcount, rotation: '4:2', employmentKind: 'rotational' });
    const captain = await position('Captain', 'deck');
    const officer = await position('Chief Officer', 'deck');
    const deckhand = await position('Deckhand', 'deck');
    const ids: string[] = [];
    for (const [i, positionId] of [captain.id, officer.id, deckhand.id].entries()) {
      const person = await call<{ id: string }>('people.create', personInput({ givenNames: `Crew${i}`, surname: `Manning${transport}${yachts}`, email: `m${i}.${yachts}.${transport}@example.org` }));
      ids.push((await call<{ id: string }>('assignments.create', { personId: person.id, positionId, startDate: FROM })).id);
    }
    return { vessel, captain, officer, deckhand, assignmentIds: ids };
  }

  it('marks the captain and the officer "must be aboard" by default, and warns of the days nobody holds them aboard', async () => {
    const { vessel, captain, officer, deckhand } = await yachtOfTheIssue();
    expect([captain.mustBeAboard, officer.mustBeAboard, deckhand.mustBeAboard]).toEqual([true, true, false]);
    const manning = await call<Output<'vessels.manning'>>('vessels.manning', { vesselId: vessel.id, from: FROM });
    expect(manning).toMatchObject({ from: FROM, to: '2027-01-29' });
    expect(manning.gaps.map((g) => [g.label, g.days, g.runs[0]])).toEqual([
      ['Captain', 28, { from: '2026-11-29', to: '2026-12-12' }],
      ['Watchkeeping officer', 28, { from: '2026-11-29', to: '2026-12-12' }],
    ]);
    expect(manning.crew.map((c) => c.positionTitle)).toEqual(['Captain', 'Chief Officer', 'Deckhand']);
    expect(manning.aboard.deck[28]).toBe(0);
    expect(manning.crew[0]!.phases).toHaveLength(90);
  });

  it('proposes staggered restarts, applies them all at once, refuses a stale proposal, and undoes', async () => {
    const { vessel } = await yachtOfTheIssue();
    const proposal = await call<Output<'vessels.proposeStagger'>>('vessels.proposeStagger', { vesselId: vessel.id, from: FROM });
    expect(proposal.changes.length).toBeGreaterThan(0);
    const changes = proposal.changes.map((c) => ({ assignmentId: c.assignmentId, from: c.currentRestart, to: c.restart }));
    expect(await call('vessels.applyStagger', { vesselId: vessel.id, changes })).toEqual({ changed: changes.length });

    const after = await call<Output<'vessels.manning'>>('vessels.manning', { vesselId: vessel.id, from: FROM });
    expect(after.gaps).toEqual(proposal.after);
    expect(Math.min(...after.aboard.deck)).toBeGreaterThan(0);
    // A person's status (SQL) agrees with the calendar (engine) on every day, restart included.
    const changed = after.crew.find((c) => c.assignmentId === changes[0]!.assignmentId)!;
    expect(changed.rotationRestart).toBe(changes[0]!.to);
    for (let day = 0; day < 90; day += 3) {
      const asOf = addDaysIso(FROM, day);
      const person = await call<Output<'people.get'>>('people.get', { id: changed.personId, asOf });
      expect([asOf, person.status]).toEqual([asOf, changed.phases[day] === 'aboard' ? 'onboard' : 'on_leave']);
    }

    // The same proposal again is stale: nothing is written.
    const stale = await invoke('vessels.applyStagger', { vesselId: vessel.id, changes });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('changed since the proposal') } });
    expect((await call<Output<'vessels.manning'>>('vessels.manning', { vesselId: vessel.id, from: FROM })).gaps).toEqual(proposal.after);

    // Undo puts the earlier restarts back.
    await call('vessels.applyStagger', { vesselId: vessel.id, changes: changes.map((c) => ({ ...c, from: c.to, to: c.from })) });
    expect((await call<Output<'vessels.manning'>>('vessels.manning', { vesselId: vessel.id, from: FROM })).gaps).toEqual(proposal.before);
  });

  it('refuses changes to another vessel’s assignments, restarts outside the assignment, and bad ranges', async () => {
    const mine = (await yachtOfTheIssue()).vessel;
    const other = (await yachtOfTheIssue()).vessel;
    const calendar = await call<Output<'vessels.manning'>>('vessels.manning', { vesselId: mine.id, from: FROM });
    const assignmentId = calendar.crew[0]!.assignmentId;
    expect(await invoke('vessels.applyStagger', { vesselId: other.id, changes: [{ assignmentId, from: null, to: '2026-12-01' }] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const early = await invoke('vessels.applyStagger', { vesselId: mine.id, changes: [{ assignmentId, from: calendar.crew[0]!.rotationRestart, to: '2026-10-01' }] });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('1 Oct 2026') } });
    expect(await invoke('vessels.manning', { vesselId: mine.id, days: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'days' }] } } });
    expect(await invoke('vessels.manning', { vesselId: 'no-such-vessel' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
