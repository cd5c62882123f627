import { todayIsoDate } from '../../shared/domain/dates';
import type { ParsedInput } from '../../shared/api';
import { FitInputError, whatIf } from '../../engine/fit';
import type { TeamInput } from '../../engine/team';
import { dayNumber } from '../../engine/team';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { scaleLists } from '../team/assemble';
import { crewStints, groupMembers } from '../manning/crew';
import { harmonyModel } from '../team/models';
import { getPositionRow, getVesselRow } from '../vessels/records';
import { postFigures, postsOf, type CrewPost } from './crew-model';
import { ADVISORY, logAdvisory } from './log';
import { activeModel } from './prediction-models';
import { fitInstrument } from './position';
import { asValidation, resolveWeights } from './presets';
import { gatherEveryone } from './ranking';

/**
 * What-if on a vessel (docs/fit-and-prediction.md#what-if): the crew in post on the day with people taken out
 * and others put in (a swap is both), every team figure recomputed from scratch for the changed crew, and each
 * person's FitScore and predicted success in their post before and after, side by side.
 */
export async function runWhatIf(ctx: ServiceContext, input: ParsedInput<'fit.whatIf'>) {
  const vessel = getVesselRow(ctx, input.vesselId);
  const asOf = input.asOf ?? todayIsoDate();
  const { preset, weights } = resolveWeights(ctx, input.preset, input.weights);
  const everyone = await gatherEveryone(ctx, asOf);
  const { placed } = everyone;
  const data = new Map(everyone.data.map((c) => [c.personId, c]));
  const before = postsOf(ctx, vessel.id, asOf, groupMembers(crewStints(ctx, vessel.id), dayNumber(asOf), { kind: 'crew' }));
  const inCrew = new Set(before.map((m) => m.personId));
  for (const id of input.remove) if (!inCrew.has(id)) throw new AppError('VALIDATION', 'Only crew in post on the day can be taken out', { issues: [{ path: 'remove', message: 'Someone taken out is not in this crew on the day' }], personId: id });
  const joining: CrewPost[] = input.add.map(({ personId, positionId }) => {
    const person = data.get(personId);
    if (!person) throw new AppError('NOT_FOUND', 'One of the people put in is archived or no longer exists; choose them again', { personId });
    const position = getPositionRow(ctx, positionId);
    if (position.vesselId !== vessel.id || position.archivedAt !== null) throw new AppError('VALIDATION', `That position is not a live position of ${vessel.name}`, { issues: [{ path: 'add', message: 'not a position of this vessel' }] });
    if (inCrew.has(personId) && !input.remove.includes(personId)) throw new AppError('VALIDATION', `${person.name} is already in this crew; take them out first to move them`, { issues: [{ path: 'add', message: 'already in the crew' }] });
    return { personId, name: person.name, positionTitle: position.title, department: position.department, aboard: true, positionId };
  });
  const removed = new Set(input.remove);
  const after = [...before.filter((m) => !removed.has(m.personId)), ...joining];

  const scales = scaleLists(fitInstrument(ctx));
  const memberInput = (m: CrewPost) => {
    const r = placed.results.get(m.personId)!;
    return { id: m.personId, name: m.name, raw: r.z ?? {}, z: r.z, zNote: r.note, verdict: r.verdict };
  };
  const team: TeamInput = {
    members: before.filter((m) => placed.results.has(m.personId)).map(memberInput),
    missing: before.filter((m) => !placed.results.has(m.personId)).map((m) => ({ id: m.personId, name: m.name, reason: placed.missing.get(m.personId) ?? 'No questionnaire result yet' })),
    domains: scales.domains,
    facets: [],
    normScales: placed.normScales,
    noNorm: placed.normScales ? null : 'No norm group is large enough yet.',
    model: harmonyModel(),
    where: 'in this crew',
  };
  const figures = (() => {
    try {
      return whatIf(team, { remove: input.remove, add: joining.filter((m) => placed.results.has(m.personId)).map(memberInput) });
    } catch (error) {
      if (error instanceof FitInputError) throw new AppError('VALIDATION', error.message, { issues: error.issues });
      throw error;
    }
  })();
  const fitBefore = asValidation(() => postFigures(ctx, before, data, placed, asOf, weights));
  const fitAfter = postFigures(ctx, after, data, placed, asOf, weights);
  const people = [...before, ...joining.filter((j) => !before.some((b) => b.personId === j.personId))].map((m) => {
    const leaves = removed.has(m.personId) && !joining.some((j) => j.personId === m.personId);
    const joins = joining.some((j) => j.personId === m.personId);
    const was = fitBefore.get(m.personId);
    const now = fitAfter.get(m.personId);
    return {
      personId: m.personId,
      name: m.name,
      positionTitle: (joining.find((j) => j.personId === m.personId) ?? m).positionTitle,
      change: leaves ? ('leaves' as const) : joins ? ('joins' as const) : ('stays' as const),
      fitBefore: joins && !inCrew.has(m.personId) ? null : (was?.score ?? null),
      fitAfter: leaves ? null : (now?.score ?? null),
      successBefore: joins && !inCrew.has(m.personId) ? null : (was?.prediction.probability ?? null),
      successAfter: leaves ? null : (now?.prediction.probability ?? null),
    };
  });
  const ids = (list: typeof figures.before.diagnosis) => new Set(list.map((i) => `${i.id}|${i.message}`));
  const beforeIds = ids(figures.before.diagnosis);
  const afterIds = ids(figures.after.diagnosis);
  const model = activeModel(ctx);
  const h = { before: figures.before.harmony, after: figures.after.harmony };
  const logId = logAdvisory(ctx, 'what-if shown', model.summary.version, { vesselId: vessel.id, asOf, remove: input.remove, add: input.add, preset, weights }, people);
  return {
    vessel: { id: vessel.id, name: vessel.name },
    asOf,
    harmony: {
      before: h.before?.score ?? null,
      after: h.after?.score ?? null,
      delta: figures.harmonyDelta,
      bandBefore: h.before?.band ?? null,
      bandAfter: h.after?.band ?? null,
      noteBefore: figures.before.harmonyNote,
      noteAfter: figures.after.harmonyNote,
    },
    components: harmonyModel().components.map((c) => ({
      id: c.id,
      label: c.label,
      before: h.before?.components.find((x) => x.id === c.id)?.subScore ?? null,
      after: h.after?.components.find((x) => x.id === c.id)?.subScore ?? null,
    })),
    scales: figures.scales,
    people,
    insights: {
      before: figures.before.diagnosis.length,
      after: figures.after.diagnosis.length,
      added: figures.after.diagnosis.filter((i) => !beforeIds.has(`${i.id}|${i.message}`)).map((i) => i.message),
      resolved: figures.before.diagnosis.filter((i) => !afterIds.has(`${i.id}|${i.message}`)).map((i) => i.message),
    },
    logId,
    advisory: ADVISORY,
  };
}
