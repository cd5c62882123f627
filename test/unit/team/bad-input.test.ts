import { describe, expect, it } from 'vitest';
import { analyzeTeam, teamReportEntry } from '../../../src/engine/team';
import { KAT_MEMBERS, member, NORM, teamInput } from '../../helpers/team';

/** Bad input (issue 11): each gives null where a figure is undefined and a message saying why — never NaN, never a crash. */
const ids = (figures: ReturnType<typeof analyzeTeam>) => figures.diagnosis.map((d) => d.id);
const noNaN = (value: unknown) => expect(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v))).not.toContain('NaN!');
const crew = KAT_MEMBERS.map(([id, raw]) => member(id, raw));

describe('team figures on bad input', () => {
  it('members without results are listed as missing, by name, and never imputed', () => {
    const figures = analyzeTeam(teamInput(crew.slice(0, 3), { missing: [{ id: 'x', name: 'Ximena Ortiz', reason: 'no result' }, { id: 'y', name: 'Ana Bell', reason: 'no result' }] }));
    expect(figures.members).toEqual(['m1', 'm2', 'm3']);
    expect(figures.domains[0]!.raw.n).toBe(3);
    const missing = figures.diagnosis.find((d) => d.id === 'missing-results')!;
    expect(missing.message).toBe('2 members of 5 have no usable result and are left out of every figure (nothing is estimated for them): Ana Bell and Ximena Ortiz.');
    expect(missing.evidence).toMatchObject({ value: 2, members: ['y', 'x'], validShare: 3 / 5 });
    // 3 of 5 valid is below the 70% of harmony-v1: every figure is marked as a rough sketch.
    expect(ids(figures)).toContain('low-valid-share');
  });

  it('nobody with a result: empty statistics, no fit, no harmony, and a message', () => {
    const figures = analyzeTeam(teamInput([], { missing: [{ id: 'x', name: 'Ximena Ortiz', reason: 'no result' }] }));
    expect(figures.domains[0]!.raw).toEqual({ n: 0, mean: null, sd: null, sdPop: null, min: null, max: null, range: null });
    expect(figures.memberFit).toEqual([]);
    expect(figures.harmony).toBeNull();
    expect(figures.diagnosis[0]).toMatchObject({ id: 'no-results', severity: 'warning', message: 'Nobody in this group has a usable questionnaire result, so there are no team figures yet.' });
    noNaN(figures);
  });

  it('a team of one: no sd, no fit, no harmony — each with the reason', () => {
    const figures = analyzeTeam(teamInput(crew.slice(0, 1)));
    expect(figures.domains[3]!.z).toMatchObject({ n: 1, sd: null, sdPop: 0, range: 0 });
    expect(figures.memberFit).toEqual([{ id: 'm1', distance: null, profileR: null, apartness: null, differences: [] }]);
    expect(figures.harmony).toBeNull();
    expect(figures.harmonyNote).toBe('A group of one has no spread, so there is no harmony index.');
    expect(ids(figures)).toContain('team-of-one');
    noNaN(teamReportEntry(figures));
  });

  it('zero-variance profiles: a member equally far from the norm everywhere gets a distance but a null profile r', () => {
    const flat = member('flat', Object.fromEntries(Object.entries(NORM).map(([s, n]) => [s, n.mean + n.sd])));
    const figures = analyzeTeam(teamInput([...crew, flat]));
    const fit = figures.memberFit.find((f) => f.id === 'flat')!;
    expect(fit.distance).toBeGreaterThan(0);
    expect(fit.profileR).toBeNull();
    expect(figures.diagnosis.find((d) => d.id === 'flat-profiles')!.evidence.members).toEqual(['flat']);
    // Everyone identical: spreads are exactly 0 (not NaN), and each profile matches the rest's perfectly.
    const same = analyzeTeam(teamInput(['a', 'b', 'c'].map((id) => member(id, KAT_MEMBERS[0]![1]))));
    expect(same.domains.every((d) => d.raw.sd === 0 && d.raw.sdPop === 0 && d.z!.sd === 0 && d.raw.mean === KAT_MEMBERS[0]![1][d.id as 'N'])).toBe(true);
    expect(same.memberFit.every((f) => f.distance! < 1e-12 && f.profileR! > 1 - 1e-12)).toBe(true);
    noNaN(same);
  });

  it('norms missing a domain: z of that domain is null, fit is null for everyone, harmony says which domain it needs', () => {
    const { C: _dropped, ...withoutC } = NORM;
    const members = KAT_MEMBERS.map(([id, raw]) => member(id, raw, { norm: withoutC }));
    const figures = analyzeTeam(teamInput(members, { normScales: Object.keys(withoutC) }));
    expect(figures.domains.find((d) => d.id === 'C')!.z).toBeNull();
    expect(figures.domains.find((d) => d.id === 'A')!.z!.n).toBe(5);
    expect(figures.memberFit.every((f) => f.distance === null && f.profileR === null)).toBe(true);
    expect(figures.harmony).toBeNull();
    expect(figures.harmonyNote).toBe('The norm has no figures for C, which the harmony index needs.');
    expect(figures.diagnosis.find((d) => d.id === 'norm-missing-scales')!.message).toMatch(/^The norm has no figures for Conscientiousness/);
    noNaN(teamReportEntry(figures));
  });

  it('no norm at all: raw statistics only, fit [] and harmony null, with the reason', () => {
    const figures = analyzeTeam(teamInput(crew, { normScales: null, noNorm: 'No norm is chosen.' }));
    expect(figures.domains.every((d) => d.z === null && d.raw.n === 5)).toBe(true);
    expect(figures.memberFit).toEqual([]);
    expect(figures.harmony).toBeNull();
    expect(figures.diagnosis.find((d) => d.id === 'no-norm')!.message).toMatch(/^No norm is chosen\. Without one/);
  });

  it('a member without answers on a domain counts in the others only', () => {
    const gap = member('gap', { N: null, E: 3, O: 3, A: 3, C: 3 });
    const figures = analyzeTeam(teamInput([...crew, gap]));
    expect(figures.domains.find((d) => d.id === 'N')!.raw.n).toBe(5);
    expect(figures.domains.find((d) => d.id === 'E')!.raw.n).toBe(6);
    expect(figures.memberFit.find((f) => f.id === 'gap')).toMatchObject({ distance: null, profileR: null });
    expect(figures.harmony).not.toBeNull();
  });

  it('invalid and questionable verdicts are named', () => {
    const figures = analyzeTeam(teamInput([...crew.slice(0, 3), member('rushed', KAT_MEMBERS[3]![1], { verdict: 'invalid' }), member('odd', KAT_MEMBERS[4]![1], { verdict: 'questionable' })]));
    expect(figures.diagnosis.find((d) => d.id === 'invalid-results')).toMatchObject({ severity: 'warning', evidence: { members: ['rushed'] } });
    expect(figures.diagnosis.find((d) => d.id === 'questionable-results')!.message).toMatch(/^The answers of odd were judged questionable/);
  });

  it('a result not yet checked for random answering is said so, not called careless', () => {
    const unchecked = crew.map((m) => ({ ...m, verdict: 'questionable' as const, unchecked: true }));
    const figures = analyzeTeam(teamInput([...unchecked.slice(0, 4), member('odd', KAT_MEMBERS[4]![1], { verdict: 'questionable' })]));
    expect(figures.diagnosis.find((d) => d.id === 'questionable-results')).toMatchObject({ evidence: { members: ['odd'] } });
    const note = figures.diagnosis.find((d) => d.id === 'unchecked-results')!;
    expect(note.evidence.members).toHaveLength(4);
    expect(note.message).toMatch(/could not be checked for random answering/);
    expect(figures.diagnosis.find((d) => d.id === 'low-valid-share')!.message).toMatch(/4 results could not be checked for random answering yet/);
  });
});

describe('composition rules', () => {
  it('names the figure, the threshold and the research', () => {
    // A crew where one member is far below on agreeableness and the crew is spread on conscientiousness.
    const rows: Array<Record<string, number>> = [
      { N: 2.9, E: 3.4, O: 3.6, A: 2.9, C: 2.3 },
      { N: 2.9, E: 3.4, O: 3.6, A: 3.8, C: 4.8 },
      { N: 2.9, E: 3.4, O: 3.6, A: 3.9, C: 2.4 },
      { N: 2.9, E: 3.4, O: 3.6, A: 3.8, C: 4.7 },
    ];
    const figures = analyzeTeam(teamInput(rows.map((raw, i) => member(`c${i}`, raw)), { where: 'aboard' }));
    const low = figures.diagnosis.find((d) => d.id === 'low-minimum-agreeableness')!;
    expect(low.severity).toBe('warning');
    expect(low.message).toBe("The lowest agreeableness aboard is 1.6 SD below the norm: in field studies the least agreeable member's score predicts how well the whole team works together (Bell 2007).");
    expect(low.evidence).toMatchObject({ value: (2.9 - 3.8) / 0.55, threshold: -1.5, n: 4, validShare: 1 });
    const spread = figures.diagnosis.find((d) => d.id === 'wide-spread-conscientiousness')!;
    expect(spread.evidence.threshold).toBe(10);
    expect(spread.evidence.value).toBeLessThanOrEqual(10);
    expect(spread.message).toMatch(/Peeters et al\. 2006, ρ = −\.24/);
  });
});
