import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { applyStagger, staggerProposal, vesselManning } from './service';

type ManningMethods = 'vessels.manning' | 'vessels.proposeStagger' | 'vessels.applyStagger';

export function manningHandlers(ctx: ServiceContext): HandlerGroup<ManningMethods> {
  return {
    'vessels.manning': (input) => vesselManning(ctx, input),
    'vessels.proposeStagger': (input) => staggerProposal(ctx, input),
    'vessels.applyStagger': (input) => applyStagger(ctx, input),
  };
}
