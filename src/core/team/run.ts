import { analyzeTeam, type TeamFigures, type TeamInput } from '../../engine/team';
import type { ServiceContext } from '../context';
import { psychometricsPool } from '../psychometrics/pool';

/**
 * From this many members in one run the teams' figures are worked out in the worker pool. Below it, handing the
 * inputs to the threads costs more than it saves: 200 crews of 30 take about 0.1–0.2 s in this thread
 * (`npm run bench -- team`).
 */
export const POOL_MEMBERS = 20_000;

export async function teamFigures(ctx: ServiceContext, inputs: readonly TeamInput[], signal?: AbortSignal): Promise<TeamFigures[]> {
  const members = inputs.reduce((n, input) => n + input.members.length, 0);
  if (members < POOL_MEMBERS) return inputs.map(analyzeTeam);
  return psychometricsPool(ctx).teams(inputs, signal);
}
