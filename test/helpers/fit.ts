import { predictionDefaults, scoringConfig } from '../../src/core/fit/models';
import { cruisingAreas } from '../../src/core/vessels/cruising-areas';
import { harmonyModel } from '../../src/core/team/models';
import type { CandidateData, FitSettings, PositionData } from '../../src/engine/fit';
import { NORM } from './team';

/** Builders for the fit tests: a Stew berth on a 50 m charter yacht and a candidate with nothing on record. */
export const settings = (): FitSettings => ({
  scoring: scoringConfig(),
  areas: cruisingAreas().areas,
  domainNames: { N: 'Neuroticism', E: 'Extraversion', O: 'Openness', A: 'Agreeableness', C: 'Conscientiousness' },
});

export const prediction = () => predictionDefaults();

export function position(overrides: Partial<PositionData> = {}): PositionData {
  return {
    positionId: 'pos-stew',
    vesselId: 'v1',
    vesselName: 'Test Vessel',
    title: 'Stew',
    department: 'interior',
    rotation: { weeksOn: 4, weeksOff: 2 },
    startDate: '2026-03-02',
    required: ['passport', 'eng1', 'pst'],
    vessel: { lengthM: 50, grossTonnage: 450, use: 'charter', areas: ['schengen'] },
    profile: null,
    team: null,
    noTeam: 'No crew in the test.',
    head: null,
    ...overrides,
  };
}

export function candidate(overrides: Partial<CandidateData> = {}): CandidateData {
  return {
    personId: 'p1',
    name: 'Ana Test',
    nationalities: ['FRA'],
    visas: [],
    noticeDays: null,
    held: {},
    service: [],
    bookings: [],
    result: null,
    noResult: 'No questionnaire result yet',
    completeness: { filled: 4, total: 4, missing: [] },
    invitations: null,
    ...overrides,
  };
}

export const verified = (expiresOn: string | null, documentId = 'd1') => ({ documentId, status: 'verified' as const, expiresOn });

/** z of a raw profile against the helper norm of test/helpers/team.ts. */
export const zOf = (raw: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(raw).map(([s, x]) => [s, (x - NORM[s]!.mean) / NORM[s]!.sd]));

export const teamBase = (members: Array<[string, Record<string, number>]>) => ({
  members: members.map(([id, raw]) => ({ id, z: zOf(raw) })),
  model: harmonyModel(),
  normScales: Object.keys(NORM),
});
