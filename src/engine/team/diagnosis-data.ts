import type { MemberFit } from './fit';
import type { Insight, TeamInput } from './types';
import { listNames, percent, plural } from './words';

/**
 * Insights about the data under the figures (docs/team-dynamics.md#8-diagnosis): who is missing, whose answers
 * look careless, what the norm does not cover and which figures are undefined, with the reason. They come first:
 * every other insight is only as good as these allow.
 */
export interface DataContext {
  input: TeamInput;
  validShare: number | null;
  fit: MemberFit[];
  harmonyNote: string | null;
}

type Evidence = Insight['evidence'];
const evidence = (context: DataContext, parts: Partial<Evidence> & Pick<Evidence, 'figure'>): Evidence => ({
  value: null,
  threshold: null,
  research: null,
  n: context.input.members.length,
  validShare: context.validShare,
  members: [],
  ...parts,
});

export function dataInsights(context: DataContext): Insight[] {
  const { input, validShare } = context;
  const { members, missing, model } = input;
  const total = members.length + missing.length;
  const out: Insight[] = [];
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  // Named in a fixed order (by name, then id), so the diagnosis reads the same whatever the members' order.
  const byName = <T extends { id: string; name: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  if (members.length === 0) {
    out.push({
      id: 'no-results',
      severity: 'warning',
      message: total === 0 ? 'There is nobody in this group.' : 'Nobody in this group has a usable questionnaire result, so there are no team figures yet.',
      advice: total === 0 ? null : 'Ask the crew to complete the personality questionnaire and import the results under Assessments.',
      evidence: evidence(context, { figure: 'Members with a usable result', value: 0 }),
    });
  }
  if (missing.length) {
    out.push({
      id: 'missing-results',
      severity: 'notice',
      message: `${plural(missing.length, 'member')} of ${total} ${missing.length === 1 ? 'has' : 'have'} no usable result and ${missing.length === 1 ? 'is' : 'are'} left out of every figure (nothing is estimated for them): ${listNames(byName(missing).map((m) => m.name))}.`,
      advice: 'Ask them to complete the questionnaire and import the results under Assessments; the figures update by themselves.',
      evidence: evidence(context, { figure: 'Members without a usable result', value: missing.length, members: byName(missing).map((m) => m.id) }),
    });
  }
  const unchecked = byName(members.filter((m) => m.verdict === 'questionable' && m.unchecked));
  if (validShare !== null && total > 0 && validShare < model.thresholds.minValidShare) {
    const why = unchecked.length
      ? ` (${plural(unchecked.length, 'result')} could not be checked for random answering yet)`
      : '';
    out.push({
      id: 'low-valid-share',
      severity: 'warning',
      message: `Only ${percent(validShare)} of the group have a valid result${why}, below ${percent(model.thresholds.minValidShare)}: read every figure here as a rough sketch of the crew.`,
      advice: unchecked.length
        ? 'Collect the missing results; results become checkable for random answering once enough results of the same questionnaire are stored to compare them with (see Assessments).'
        : 'Collect the missing results before relying on these figures.',
      evidence: evidence(context, { figure: 'Share of the group with a valid result', value: validShare, threshold: model.thresholds.minValidShare }),
    });
  }
  if (unchecked.length) {
    out.push({
      id: 'unchecked-results',
      severity: 'info',
      message: `The answers of ${listNames(unchecked.map((m) => m.name))} could not be checked for random answering: too few results of the questionnaire are stored to compare them with. No sign of careless answering was found; ${unchecked.length === 1 ? 'that result is' : 'those results are'} used here.`,
      advice: null,
      evidence: evidence(context, { figure: 'Members whose result could not be checked for random answering', value: unchecked.length, members: unchecked.map((m) => m.id) }),
    });
  }
  for (const verdict of ['invalid', 'questionable'] as const) {
    const flagged = byName(members.filter((m) => m.verdict === verdict && !m.unchecked));
    if (!flagged.length) continue;
    out.push({
      id: `${verdict}-results`,
      severity: verdict === 'invalid' ? 'warning' : 'notice',
      message: `The answers of ${listNames(flagged.map((m) => m.name))} were judged ${verdict} (signs of careless or rushed answering); ${flagged.length === 1 ? 'that result is' : 'those results are'} used here and may mislead.`,
      advice: 'Talk it through with them, and consider asking them to answer again.',
      evidence: evidence(context, { figure: `Members whose result is ${verdict}`, value: flagged.length, members: flagged.map((m) => m.id) }),
    });
  }
  if (input.normScales === null) {
    if (members.length) {
      out.push({
        id: 'no-norm',
        severity: 'info',
        message: `${input.noNorm ?? 'No norm is in use.'} Without one, scores cannot be put in SD from the norm, so person–team fit and the harmony index are not computed; raw averages are shown.`,
        advice: 'Choose a norm group, or import a norm table under Assessments.',
        evidence: evidence(context, { figure: 'Norm in use', value: null }),
      });
    }
  } else {
    const covered = new Set(input.normScales);
    const uncovered = input.domains.filter((d) => !covered.has(d.id));
    if (uncovered.length) {
      out.push({
        id: 'norm-missing-scales',
        severity: 'info',
        message: `The norm has no figures for ${listNames(uncovered.map((d) => d.name))}: no SD from the norm there, so person–team fit (which needs every domain) is not computed.`,
        advice: 'Use a norm table with a row for every domain.',
        evidence: evidence(context, { figure: 'Domains the norm does not cover', value: uncovered.length }),
      });
    }
    const notes = new Map<string, string[]>();
    for (const m of byName(members)) if (m.z === null && m.zNote) notes.set(m.zNote, [...(notes.get(m.zNote) ?? []), m.id]);
    for (const [note, ids] of notes) {
      out.push({
        id: 'not-placed',
        severity: 'notice',
        message: `${listNames(ids.map((id) => nameOf.get(id)!))}: ${note} ${ids.length === 1 ? 'This member is' : 'These members are'} left out of the figures against the norm.`,
        advice: 'Choose a norm of the same population, or allow the comparison explicitly.',
        evidence: evidence(context, { figure: 'Members not compared with the norm', value: ids.length, members: ids }),
      });
    }
  }
  if (members.length === 1) {
    out.push({
      id: 'team-of-one',
      severity: 'info',
      message: 'Only one member has a result: there is no spread, person–team fit or harmony index for a group of one.',
      advice: null,
      evidence: evidence(context, { figure: 'Members with a usable result', value: 1 }),
    });
  }
  const flat = byName(context.fit.filter((f) => f.distance !== null && f.profileR === null).map((f) => ({ id: f.id, name: nameOf.get(f.id)! }))).map((m) => m.id);
  if (flat.length) {
    out.push({
      id: 'flat-profiles',
      severity: 'info',
      message: `The profile of ${listNames(flat.map((id) => nameOf.get(id)!))}, or of the rest of the crew beside them, is equally high on every domain, so how the two profiles match in shape is undefined (the distance is still shown).`,
      advice: null,
      evidence: evidence(context, { figure: 'Profiles without variance', value: flat.length, members: flat }),
    });
  }
  if (context.harmonyNote && members.length > 1 && input.normScales !== null) {
    out.push({
      id: 'harmony-undefined',
      severity: 'info',
      message: context.harmonyNote,
      advice: null,
      evidence: evidence(context, { figure: 'Harmony index', value: null }),
    });
  }
  return out;
}
