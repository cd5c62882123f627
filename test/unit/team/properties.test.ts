import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { analyzeTeam, describe, volatility, stintFrom, type TeamFigures } from '../../../src/engine/team';
import { volatilityModel } from '../../../src/core/team/models';
import { DOMAINS, member, teamInput } from '../../helpers/team';

/** Invariants of the team figures (issue 11: tests that must exist). */
const RUNS = 100;

const score = fc.oneof({ weight: 12, arbitrary: fc.double({ min: 1, max: 5, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(null) });
const profile = fc.record(Object.fromEntries(DOMAINS.map((d) => [d, score])) as Record<(typeof DOMAINS)[number], typeof score>);
const verdict = fc.constantFrom('valid' as const, 'valid' as const, 'questionable' as const, 'invalid' as const);
const crew = fc.array(fc.tuple(profile, verdict), { minLength: 0, maxLength: 14 }).map((rows) => rows.map(([raw, v], i) => member(`p${i}`, raw, { verdict: v })));

/** A permutation of 0…n−1 from a seed. */
const shuffled = <T>(items: readonly T[], seed: number): T[] =>
  items
    .map((item, i) => ({ item, key: (i * 2_654_435_761 + seed * 40_503) % 4_294_967_291 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);

/** Everything that is a figure, keyed by member where it is per member. */
const figuresOf = (t: TeamFigures) => ({
  members: [...t.members].sort(),
  domains: t.domains,
  facets: t.facets,
  fit: Object.fromEntries(t.memberFit.map((f) => [f.id, f])),
  harmony: t.harmony,
  harmonyNote: t.harmonyNote,
  diagnosis: t.diagnosis,
});

group('team figures', () => {
  it('every figure is invariant to member order', () => {
    fc.assert(
      fc.property(crew, fc.integer({ min: 1, max: 10_000 }), (members, seed) => {
        const a = analyzeTeam(teamInput(members));
        const b = analyzeTeam(teamInput(shuffled(members, seed)));
        expect(figuresOf(b)).toEqual(figuresOf(a));
      }),
      { numRuns: RUNS },
    );
  });

  it('harmony stays in [0, 100] and the contributions add up to it', () => {
    fc.assert(
      fc.property(crew, (members) => {
        const { harmony } = analyzeTeam(teamInput(members));
        if (!harmony) return;
        expect(harmony.score).toBeGreaterThanOrEqual(0);
        expect(harmony.score).toBeLessThanOrEqual(100);
        const sum = harmony.components.reduce((s, c) => s + c.contribution, 0);
        expect(Math.abs(sum - harmony.score)).toBeLessThan(1e-9);
        for (const c of harmony.components) expect(c.contribution).toBeCloseTo(c.weight * c.subScore, 12);
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a member equal to the team mean leaves the mean unchanged and lowers every sd', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 2, maxLength: 30 }), (values) => {
        const before = describe(values);
        const after = describe([...values, before.mean]);
        expect(after.n).toBe(before.n + 1);
        expect(after.mean!).toBeCloseTo(before.mean!, 12);
        if (before.sd! > 1e-9) {
          expect(after.sd!).toBeLessThan(before.sd!);
          expect(after.sdPop!).toBeLessThan(before.sdPop!);
        } else {
          expect(after.sd!).toBeLessThanOrEqual(1e-9);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('… for every domain of a team, raw and in z', () => {
    fc.assert(
      fc.property(crew.filter((m) => m.length >= 2), (members) => {
        const before = analyzeTeam(teamInput(members));
        const meanRaw = Object.fromEntries(before.domains.map((d) => [d.id, d.raw.mean]));
        const after = analyzeTeam(teamInput([...members, member('average', meanRaw)]));
        before.domains.forEach((d, i) => {
          for (const metric of ['raw', 'z'] as const) {
            const x = d[metric]!;
            const y = after.domains[i]![metric]!;
            if (x.mean === null) continue;
            expect(y.mean!).toBeCloseTo(x.mean, 10);
            if (x.sd !== null && x.sd > 1e-9) expect(y.sd!).toBeLessThan(x.sd);
            if (x.sdPop !== null && x.sdPop > 1e-9) expect(y.sdPop!).toBeLessThan(x.sdPop);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('never gives NaN: every number is finite or null, fit distances are ≥ 0 and profile r within [−1, 1]', () => {
    fc.assert(
      fc.property(crew, fc.boolean(), (members, normed) => {
        const figures = analyzeTeam(teamInput(members, normed ? {} : { normScales: null, noNorm: 'No norm is chosen.' }));
        const json = JSON.stringify(figures, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 'NOT FINITE' : v));
        expect(json).not.toContain('NOT FINITE');
        for (const f of figures.memberFit) {
          if (f.distance !== null) expect(f.distance).toBeGreaterThanOrEqual(0);
          if (f.profileR !== null) expect(Math.abs(f.profileR)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

group('volatility', () => {
  const stint = fc
    .record({ person: fc.integer({ min: 0, max: 12 }), start: fc.integer({ min: 0, max: 900 }), length: fc.option(fc.integer({ min: 0, max: 700 })), rotation: fc.option(fc.constantFrom([2, 2], [4, 2], [2, 1], [3, 3])) })
    .map((s) => {
      const date = (offset: number) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
      return stintFrom({ personId: `p${s.person}`, department: 'deck', startDate: date(s.start), endDate: s.length === null ? null : date(s.start + s.length), rotationWeeksOn: s.rotation?.[0] ?? null, rotationWeeksOff: s.rotation?.[1] ?? null, rotationRestart: null });
    });

  it('the index and every part stay in [0, 100]; the contributions add up to the index', () => {
    fc.assert(
      fc.property(fc.array(stint, { maxLength: 20 }), (stints) => {
        const v = volatility(stints, '2025-03-15', volatilityModel(), null);
        for (const point of [v.index, ...v.parts.map((p) => p.score), ...v.trend.map((p) => p.index)]) {
          if (point === null) continue;
          expect(point).toBeGreaterThanOrEqual(0);
          expect(point).toBeLessThanOrEqual(100);
        }
        expect(v.trend).toHaveLength(12);
        expect(v.parts.find((p) => p.id === 'pulseVariability')!.value).toBeNull();
        if (v.index !== null) expect(v.parts.reduce((s, p) => s + (p.contribution ?? 0), 0)).toBeCloseTo(v.index, 9);
      }),
      { numRuns: 40 },
    );
  });
});
