import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { applyStagger, staggerProposal, vesselManning } from './service';

type ManningMethods = 'manning.calendar' | 'manning.proposeStagger' | 'manning.applyStagger';

export function manningHandlers(ctx: ServiceContext): HandlerGroup<ManningMethods> {
  return {
    'manning.calendar': (input) => vesselManning(ctx, input),
    'manning.proposeStagger': (input) => staggerProposal(ctx, input),
    'manning.applyStagger': (input) => applyStagger(ctx, input),
  };
}
