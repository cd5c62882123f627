import { describe, expect, it } from 'vitest';
import { bestSwaps, changedTeam, harmonyAfter, prepareTeam, whatIf } from '../../../src/engine/fit';
import { analyzeTeam, harmonyIndex } from '../../../src/engine/team';
import { seededRandom } from '../../../src/engine/random';
import { candidate, position, prediction, settings, teamBase, zOf } from '../../helpers/fit';
import { KAT_MEMBERS, member, teamInput } from '../../helpers/team';

/** A swap's figures against the team recomputed from scratch. */
const random = seededRandom(7);
const crew: Array<[string, Record<string, number>]> = Array.from({ length: 12 }, (_, i) => {
  const [, raw] = KAT_MEMBERS[i % 5]!;
  return [`m${i}`, Object.fromEntries(Object.entries(raw).map(([s, v]) => [s, v + (random() - 0.5)]))];
});
const outsiders: Array<[string, Record<string, number>]> = Array.from({ length: 8 }, (_, i) => [`c${i}`, { N: 2 + random() * 2, E: 3 + random(), O: 3 + random(), A: 2.5 + random() * 2, C: 2.5 + random() * 2 }]);
const scales = new Set(['N', 'E', 'O', 'A', 'C']);
const scratch = (zs: Array<Record<string, number | null> | null>) => harmonyIndex(zs, teamBase([]).model, scales).harmony?.score ?? null;

describe('harmony after a change', () => {
  const team = prepareTeam(teamBase(crew));

  it('equals the index of the changed crew recomputed from scratch, for every swap, addition and removal', () => {
    for (const [id, raw] of outsiders) {
      const z = zOf(raw);
      for (let out = 0; out < crew.length; out += 1) {
        const rest = crew.filter((_, i) => i !== out).map(([, r]) => zOf(r));
        expect(harmonyAfter(team, out, z)).toBeCloseTo(scratch([...rest, z])!, 9);
      }
      expect(harmonyAfter(team, -1, z), id).toBeCloseTo(scratch([...crew.map(([, r]) => zOf(r)), z])!, 9);
    }
    for (let out = 0; out < crew.length; out += 1) expect(harmonyAfter(team, out, undefined)).toBeCloseTo(scratch(crew.filter((_, i) => i !== out).map(([, r]) => zOf(r)))!, 9);
  });

  it('follows the lowest member when the lowest leaves (the minimum parts)', () => {
    const lowestA = crew.reduce((best, [, r], i) => (r.A! < crew[best]![1].A! ? i : best), 0);
    const rest = crew.filter((_, i) => i !== lowestA).map(([, r]) => zOf(r));
    expect(harmonyAfter(team, lowestA, zOf(outsiders[0]![1]))).toBeCloseTo(scratch([...rest, zOf(outsiders[0]![1])])!, 9);
  });

  it('has no index for a crew of one', () => {
    expect(harmonyAfter(prepareTeam(teamBase(crew.slice(0, 2))), 0, undefined)).toBeNull();
  });
});

describe('what-if', () => {
  const input = teamInput(crew.map(([id, raw]) => member(id, raw)));

  it('a swap’s figures equal recomputing the team from scratch', () => {
    const incoming = member('c0', outsiders[0]![1]);
    const result = whatIf(input, { remove: ['m3'], add: [incoming] });
    const fromScratch = analyzeTeam(teamInput([...crew.filter(([id]) => id !== 'm3').map(([id, raw]) => member(id, raw)), incoming]));
    expect(result.after).toEqual(fromScratch);
    expect(result.before).toEqual(analyzeTeam(input));
    expect(result.harmonyDelta).toBeCloseTo(fromScratch.harmony!.score - result.before.harmony!.score, 12);
  });

  it('refuses to take out someone who is not in the crew, or to add someone twice', () => {
    expect(() => changedTeam(input, { remove: ['nobody'], add: [] })).toThrow(/not in this crew/);
    expect(() => changedTeam(input, { remove: [], add: [member('m1', crew[1]![1])] })).toThrow(/already in this crew/);
  });
});

describe('best single swaps', () => {
  it('evaluates every candidate × member and its harmony change equals the recomputed crew', () => {
    const stew = position({ team: null, noTeam: null });
    const result = bestSwaps({
      team: teamBase(crew),
      members: crew.map(([id]) => ({ id, name: id, positionKey: 'stew', success: 0.5 })),
      positions: [{ key: 'stew', position: stew }],
      candidates: outsiders.map(([id, raw]) => candidate({ personId: id, name: id, result: { verdict: 'valid', takenOn: '2025-01-01', z: zOf(raw), mixed: false, note: null } })),
      settings: settings(),
      prediction: prediction(),
      coefficients: prediction().coefficients,
      asOf: '2026-01-15',
      sortBy: 'harmony',
      limit: 10,
    });
    expect(result.evaluated).toBe(crew.length * outsiders.length);
    expect(result.swaps).toHaveLength(10);
    const deltas = result.swaps.map((s) => s.harmonyDelta!);
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
    for (const swap of result.swaps) {
      const rest = crew.filter(([id]) => id !== swap.memberId).map(([, r]) => zOf(r));
      const incoming = zOf(outsiders.find(([id]) => id === swap.candidateId)![1]);
      expect(swap.harmonyAfter).toBeCloseTo(scratch([...rest, incoming])!, 9);
      expect(swap.successDelta).toBeCloseTo(swap.successIn - 0.5, 12);
    }
  });
});
