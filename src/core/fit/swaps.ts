import { todayIsoDate } from '../../shared/domain/dates';
import type { ParsedInput } from '../../shared/api';
import { bestSwaps, type PositionData, type SwapSearch } from '../../engine/fit';
import { dayNumber } from '../../engine/team';
import type { TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { psychometricsPool } from '../psychometrics/pool';
import { crewStints, groupMembers } from '../manning/crew';
import { harmonyModel } from '../team/models';
import { getVesselRow } from '../vessels/records';
import { positionAgainst, postFigures, postsOf } from './crew-model';
import { ADVISORY, logAdvisory } from './log';
import { activeModel } from './prediction-models';
import { predictionDefaults } from './models';
import { fitSettings, positionSetup } from './position';
import { resolveWeights } from './presets';
import { gatherEveryone } from './ranking';

/**
 * Best single swaps on a vessel (docs/fit-and-prediction.md#what-if): every live person outside the crew against
 * every crew member in post. From this many swaps the search goes to the worker pool (below it, handing the data
 * to the threads costs more than it saves).
 */
export const POOL_SWAPS = 20_000;

export async function findSwaps(ctx: ServiceContext, input: ParsedInput<'fit.swaps'>, task: TaskHandle) {
  const vessel = getVesselRow(ctx, input.vesselId);
  const asOf = input.asOf ?? todayIsoDate();
  task.progress(0, null, 'Gathering the crew and candidates');
  const everyone = await gatherEveryone(ctx, asOf);
  const { placed } = everyone;
  const crew = postsOf(ctx, vessel.id, asOf, groupMembers(crewStints(ctx, vessel.id), dayNumber(asOf), { kind: 'crew' }));
  const inCrew = new Set(crew.map((m) => m.personId));
  const candidates = everyone.data.filter((c) => !inCrew.has(c.personId));
  const model = activeModel(ctx);
  const current = postFigures(ctx, crew, new Map(everyone.data.map((c) => [c.personId, c])), placed, asOf, resolveWeights(ctx, 'balanced', undefined).weights);
  const positions = new Map<string, PositionData>();
  for (const post of crew) {
    // Each member's post as a newcomer would find it: the crew without that member (so the head may change).
    if (!positions.has(post.positionId)) positions.set(post.positionId, positionSetup(ctx, post.positionId, asOf, placed).data);
  }
  const search: SwapSearch = {
    team: { members: crew.filter((m) => placed.results.has(m.personId)).map((m) => ({ id: m.personId, z: placed.results.get(m.personId)!.z })), model: harmonyModel(), normScales: placed.normScales ?? [] },
    members: crew.map((m) => ({ id: m.personId, name: m.name, positionKey: `${m.positionId}|${m.personId}`, success: current.get(m.personId)?.prediction.probability ?? null })),
    positions: crew.map((m) => ({ key: `${m.positionId}|${m.personId}`, position: positionAgainst(positions.get(m.positionId)!, crew, m.personId, placed) })),
    candidates,
    settings: fitSettings(placed.domainNames),
    prediction: predictionDefaults(),
    coefficients: model.coefficients,
    asOf,
    sortBy: input.sortBy,
    limit: input.limit,
  };
  const evaluated = crew.length * candidates.length;
  task.progress(0, evaluated, `Trying ${evaluated.toLocaleString('en-GB')} swaps`);
  const result = evaluated < POOL_SWAPS ? bestSwaps(search) : await psychometricsPool(ctx).swaps(search, task.signal);
  task.progress(evaluated, evaluated, 'Done');
  const logId = logAdvisory(ctx, 'best swaps shown', model.summary.version, { vesselId: vessel.id, asOf, sortBy: input.sortBy, limit: input.limit }, result.swaps);
  return { vessel: { id: vessel.id, name: vessel.name }, asOf, evaluated: result.evaluated, crew: crew.length, candidates: candidates.length, harmonyBefore: result.harmonyBefore, swaps: result.swaps, logId, advisory: ADVISORY };
}
