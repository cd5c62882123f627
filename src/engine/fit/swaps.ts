import type { Coefficients, PredictionFile } from '../../shared/fit/model';
import { certificatesScore } from './certificates';
import { teamCredit } from './culture';
import { experienceScore } from './experience';
import { harmonyAfter, prepareTeam } from './harmony-delta';
import { environmentFactor, individualFactor, leaderFactor, sigmoid } from './predict';
import { firstTour } from './tour';
import type { CandidateData, FitSettings, PositionData, TeamBase } from './types';

/**
 * Best single swaps (docs/fit-and-prediction.md#what-if): every candidate × crew member, the member leaving and
 * the candidate taking their post; each swap's change in the crew's harmony index (harmony-delta.ts, without
 * recomputing the team) and in predicted success for that post — the candidate's Ŷ there against the member's
 * Ŷ now. Plain data in and out, so it runs in the worker pool in batches of candidates.
 */
export interface SwapMember {
  id: string;
  name: string;
  /** The member's post (a key of `positions`). */
  positionKey: string;
  /** The member's predicted success in their post now (null when it cannot be worked out). */
  success: number | null;
}

export interface SwapSearch {
  team: TeamBase;
  members: SwapMember[];
  positions: Array<{ key: string; position: PositionData }>;
  candidates: CandidateData[];
  settings: FitSettings;
  prediction: PredictionFile;
  coefficients: Coefficients;
  asOf: string;
  sortBy: 'harmony' | 'success';
  limit: number;
}

export interface Swap {
  memberId: string;
  memberName: string;
  candidateId: string;
  candidateName: string;
  positionTitle: string;
  harmonyAfter: number | null;
  harmonyDelta: number | null;
  successIn: number;
  successOut: number | null;
  successDelta: number | null;
}

export interface SwapOutcome {
  evaluated: number;
  harmonyBefore: number | null;
  swaps: Swap[];
}

export function compareSwaps(sortBy: SwapSearch['sortBy']) {
  const first = sortBy === 'harmony' ? 'harmonyDelta' : 'successDelta';
  const second = sortBy === 'harmony' ? 'successDelta' : 'harmonyDelta';
  const value = (s: Swap, key: 'harmonyDelta' | 'successDelta') => s[key] ?? Number.NEGATIVE_INFINITY;
  return (a: Swap, b: Swap): number =>
    value(b, first) - value(a, first) || value(b, second) - value(a, second) || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0) || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);
}

export function bestSwaps(search: SwapSearch): SwapOutcome {
  const team = prepareTeam(search.team);
  const { scoring } = search.settings;
  const c = search.coefficients;
  const byKey = new Map(
    search.positions.map(({ key, position }) => [
      key,
      { position, tour: firstTour(position, scoring), environment: environmentFactor(position, search.prediction.environment) },
    ]),
  );
  const members = search.members.map((m) => ({ ...m, teamIndex: team.index.get(m.id) ?? -1, post: byKey.get(m.positionKey)! }));
  const order = compareSwaps(search.sortBy);
  const kept: Swap[] = [];
  let evaluated = 0;
  const keep = (swap: Swap) => {
    kept.push(swap);
    if (kept.length >= search.limit * 4) {
      kept.sort(order);
      kept.length = search.limit;
    }
  };
  for (const candidate of search.candidates) {
    const z = candidate.result?.z ?? null;
    const perPost = new Map<string, { individual: number | null; leader: number | null }>();
    for (const [key, post] of byKey) {
      const certificates = certificatesScore(candidate, post.position.required, post.tour, scoring.certificates).score;
      const experience = experienceScore(candidate.service, post.position, search.asOf, scoring.experience).score;
      const individual = individualFactor(candidate, { subScores: { certificates, experience, availability: null, location: null, culture: null, engagement: null } }, post.position.profile, search.prediction, scoring.culture.rangeTolerance);
      const head = post.position.head?.z;
      perPost.set(key, { individual, leader: z && head ? leaderFactor(z, head, search.prediction.leader) : null });
    }
    for (const member of members) {
      evaluated += 1;
      const after = z && team.base !== null ? harmonyAfter(team, member.teamIndex, z) : null;
      const delta = after === null || team.base === null ? null : after - team.base;
      const factors = perPost.get(member.positionKey)!;
      const eta =
        c.intercept.estimate +
        (factors.individual === null ? 0 : c.individual.estimate * (factors.individual - 0.5)) +
        (delta === null ? 0 : c.team.estimate * (teamCredit(delta, scoring.culture.harmonyScale) - 0.5)) +
        c.environment.estimate * (member.post.environment - 0.5) +
        (factors.leader === null ? 0 : c.leader.estimate * (factors.leader - 0.5));
      const successIn = sigmoid(eta);
      keep({
        memberId: member.id,
        memberName: member.name,
        candidateId: candidate.personId,
        candidateName: candidate.name,
        positionTitle: member.post.position.title,
        harmonyAfter: after,
        harmonyDelta: delta,
        successIn,
        successOut: member.success,
        successDelta: member.success === null ? null : successIn - member.success,
      });
    }
  }
  kept.sort(order);
  return { evaluated, harmonyBefore: team.base, swaps: kept.slice(0, search.limit) };
}

/** Results of batches of candidates merged into one list, in the same order as one run over all of them. */
export function mergeSwaps(parts: readonly SwapOutcome[], sortBy: SwapSearch['sortBy'], limit: number): SwapOutcome {
  const swaps = parts.flatMap((p) => p.swaps).sort(compareSwaps(sortBy)).slice(0, limit);
  return { evaluated: parts.reduce((s, p) => s + p.evaluated, 0), harmonyBefore: parts[0]?.harmonyBefore ?? null, swaps };
}
