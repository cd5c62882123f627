import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_KINDS, type CertificateKindId } from '../../../src/shared/domain/certificates';
import { SUB_SCORES } from '../../../src/shared/fit/model';
import { firstTour, normaliseWeights, preparePosition, rankCandidates, type CandidateData } from '../../../src/engine/fit';
import { certificatesScore } from '../../../src/engine/fit/certificates';
import { candidate, position, settings, teamBase } from '../../helpers/fit';
import { KAT_MEMBERS } from '../../helpers/team';

/** Invariants of candidate fit, over random inputs (fast-check). */
const config = settings().scoring;
const tour = firstTour(position(), config);

const date = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const doc = fc.record({ documentId: fc.uuid(), status: fc.constantFrom('verified' as const, 'review' as const, 'rejected' as const), expiresOn: fc.option(date, { nil: null }) });
const held = fc.dictionary(fc.constantFrom(...CERTIFICATE_KINDS), fc.array(doc, { maxLength: 3 })) as fc.Arbitrary<Partial<Record<CertificateKindId, Array<{ documentId: string; status: 'verified' | 'review' | 'rejected'; expiresOn: string | null }>>>>;
const required = fc.uniqueArray(fc.constantFrom(...CERTIFICATE_KINDS), { minLength: 1 });

describe('certificates', () => {
  it('never goes down when a required certificate is added to what a person holds', () => {
    fc.assert(
      fc.property(held, required, fc.constantFrom(...CERTIFICATE_KINDS), doc, (docs, needed, kind, extra) => {
        const before = certificatesScore(candidate({ held: docs }), needed, tour, config.certificates).score!;
        const after = certificatesScore(candidate({ held: { ...docs, [kind]: [...(docs[kind] ?? []), extra] } }), needed, tour, config.certificates).score!;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('stays within 0–1', () => {
    fc.assert(fc.property(held, required, (docs, needed) => {
      const s = certificatesScore(candidate({ held: docs }), needed, tour, config.certificates).score!;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }));
  });
});

describe('weights', () => {
  const weights = fc.record(Object.fromEntries(SUB_SCORES.map((s) => [s, fc.double({ min: 0, max: 100, noNaN: true })])) as Record<(typeof SUB_SCORES)[number], fc.Arbitrary<number>>);

  it('are normalised to add up to 1 and keep their proportions', () => {
    fc.assert(
      fc.property(weights, (w) => {
        fc.pre(SUB_SCORES.some((s) => w[s] > 1e-6));
        const n = normaliseWeights(w);
        expect(SUB_SCORES.reduce((sum, s) => sum + n[s], 0)).toBeCloseTo(1, 12);
        const total = SUB_SCORES.reduce((sum, s) => sum + w[s], 0);
        for (const s of SUB_SCORES) expect(n[s]).toBeCloseTo(w[s] / total, 12);
      }),
    );
  });

  it('scaled by any factor give the same ranking', () => {
    const people = Array.from({ length: 12 }, (_, i) => sample(i));
    const prepared = preparePosition(position(), settings(), '2026-01-15');
    fc.assert(
      fc.property(weights, fc.double({ min: 0.01, max: 1000, noNaN: true }), (w, factor) => {
        fc.pre(SUB_SCORES.some((s) => w[s] > 1e-3));
        const scaled = Object.fromEntries(SUB_SCORES.map((s) => [s, w[s] * factor])) as typeof w;
        const a = rankCandidates(people, prepared, { weights: normaliseWeights(w), threshold: 0, limit: null }).candidates;
        const b = rankCandidates(people, prepared, { weights: normaliseWeights(scaled), threshold: 0, limit: null }).candidates;
        // The same scores within rounding, so the same order up to ties that rounding may break either way.
        const scoreOf = new Map(a.map((c) => [c.personId, c.score!]));
        b.forEach((c) => expect(c.score).toBeCloseTo(scoreOf.get(c.personId)!, 12));
        b.slice(1).forEach((c, i) => expect(scoreOf.get(c.personId)!).toBeLessThanOrEqual(scoreOf.get(b[i]!.personId)! + 1e-12));
      }),
      { numRuns: 40 },
    );
  });
});

/** A varied candidate: certificates, service, bookings and a result that differ with i. */
function sample(i: number): CandidateData {
  const [, raw] = KAT_MEMBERS[i % KAT_MEMBERS.length]!;
  return candidate({
    personId: `p${String(i).padStart(3, '0')}`,
    name: `Person ${i % 4}`,
    nationalities: i % 3 === 0 ? ['GBR'] : ['FRA'],
    held: i % 2 ? { passport: [{ documentId: 'a', status: 'verified', expiresOn: null }], eng1: [{ documentId: 'b', status: 'verified', expiresOn: `2026-0${1 + (i % 9)}-15` }] } : {},
    service: i % 4 ? [{ source: 'recorded', vesselName: 'X', lengthM: 30 + i * 5, grossTonnage: null, use: 'charter', department: 'interior', title: i % 2 ? 'Stew' : 'Laundry', startDate: '2024-01-01', endDate: `2024-${String(1 + (i % 12)).padStart(2, '0')}-20`, kind: 'onboard' }] : [],
    result: i % 5 ? { verdict: 'valid', takenOn: '2025-01-01', z: Object.fromEntries(Object.entries(raw).map(([s, v]) => [s, v - 3.5 + (i % 3) * 0.1])), mixed: false, note: null } : null,
    completeness: { filled: i % 4, total: 4, missing: ['phone'] },
  });
}

describe('ranking', () => {
  it('gives the same ranking for the same input, whatever order the candidates come in', () => {
    const people = Array.from({ length: 30 }, (_, i) => sample(i));
    const prepared = preparePosition(position({ team: teamBase(KAT_MEMBERS), noTeam: null }), settings(), '2026-01-15');
    const weights = normaliseWeights({ certificates: 1, experience: 1, availability: 1, location: 1, culture: 1, engagement: 1 });
    const expected = rankCandidates(people, prepared, { weights, threshold: 0, limit: null }).candidates;
    fc.assert(
      fc.property(fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length }), (shuffled) => {
        const ranked = rankCandidates(shuffled, prepared, { weights, threshold: 0, limit: null }).candidates;
        expect(ranked.map((c) => [c.personId, c.score, c.percentile])).toEqual(expected.map((c) => [c.personId, c.score, c.percentile]));
      }),
      { numRuns: 30 },
    );
  });

  it('lists only scores at or above the threshold, at most N, sorted, with percentiles among every candidate scored', () => {
    const people = Array.from({ length: 30 }, (_, i) => sample(i));
    const prepared = preparePosition(position(), settings(), '2026-01-15');
    const weights = normaliseWeights({ certificates: 1, experience: 1, availability: 1, location: 1, culture: 1, engagement: 1 });
    const all = rankCandidates(people, prepared, { weights, threshold: 0, limit: null });
    const some = rankCandidates(people, prepared, { weights, threshold: 0.5, limit: 5 });
    expect(some.considered).toBe(30);
    expect(some.candidates.length).toBeLessThanOrEqual(5);
    expect(some.candidates.every((c) => c.score! >= 0.5)).toBe(true);
    expect(some.candidates).toEqual(all.candidates.filter((c) => c.score! >= 0.5).slice(0, 5));
    const scores = all.candidates.map((c) => c.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(all.candidates[0]!.percentile).toBeGreaterThan(all.candidates.at(-1)!.percentile!);
  });
});
