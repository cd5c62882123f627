import { analyzeTeam } from '../team/team';
import type { TeamFigures, TeamInput, TeamMemberInput } from '../team/types';
import { FitInputError } from './errors';

/**
 * What-if on a crew (docs/fit-and-prediction.md#what-if): people removed, added, or swapped (one out, one in),
 * and every team figure worked out again from scratch for the changed crew, beside the crew as it is.
 */
export interface CrewChange {
  remove: string[];
  add: TeamMemberInput[];
}

export function changedTeam(input: TeamInput, change: CrewChange): TeamInput {
  const present = new Set([...input.members.map((m) => m.id), ...input.missing.map((m) => m.id)]);
  for (const id of change.remove) if (!present.has(id)) throw new FitInputError(`${id} is not in this crew, so they cannot be taken out`, [{ path: 'remove', message: `${id} is not in the crew` }]);
  const removed = new Set(change.remove);
  for (const m of change.add) {
    if (present.has(m.id) && !removed.has(m.id)) throw new FitInputError(`${m.name} is already in this crew`, [{ path: 'add', message: `${m.name} is already in the crew` }]);
  }
  return {
    ...input,
    members: [...input.members.filter((m) => !removed.has(m.id)), ...change.add],
    missing: input.missing.filter((m) => !removed.has(m.id)),
  };
}

export interface ScaleDelta {
  id: string;
  name: string;
  before: { mean: number | null; sd: number | null; min: number | null };
  after: { mean: number | null; sd: number | null; min: number | null };
}

export interface WhatIfFigures {
  before: TeamFigures;
  after: TeamFigures;
  harmonyDelta: number | null;
  /** Domain figures in SD from the norm (raw where there is no norm), before and after. */
  scales: ScaleDelta[];
}

const pick = (figures: TeamFigures, id: string) => {
  const d = figures.domains.find((s) => s.id === id)!;
  const s = d.z ?? d.raw;
  return { mean: s.mean, sd: s.sd, min: s.min };
};

export function whatIf(input: TeamInput, change: CrewChange): WhatIfFigures {
  const before = analyzeTeam(input);
  const after = analyzeTeam(changedTeam(input, change));
  return {
    before,
    after,
    harmonyDelta: before.harmony && after.harmony ? after.harmony.score - before.harmony.score : null,
    scales: input.domains.map((d) => ({ id: d.id, name: d.name, before: pick(before, d.id), after: pick(after, d.id) })),
  };
}
