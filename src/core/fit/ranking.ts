import { todayIsoDate } from '../../shared/domain/dates';
import type { AdvisoryAction, FitCandidate, Input, ParsedInput } from '../../shared/api';
import type { Coefficients, Weights } from '../../shared/fit/model';
import { factorsFor, fitScore, predict, preparePosition, rankAll, rankCandidates, type CandidateData, type PreparedPosition, type RankedCandidate } from '../../engine/fit';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { getPersonRow } from '../people/service';
import { listPositions } from '../vessels/staffing';
import { candidateData } from './candidates';
import { ADVISORY, logAdvisory } from './log';
import { activeModel } from './prediction-models';
import { predictionDefaults } from './models';
import { fitSettings, livePeople, placeEveryone, positionSetup, type PositionSetup } from './position';
import { asValidation, resolveWeights } from './presets';
import type { PlacedPeople } from './results';

/**
 * Rankings, explanations and reverse matches (docs/fit-and-prediction.md): the core gathers every live person
 * and the position, the engine scores; each answer names the model and is logged before it is returned.
 */
export interface Scene {
  setup: PositionSetup;
  prepared: PreparedPosition;
  candidates: CandidateData[];
}

/** A position on a start date with every live person who does not hold it as a candidate. */
export async function scene(ctx: ServiceContext, positionId: string, asOf: string, startDate: string, everyone?: { ids: string[]; placed: PlacedPeople; data: CandidateData[] }): Promise<Scene> {
  const pool = everyone ?? (await gatherEveryone(ctx, asOf));
  const setup = positionSetup(ctx, positionId, startDate, pool.placed);
  const prepared = preparePosition(setup.data, fitSettings(pool.placed.domainNames), asOf);
  return { setup, prepared, candidates: pool.data.filter((c) => !setup.holders.has(c.personId)) };
}

export async function gatherEveryone(ctx: ServiceContext, asOf: string) {
  const ids = livePeople(ctx);
  const placed = await placeEveryone(ctx, ids);
  return { ids, placed, data: candidateData(ctx, ids, placed, asOf) };
}

export function withPrediction(candidate: CandidateData, fit: RankedCandidate, prepared: PreparedPosition, coefficients: Coefficients, model: string): FitCandidate {
  const { factors, notes } = factorsFor(candidate, fit, prepared, predictionDefaults());
  return { ...fit, prediction: predict(factors, coefficients, model, notes) };
}

export function positionRef(s: Scene) {
  const d = s.setup.data;
  return {
    id: d.positionId,
    vesselId: d.vesselId,
    vessel: d.vesselName,
    title: d.title,
    department: d.department,
    startDate: d.startDate,
    tourEnd: s.prepared.tour.end,
    required: d.required,
    profile: d.profile?.label ?? 'none',
    head: d.head?.name ?? null,
    crew: s.setup.crew.length,
  };
}

/** What the log keeps of each person shown. */
const shownEntry = (c: FitCandidate) => ({ personId: c.personId, name: c.name, score: c.score, confidence: c.confidence, subScores: c.subScores, percentile: c.percentile, success: c.prediction.probability });

export async function rankPosition(ctx: ServiceContext, input: ParsedInput<'fit.rank'>) {
  const asOf = input.asOf ?? todayIsoDate();
  const startDate = input.startDate ?? asOf;
  const { preset, weights } = resolveWeights(ctx, input.preset, input.weights);
  const s = await scene(ctx, input.positionId, asOf, startDate);
  const ranking = asValidation(() => rankCandidates(s.candidates, s.prepared, { weights, threshold: input.threshold, limit: input.limit }));
  const model = activeModel(ctx);
  const byId = new Map(s.candidates.map((c) => [c.personId, c]));
  const candidates = ranking.candidates.map((r) => withPrediction(byId.get(r.personId)!, r, s.prepared, model.coefficients, model.summary.version));
  const logId = logAdvisory(ctx, input.channel === 'export' ? 'ranking exported' : 'ranking shown', model.summary.version, { positionId: input.positionId, preset, weights, threshold: input.threshold, limit: input.limit, asOf, startDate }, candidates.map(shownEntry));
  return { position: positionRef(s), preset, weights, threshold: input.threshold, limit: input.limit, considered: ranking.considered, scored: ranking.scored, model: model.summary, candidates, logId, advisory: ADVISORY };
}

/** One candidate in the full ranking of a position (their place and percentile among all). */
function rankedOne(s: Scene, personId: string, weights: Weights): RankedCandidate {
  const ranked = rankAll(s.candidates.map((c) => fitScore(c, s.prepared, weights)));
  const found = ranked.find((r) => r.personId === personId);
  if (!found) throw new AppError('CONFLICT', 'This person holds the position on that date, so they are not among its candidates.');
  return found;
}

export async function explain(ctx: ServiceContext, input: ParsedInput<'fit.explain'>, action: AdvisoryAction = 'explanation shown') {
  const asOf = input.asOf ?? todayIsoDate();
  getPersonRow(ctx, input.personId);
  const { preset, weights } = resolveWeights(ctx, input.preset, input.weights);
  const s = await scene(ctx, input.positionId, asOf, input.startDate ?? asOf);
  const person = s.candidates.find((c) => c.personId === input.personId);
  if (!person) throw new AppError('CONFLICT', 'This person is archived, or holds the position on that date, so they are not among its candidates.');
  const model = activeModel(ctx);
  const candidate = withPrediction(person, rankedOne(s, input.personId, weights), s.prepared, model.coefficients, model.summary.version);
  const logId = logAdvisory(ctx, action, model.summary.version, { positionId: input.positionId, personId: input.personId, preset, weights, asOf }, [shownEntry(candidate)]);
  return { position: positionRef(s), preset, weights, candidate, model: model.summary, logId, advisory: ADVISORY };
}

export async function matches(ctx: ServiceContext, input: ParsedInput<'fit.matches'>) {
  const asOf = input.asOf ?? todayIsoDate();
  const person = getPersonRow(ctx, input.personId);
  if (person.archivedAt !== null) throw new AppError('CONFLICT', `${person.givenNames} ${person.surname} is archived; restore them first`);
  const { preset, weights } = resolveWeights(ctx, input.preset, input.weights);
  const everyone = await gatherEveryone(ctx, asOf);
  const model = activeModel(ctx);
  const open = listPositions(ctx, null, asOf).filter((p) => p.archivedAt === null && p.vacancies > 0);
  const found: Array<{ position: ReturnType<typeof positionRef>; vacancies: number; candidate: FitCandidate; among: number }> = [];
  for (const p of open) {
    const s = await scene(ctx, p.id, asOf, asOf, everyone);
    const me = s.candidates.find((c) => c.personId === input.personId);
    if (!me) continue;
    const ranked = rankAll(s.candidates.map((c) => fitScore(c, s.prepared, weights)));
    const mine = ranked.find((r) => r.personId === input.personId)!;
    found.push({ position: positionRef(s), vacancies: p.vacancies, candidate: withPrediction(me, mine, s.prepared, model.coefficients, model.summary.version), among: ranked.filter((r) => r.score !== null).length });
  }
  // Open positions of archived vessels have no scene (getVesselRow passes them); they are rare and left out above.
  const byFit = (a: (typeof found)[number], b: (typeof found)[number]) => (b.candidate.score ?? -1) - (a.candidate.score ?? -1) || a.position.vessel.localeCompare(b.position.vessel) || a.position.title.localeCompare(b.position.title);
  const list = found.sort(byFit);
  const logId = logAdvisory(ctx, 'matches shown', model.summary.version, { personId: input.personId, preset, weights, asOf }, list.map((m) => ({ positionId: m.position.id, ...shownEntry(m.candidate) })));
  return { person: { id: person.id, name: `${person.givenNames} ${person.surname}` }, preset, weights, model: model.summary, matches: list, logId, advisory: ADVISORY };
}

export type RankInput = Input<'fit.rank'>;
