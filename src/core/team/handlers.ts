import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { teamDynamics } from './dynamics';
import { analyzeTeamFiles } from './files';
import { teamFleet } from './fleet';

type TeamMethods = 'team.fleet' | 'team.dynamics' | 'team.analyzeFiles';

export function teamHandlers(ctx: ServiceContext): HandlerGroup<TeamMethods> {
  return {
    'team.fleet': (input) => teamFleet(ctx, input),
    'team.dynamics': (input) => teamDynamics(ctx, input),
    'team.analyzeFiles': (input, { task }) => analyzeTeamFiles(ctx, input, task),
  };
}
