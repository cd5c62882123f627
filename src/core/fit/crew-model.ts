import type { FitCandidate } from '../../shared/api';
import type { Weights } from '../../shared/fit/model';
import { fitScore, preparePosition, rankAll, type CandidateData, type PositionData } from '../../engine/fit';
import type { ServiceContext } from '../context';
import { statement } from '../db/statements';
import type { GroupMember } from '../manning/crew';
import { harmonyModel } from '../team/models';
import { activeModel } from './prediction-models';
import { fitSettings, headOf, positionSetup } from './position';
import { withPrediction } from './ranking';
import type { PlacedPeople } from './results';

/**
 * A crew as the what-if and swap searches read it: who holds which position on the day, and each person's
 * FitScore and predicted success in their post against a given crew (the crew without them is the team they
 * join, so their team part is the change their presence makes).
 */
export interface CrewPost extends GroupMember {
  positionId: string;
}

const POSTS_SQL = `
  SELECT a.person_id AS personId, a.position_id AS positionId FROM assignments a JOIN positions pos ON pos.id = a.position_id
  WHERE pos.vessel_id = @vesselId AND a.archived_at IS NULL AND a.start_date <= @day AND (a.end_date IS NULL OR a.end_date >= @day)
  ORDER BY a.start_date, a.id`;

export function postsOf(ctx: ServiceContext, vesselId: string, day: string, crew: readonly GroupMember[]): CrewPost[] {
  const positionOf = new Map<string, string>();
  for (const row of statement(ctx.sqlite(), POSTS_SQL).all({ vesselId, day }) as Array<{ personId: string; positionId: string }>) if (!positionOf.has(row.personId)) positionOf.set(row.personId, row.positionId);
  return crew.filter((m) => positionOf.has(m.personId)).map((m) => ({ ...m, positionId: positionOf.get(m.personId)! }));
}

/** The position's data with the team set to `crew` less the person themselves, and the head taken from it. */
export function positionAgainst(base: PositionData, crew: readonly CrewPost[], personId: string, placed: PlacedPeople): PositionData {
  const others = crew.filter((m) => m.personId !== personId);
  const members = others.filter((m) => placed.results.has(m.personId)).map((m) => ({ id: m.personId, z: placed.results.get(m.personId)!.z }));
  const head = headOf(others, { department: base.department, title: base.title }, new Set());
  return {
    ...base,
    team: placed.normScales ? { members, model: harmonyModel(), normScales: placed.normScales } : null,
    head: head && { personId: head.personId, name: head.name, z: placed.results.get(head.personId)?.z ?? null },
  };
}

/** Each person's FitScore and prediction in their post against `crew` (people not in `data` are skipped). */
export function postFigures(ctx: ServiceContext, crew: readonly CrewPost[], data: ReadonlyMap<string, CandidateData>, placed: PlacedPeople, asOf: string, weights: Weights): Map<string, FitCandidate> {
  const model = activeModel(ctx);
  const bases = new Map<string, PositionData>();
  const out = new Map<string, FitCandidate>();
  for (const post of crew) {
    const person = data.get(post.personId);
    if (!person) continue;
    let base = bases.get(post.positionId);
    if (!base) bases.set(post.positionId, (base = positionSetup(ctx, post.positionId, asOf, placed).data));
    const prepared = preparePosition(positionAgainst(base, crew, post.personId, placed), fitSettings(placed.domainNames), asOf);
    // Their own berth does not keep them busy, and their time in it so far is experience.
    const self = { ...person, bookings: person.bookings.filter((b) => !b.label.startsWith(`${post.positionTitle} on `)) };
    const [fit] = rankAll([fitScore(self, prepared, weights)]);
    out.set(post.personId, withPrediction(self, fit!, prepared, model.coefficients, model.summary.version));
  }
  return out;
}
