import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinInstrument } from '../../../src/core/psychometrics/builtin';
import { teamReportSchema } from '../../../src/shared/api';
import { harmony } from '../../helpers/cli';
import { simulate, toCsv } from '../../helpers/psych-sim';
import { KAT_MEMBERS, NORM } from '../../helpers/team';
import { tempDir } from '../../helpers/temp-core';

/** `harmony team` (issue 11): the exact JSON shape, known answers through the whole command, bad input. */
const dir = tempDir();
afterAll(() => dir.remove());
const file = (name: string, text: string) => {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
};

// Ten items per domain keyed +1, answers 1–5: a scale mean is a multiple of 0.1, so the members of
// test/helpers/r/team-reference.R can be answered exactly and the command must give R's figures.
const scales = ['N', 'E', 'O', 'A', 'C'] as const;
const keys = file('keys.csv', ['item,scale,keyed', ...scales.flatMap((s) => Array.from({ length: 10 }, (_, i) => `${s}${i + 1},${s},+`))].join('\n'));
const answersFor = (mean: number) => {
  const total = Math.round(mean * 10);
  const low = Math.floor(total / 10);
  return Array.from({ length: 10 }, (_, i) => (i < total - low * 10 ? low + 1 : low));
};
const katResponses = file(
  'kat.csv',
  [['id', ...scales.flatMap((s) => Array.from({ length: 10 }, (_, i) => `${s}${i + 1}`))].join(','), ...KAT_MEMBERS.map(([id, p]) => [id, ...scales.flatMap((s) => answersFor(p[s]))].join(','))].join('\n'),
);
const katNorms = file('norms.csv', ['scale,mean,sd', ...Object.entries(NORM).map(([s, n]) => `${s},${n.mean},${n.sd}`)].join('\n'));
const katTeams = file('teams.csv', ['id,team', ...KAT_MEMBERS.map(([id]) => `${id},Bridge`), 'm1,Solo'].join('\n'));
const kat = (...extra: string[]) => harmony('team', '--keys', keys, '--min', '1', '--max', '5', '--responses', katResponses, '--teams', katTeams, ...extra);

describe('harmony team --json', () => {
  it('prints exactly the documented shape', async () => {
    const { code, out } = await kat('--norms', katNorms, '--json');
    expect(code).toBe(0);
    const raw = JSON.parse(out) as { teams: Record<string, Record<string, unknown>> };
    expect(teamReportSchema.safeParse(raw).success).toBe(true);
    expect(Object.keys(raw.teams)).toEqual(['Bridge', 'Solo']);
    const bridge = teamReportSchema.parse(raw).teams.Bridge!;
    expect(Object.keys(raw.teams.Bridge!)).toEqual(['members', 'scales', 'memberFit', 'harmony', 'diagnosis']);
    expect(bridge.members).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(Object.keys(bridge.scales)).toEqual(['N', 'E', 'O', 'A', 'C']);
    expect(Object.keys(bridge.scales.A!.raw)).toEqual(['n', 'mean', 'sd', 'sdPop', 'min', 'max', 'range']);
    expect(Object.keys(bridge.memberFit[0]!)).toEqual(['id', 'distance', 'profileR']);
    expect(Object.keys(bridge.harmony!)).toEqual(['score', 'version', 'components']);
    expect(Object.keys(bridge.harmony!.components[0]!)).toEqual(['id', 'value', 'weight', 'contribution', 'source']);
    expect(bridge.harmony!.components[0]!.source).toMatch(/Peeters.*ρ = \.24/);
    // Full double precision.
    expect(out).toContain('"sd":0.5412947441089743');
  });

  it('gives R’s figures through the whole command (test/helpers/r/team-reference.R)', async () => {
    const { teams } = teamReportSchema.parse(JSON.parse((await kat('--norms', katNorms, '--json')).out));
    const bridge = teams.Bridge!;
    expect(bridge.scales.N!.raw.sd).toBeCloseTo(0.54129474410897427, 12);
    expect(bridge.scales.A!.z!.min).toBeCloseTo(-1.9999999999999991, 12);
    expect(bridge.scales.C!.z!.sdPop).toBeCloseTo(0.78457348639598801, 12);
    expect(bridge.memberFit.find((m) => m.id === 'm3')).toEqual({ id: 'm3', distance: expect.closeTo(3.0222870070408874, 12), profileR: expect.closeTo(-0.96480345210922569, 12) });
    expect(bridge.harmony!.score).toBeCloseTo(42.06071604581966, 10);
    expect(bridge.harmony!.components.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(bridge.harmony!.score, 10);
  });

  it('without norms: z null, memberFit [], harmony null, and the diagnosis says why', async () => {
    const { code, out } = await kat('--json');
    expect(code).toBe(0);
    const bridge = teamReportSchema.parse(JSON.parse(out)).teams.Bridge!;
    expect(Object.values(bridge.scales).every((s) => s.z === null && s.raw.n === 5)).toBe(true);
    expect(bridge.memberFit).toEqual([]);
    expect(bridge.harmony).toBeNull();
    expect(bridge.diagnosis.find((d) => d.id === 'no-norm')!.message).toMatch(/^No norm table was given \(--norms\)\./);
  });

  it('a team of one and norms missing a domain: null where undefined, with the reason', async () => {
    const partial = file('partial.csv', 'scale,mean,sd\nN,2.9,0.7\nE,3.4,0.6\nO,3.6,0.6\nA,3.8,0.55\n');
    const { code, out, err } = await kat('--norms', partial, '--json');
    expect(code).toBe(0);
    const { teams } = teamReportSchema.parse(JSON.parse(out));
    expect(teams.Solo!.scales.A!.z).toEqual({ n: 1, mean: expect.any(Number), sd: null, sdPop: 0, min: expect.any(Number), max: expect.any(Number), range: 0 });
    expect(teams.Solo!.harmony).toBeNull();
    expect(teams.Solo!.diagnosis.map((d) => d.id)).toContain('team-of-one');
    expect(teams.Bridge!.scales.C!.z).toBeNull();
    expect(teams.Bridge!.memberFit.every((m) => m.distance === null && m.profileR === null)).toBe(true);
    expect(err).toMatch(/^Note: The norm table has no row for C/m);
    expect(out).not.toMatch(/NaN/);
  });
});

describe('harmony team with the built-in instrument', () => {
  const ipip = builtinInstrument('ipip-neo-120')!;
  const items = ipip.items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed }));
  const data = simulate(items, { n: 40, seed: 11, straight: 1 });
  const responses = file('ipip.csv', toCsv(items.map((i) => i.id), data.ids, data.values));
  const straight = data.ids[data.kinds.indexOf('straight')]!;
  const others = data.ids.filter((id) => id !== straight);
  const teams = file('ipip-teams.csv', ['id,team', ...others.slice(0, 12).map((id) => `${id},Deck`), `${straight},Deck`, ...others.slice(12, 20).map((id) => `${id},Interior`)].join('\n'));

  it('takes every member whatever their verdict and names the invalid ones', async () => {
    const { code, out } = await harmony('team', '--instrument', 'ipip-neo-120', '--responses', responses, '--teams', teams, '--json');
    expect(code).toBe(0);
    const report = teamReportSchema.parse(JSON.parse(out));
    expect(report.teams.Deck!.members).toContain(straight);
    const invalid = report.teams.Deck!.diagnosis.find((d) => d.id === 'invalid-results')!;
    expect(invalid.evidence.members).toEqual([straight]);
    expect(invalid.message).toContain(straight);
    expect(report.teams.Interior!.members).toHaveLength(8);
  });

  it('prints a readable report without --json', async () => {
    const { code, out } = await harmony('team', '--instrument', 'ipip-neo-120', '--responses', responses, '--teams', teams);
    expect(code).toBe(0);
    expect(out).toMatch(/^Advisory figures/);
    expect(out).toContain('Team Deck: 13 members');
    expect(out).toContain('Team Interior: 8 members');
  });
});

describe('harmony team: bad input', () => {
  it('an id in TEAMS.csv that is not in the responses is an error naming it', async () => {
    const teams = file('bad-teams.csv', 'id,team\nm1,Bridge\nghost,Bridge\nm2,\nm1,Bridge\n');
    const { code, err } = await harmony('team', '--keys', keys, '--min', '1', '--max', '5', '--responses', katResponses, '--teams', teams);
    expect(code).toBe(1);
    expect(err).toContain('bad-teams.csv row 3, column id: "ghost" is not a respondent in kat.csv');
    expect(err).toContain('bad-teams.csv row 4, column team: the team is empty');
    expect(err).toContain('bad-teams.csv row 5: "m1" is already in team "Bridge" on bad-teams.csv row 2');
  });

  it('refuses a team named __proto__ rather than losing it from the JSON', async () => {
    const teams = file('proto.csv', 'id,team\nm1,__proto__\nm2,constructor\n');
    const { code, err } = await harmony('team', '--keys', keys, '--min', '1', '--max', '5', '--responses', katResponses, '--teams', teams);
    expect(code).toBe(1);
    expect(err).toContain('"__proto__" cannot be a team name');
  });

  it('usage errors exit 2; a missing file or another population’s norms exit 1', async () => {
    expect((await harmony('team', '--keys', keys, '--responses', katResponses, '--teams', katTeams)).code).toBe(2);
    expect((await harmony('team', '--instrument', 'ipip-neo-120', '--responses', katResponses)).err).toMatch(/--teams TEAMS\.csv is required/);
    const missing = await harmony('team', '--instrument', 'ipip-neo-120', '--responses', join(dir.path, 'nope.csv'), '--teams', katTeams);
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/The responses file .*nope\.csv does not exist/) });
    const applicantNorms = file('applicants.csv', 'scale,mean,sd,population\nN,2.9,0.7,applicant\nE,3.4,0.6,applicant\nO,3.6,0.6,applicant\nA,3.8,0.55,applicant\nC,3.5,0.6,applicant\n');
    const refused = await kat('--norms', applicantNorms, '--respondents', 'incumbent', '--json');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/the percentiles would mislead/);
    expect((await kat('--norms', applicantNorms, '--respondents', 'incumbent', '--allow-norm-mismatch', '--json')).code).toBe(0);
  });
});
