import type { ServiceContext } from '../context';
import { documentsHandlers } from '../documents/handlers';
import { systemHandlers } from '../system/handlers';
import type { Handlers } from './dispatcher';

/** Every procedure of the contract, bound to its service. TypeScript checks that none is missing. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...systemHandlers(ctx.state),
    ...documentsHandlers(ctx),
  };
}
