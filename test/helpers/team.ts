import { harmonyModel } from '../../src/core/team/models';
import type { TeamInput, TeamMemberInput } from '../../src/engine/team';

/** Builders for the team dynamics tests: members with raw means and z against a norm table. */
export const DOMAINS = ['N', 'E', 'O', 'A', 'C'] as const;
export const domainInfo = DOMAINS.map((id) => ({ id, name: { N: 'Neuroticism', E: 'Extraversion', O: 'Openness', A: 'Agreeableness', C: 'Conscientiousness' }[id] }));
export type Profile = Record<(typeof DOMAINS)[number], number>;

export const NORM: Record<string, { mean: number; sd: number }> = {
  N: { mean: 2.9, sd: 0.7 },
  E: { mean: 3.4, sd: 0.6 },
  O: { mean: 3.6, sd: 0.6 },
  A: { mean: 3.8, sd: 0.55 },
  C: { mean: 3.5, sd: 0.6 },
};

export function member(id: string, raw: Record<string, number | null>, options: { verdict?: TeamMemberInput['verdict']; norm?: Record<string, { mean: number; sd: number }> | null } = {}): TeamMemberInput {
  const norm = options.norm === undefined ? NORM : options.norm;
  const z = norm === null ? null : Object.fromEntries(Object.entries(raw).map(([s, x]) => [s, x === null || !norm[s] ? null : (x - norm[s].mean) / norm[s].sd]));
  return { id, name: id, raw, z, zNote: null, verdict: options.verdict ?? 'valid' };
}

export function teamInput(members: TeamMemberInput[], overrides: Partial<TeamInput> = {}): TeamInput {
  return {
    members,
    missing: [],
    domains: domainInfo,
    facets: [],
    normScales: Object.keys(NORM),
    noNorm: null,
    model: harmonyModel(),
    ...overrides,
  };
}

/** The five members of test/helpers/r/team-reference.R. */
export const KAT_MEMBERS: Array<[string, Profile]> = [
  ['m1', { N: 2.5, E: 3.4, O: 3.9, A: 4.1, C: 3.8 }],
  ['m2', { N: 3.1, E: 2.9, O: 3.2, A: 3.6, C: 4.2 }],
  ['m3', { N: 2.2, E: 4.0, O: 3.5, A: 2.7, C: 3.1 }],
  ['m4', { N: 3.6, E: 3.1, O: 4.4, A: 3.9, C: 2.9 }],
  ['m5', { N: 2.8, E: 3.7, O: 2.8, A: 4.4, C: 3.6 }],
];
