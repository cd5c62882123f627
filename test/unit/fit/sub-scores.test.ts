import { describe, expect, it } from 'vitest';
import { fitPresets } from '../../../src/core/fit/models';
import { harmonyModel } from '../../../src/core/team/models';
import { combine, fitScore, firstTour, preparePosition, type ServiceRecord } from '../../../src/engine/fit';
import { availabilityScore } from '../../../src/engine/fit/availability';
import { certificatesScore } from '../../../src/engine/fit/certificates';
import { cultureScore, teamCredit } from '../../../src/engine/fit/culture';
import { engagementScore } from '../../../src/engine/fit/engagement';
import { experienceScore } from '../../../src/engine/fit/experience';
import { prepareTeam } from '../../../src/engine/fit/harmony-delta';
import { locationScore } from '../../../src/engine/fit/location';
import { harmonyIndex } from '../../../src/engine/team';
import { candidate, position, settings, teamBase, verified, zOf } from '../../helpers/fit';
import { KAT_MEMBERS } from '../../helpers/team';

/** Known answers for each sub-score, worked by hand from docs/fit-and-prediction.md (the arithmetic is in each test). */
const config = settings().scoring;
const stew = position();
const tour = firstTour(stew, config); // 2 Mar 2026 + 4 weeks: to 29 Mar 2026, 28 days

describe('first tour', () => {
  it('runs the rotation’s weeks on from the start, or a fixed number of days without a rotation', () => {
    expect(tour).toMatchObject({ start: '2026-03-02', end: '2026-03-29', days: 28 });
    expect(firstTour(position({ rotation: null }), config)).toMatchObject({ end: '2026-05-30', days: 90 });
  });
});

describe('certificates', () => {
  it('credits 1 valid past the tour, ½ expiring during it or in review, 0 missing: (1 + ½ + ½) / 3', () => {
    const part = certificatesScore(
      candidate({ held: { passport: [verified('2030-01-01')], eng1: [verified('2026-03-15')], pst: [verified('2025-01-01', 'old'), { documentId: 'new', status: 'review', expiresOn: '2031-01-01' }] } }),
      stew.required,
      tour,
      config.certificates,
    );
    expect(part.score).toBeCloseTo(2 / 3, 12);
    expect(part.confidence).toBe(1);
    expect(part.gaps).toEqual(['ENG1 medical expires during the first tour (15 Mar 2026)', 'STCW Personal Survival Techniques is awaiting review']);
    expect(part.strengths).toEqual(['1 of 3 required certificates valid through the first tour']);
  });

  it('names a missing and an expired certificate, and counts them 0: (1 + 0 + 0) / 3', () => {
    const part = certificatesScore(candidate({ held: { passport: [verified(null)], eng1: [verified('2026-01-31')] } }), stew.required, tour, config.certificates);
    expect(part.score).toBeCloseTo(1 / 3, 12);
    expect(part.gaps).toEqual(['ENG1 medical expired on 31 Jan 2026', 'STCW Personal Survival Techniques missing']);
  });

  it('is not scored, with the reason, when the position requires nothing', () => {
    const part = certificatesScore(candidate(), [], tour, config.certificates);
    expect(part).toMatchObject({ score: null, confidence: 0 });
    expect(part.notes[0]).toMatch(/lists no required certificates/);
  });
});

describe('experience', () => {
  const asOf = '2026-01-01';
  const record = (overrides: Partial<ServiceRecord>): ServiceRecord => ({
    source: 'recorded', vesselName: 'M/Y Other', lengthM: 50, grossTonnage: null, use: 'charter', department: 'interior', title: 'Stew', startDate: '2024-01-01', endDate: '2024-12-31', kind: 'onboard', ...overrides,
  });
  const same = record({});
  // Laundry is the rank below Stew (0.6); a 100 m yacht is half the size ratio (0.5); private vs charter 0.5: 181 days × 0.15.
  const below = record({ title: 'Laundry', lengthM: 100, use: 'private', startDate: '2023-01-01', endDate: '2023-06-30' });

  it('weights days by rank, size, use and kind: (366 + 181 × 0.15) / (24 × 30.44) days', () => {
    const part = experienceScore([same, below], stew, asOf, config.experience);
    expect(part.score).toBeCloseTo((366 + 181 * 0.15) / (24 * 30.44), 12);
    expect(part.confidence).toBe(1);
    expect(part.strengths[0]).toBe('13 months of relevant service (24 count in full)');
  });

  it('counts overlapping stints once, at the better one (a yard month inside the year changes nothing)', () => {
    const yard = record({ kind: 'yard', startDate: '2024-06-01', endDate: '2024-06-30' });
    expect(experienceScore([same, below, yard], stew, asOf, config.experience).score).toBeCloseTo((366 + 181 * 0.15) / (24 * 30.44), 12);
  });

  it('counts a vessel of unknown size at half and lowers the confidence by half the share of such days', () => {
    const unknown = record({ lengthM: null, startDate: '2025-01-01', endDate: '2025-01-31' });
    const part = experienceScore([same, below, unknown], stew, asOf, config.experience);
    expect(part.score).toBeCloseTo((366 + 181 * 0.15 + 31 * 0.5) / (24 * 30.44), 12);
    expect(part.confidence).toBeCloseTo(1 - 0.5 * (31 / (366 + 181 * 0.6 + 31)), 12);
  });

  it('scores 0 with a lowered confidence when nothing is on record, and says so', () => {
    const part = experienceScore([], stew, asOf, config.experience);
    expect(part).toMatchObject({ score: 0, confidence: 0.5, gaps: ['No sea service on record'] });
  });

  it('gives nothing for another department and counts a senior rank as the same rank', () => {
    expect(experienceScore([record({ department: 'deck', title: 'Deckhand' })], stew, asOf, config.experience).score).toBe(0);
    expect(experienceScore([record({ title: 'Chief Stew' })], stew, asOf, config.experience).score).toBeCloseTo(366 / (24 * 30.44), 12);
  });
});

describe('availability', () => {
  const booking = { startDate: '2025-06-01', endDate: null, label: 'Stew on Blue Meridian' };

  it('is the share of the first tour they are free: in post with 60 days’ notice from 15 Jan, busy 2–15 Mar = 14 of 28 days', () => {
    const part = availabilityScore(candidate({ bookings: [booking], noticeDays: 60 }), tour, '2026-01-15', config.availability);
    expect(part.score).toBe(0.5);
    expect(part.confidence).toBe(1);
    expect(part.gaps).toEqual(['Not free until 16 Mar 2026 (Stew on Blue Meridian, 60 days’ notice)']);
  });

  it('assumes 30 days’ notice when none is on record, with a lowered confidence', () => {
    const part = availabilityScore(candidate({ bookings: [booking] }), tour, '2026-01-15', config.availability);
    expect(part).toMatchObject({ score: 1, confidence: 0.6 });
    expect(part.notes[0]).toMatch(/30 days are assumed/);
  });

  it('counts a planned assignment that starts during the tour: booked from 20 Mar = 10 of 28 days', () => {
    const part = availabilityScore(candidate({ bookings: [{ startDate: '2026-03-20', endDate: null, label: 'Stew on Kestrel' }] }), tour, '2026-01-15', config.availability);
    expect(part.score).toBeCloseTo(18 / 28, 12);
    expect(part.gaps).toEqual(['Booked from 20 Mar 2026 (Stew on Kestrel)']);
  });

  it('scores 1 for a person with nothing booked', () => {
    expect(availabilityScore(candidate(), tour, '2026-01-15', config.availability)).toMatchObject({ score: 1, strengths: ['Free from 2 Mar 2026 for the whole first tour'] });
  });
});

describe('right to work', () => {
  const areas = settings().areas;

  it('averages the areas: a British passport in Schengen (visits only, ½) and a B1/B2 expiring during the tour (½)', () => {
    const part = locationScore(candidate({ nationalities: ['GBR'], visas: [{ kind: 'b1b2', expiresOn: '2026-03-10' }] }), ['schengen', 'usa'], areas, tour, config.location);
    expect(part.score).toBe(0.5);
    expect(part.gaps).toEqual(['Schengen area (western Mediterranean, northern Europe): visa-free visits only, not a season’s work', 'US B1/B2 visa expires during the first tour (10 Mar 2026)']);
  });

  it('scores 1 for a French passport and a B1/B2 valid past the tour', () => {
    expect(locationScore(candidate({ visas: [{ kind: 'b1b2', expiresOn: '2027-01-01' }] }), ['schengen', 'usa'], areas, tour, config.location).score).toBe(1);
  });

  it('is not scored when the vessel has no cruising areas or the person no nationality', () => {
    expect(locationScore(candidate(), [], areas, tour, config.location)).toMatchObject({ score: null, confidence: 0 });
    expect(locationScore(candidate({ nationalities: [] }), ['usa'], areas, tour, config.location)).toMatchObject({ score: null, confidence: 0 });
  });
});

describe('culture', () => {
  const ranges = [
    { scale: 'A', min: -0.5, max: null, why: 'test' },
    { scale: 'C', min: -0.75, max: null, why: 'test' },
    { scale: 'N', min: null, max: 0.75, why: 'test' },
    { scale: 'E', min: -1, max: null, why: 'test' },
  ];
  const team = teamBase(KAT_MEMBERS);
  const z = { A: -1, C: 0, N: 1.25, O: 0.2 };
  const result = { verdict: 'valid' as const, takenOn: '2025-12-01', z, mixed: false, note: null };

  it('mixes the profile (A ½ SD under: ½; C in: 1; N ½ SD over: ½; E not scored) and the change in harmony', () => {
    const before = harmonyIndex(team.members.map((m) => m.z), harmonyModel(), new Set(team.normScales)).harmony!.score;
    const after = harmonyIndex([...team.members.map((m) => m.z), z], harmonyModel(), new Set(team.normScales)).harmony!.score;
    const context = { ranges, profileLabel: 'Stew', team: prepareTeam(team), noTeam: null, domainNames: settings().domainNames };
    const part = cultureScore({ personId: 'new', result, noResult: null }, context, config.culture);
    const profile = (0.5 + 1 + 0.5) / 3;
    const profileWeight = 0.5 * (3 / 4);
    expect(part.harmonyDelta).toBeCloseTo(after - before, 9);
    expect(part.score).toBeCloseTo((profileWeight * profile + 0.5 * teamCredit(after - before, 5)) / (profileWeight + 0.5), 9);
    expect(part.confidence).toBeCloseTo(profileWeight + 0.5, 12);
    expect(part.gaps[0]).toBe('Agreeableness below the position’s range (1.0 SD below the norm; the range starts at 0.5 SD below the norm)');
    expect(part.gaps[1]).toBe('Neuroticism above the position’s range (1.3 SD above the norm; the range ends at 0.8 SD above the norm)');
  });

  it('a member already in the crew is compared with the crew in place of themselves', () => {
    const [id, raw] = KAT_MEMBERS[0]!;
    const context = { ranges: null, profileLabel: null, team: prepareTeam(team), noTeam: null, domainNames: {} };
    const part = cultureScore({ personId: id, result: { ...result, z: zOf(raw) }, noResult: null }, context, config.culture);
    expect(part.harmonyDelta).toBeCloseTo(0, 9);
    expect(part.score).toBeCloseTo(0.5, 9);
  });

  it('is not scored without a result, naming why', () => {
    const part = cultureScore({ personId: 'x', result: null, noResult: 'Their only result was judged invalid' }, { ranges, profileLabel: null, team: null, noTeam: null, domainNames: {} }, config.culture);
    expect(part).toMatchObject({ score: null, confidence: 0, notes: ['Their only result was judged invalid, so culture is not scored.'] });
  });
});

describe('engagement', () => {
  it('averages a valid result (1) and a profile 3 of 4 complete: 0.875', () => {
    const part = engagementScore({ result: { verdict: 'valid', takenOn: '2025-01-01', z: {}, mixed: false, note: null }, completeness: { filled: 3, total: 4, missing: ['phone'] }, invitations: null }, config.engagement);
    expect(part.score).toBe(0.875);
    expect(part.gaps).toEqual(['Profile incomplete: phone']);
    expect(part.notes[0]).toMatch(/invitations/);
  });

  it('counts the share of invitations answered once there are some: (0.5 + 1 + 0.25) / 3', () => {
    const part = engagementScore({ result: { verdict: 'questionable', takenOn: '2025-01-01', z: {}, mixed: false, note: null }, completeness: { filled: 4, total: 4, missing: [] }, invitations: { sent: 4, answered: 1 } }, config.engagement);
    expect(part.score).toBeCloseTo(1.75 / 3, 12);
    expect(part.gaps).toEqual(['Their questionnaire result looks careless in places']);
  });

  it('does not call a result careless that could only not be checked for random answering yet', () => {
    const result = { verdict: 'questionable' as const, unchecked: true, takenOn: '2025-01-01', z: {}, mixed: false, note: null };
    const part = engagementScore({ result, completeness: { filled: 4, total: 4, missing: [] }, invitations: null }, config.engagement);
    expect(part.gaps).toEqual(['Their questionnaire result is not yet checked for random answering']);
  });
});

describe('FitScore', () => {
  const balanced = fitPresets().presets.find((p) => p.name === 'balanced')!.weights;

  it('is the weighted mean of the parts scored, its contributions add up to it, and confidence is Σ weight × confidence', () => {
    const prepared = preparePosition(stew, settings(), '2026-01-15');
    const fit = fitScore(candidate({ held: { passport: [verified(null)], eng1: [verified('2027-01-01')], pst: [verified('2029-01-01')] } }), prepared, balanced);
    // certificates 1, experience 0 (conf .5), availability 1, location 1 (FRA in Schengen), culture not scored, engagement (0 + 1) / 2.
    const known = 0.25 + 0.25 + 0.15 + 0.1 + 0.1;
    expect(fit.score).toBeCloseTo((0.25 * 1 + 0.25 * 0 + 0.15 * 1 + 0.1 * 1 + 0.1 * 0.5) / known, 12);
    expect(Object.values(fit.contributions).reduce((s: number, c) => s + (c ?? 0), 0)).toBeCloseTo(fit.score!, 12);
    expect(fit.confidence).toBeCloseTo(0.25 + 0.25 * 0.5 + 0.15 + 0.1 + 0 + 0.1, 12);
    expect(fit.subScores.culture).toBeNull();
    expect(fit.confidenceNotes.join(' ')).toMatch(/No questionnaire result yet, so culture is not scored/);
  });

  it('has no score when no part with a weight could be scored', () => {
    const weights = { certificates: 0, experience: 0, availability: 0, location: 0, culture: 1, engagement: 0 };
    expect(combine(fitScore(candidate(), preparePosition(stew, settings(), '2026-01-15'), weights).parts, weights).score).toBeNull();
  });
});
