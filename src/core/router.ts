import type { ServiceContext } from './context';
import { assignmentHandlers } from './assignments/handlers';
import { demoHandlers } from './demo/handlers';
import { peopleHandlers } from './people/handlers';
import { psychometricsHandlers } from './psychometrics/handlers';
import { assessmentHandlers } from './psychometrics/assessment-handlers';
import { documentsHandlers } from './documents/handlers';
import { fitHandlers } from './fit/handlers';
import { documentRecordHandlers } from './documents/record-handlers';
import { systemHandlers } from './system/handlers';
import { teamHandlers } from './team/handlers';
import { vesselHandlers } from './vessels/handlers';
import { manningHandlers } from './manning/handlers';
import { pulseHandlers, sessionHandlers } from './questionnaires/handlers';
import { recruitmentHandlers } from './recruitment/handlers';
import { guardedByViewer } from './questionnaires/visibility';
import { guardedByScope } from './scope/guard';
import { syncHandlers } from './sync/handlers';
import { shareHandlers } from './sync/share-handlers';
import { auditHandlers } from './audit/handlers';
import type { Handlers } from './api/dispatcher';
import type { Accounts } from './users/accounts';
import { authHandlers, userHandlers } from './users/handlers';

/**
 * Every procedure of the contract, bound to its service. TypeScript checks that none is missing. Who may call
 * what is decided in one place (questionnaires/visibility.ts): the kiosk sees only its own session; which records
 * a user sees, in another (scope/rules.ts).
 */
export function createHandlers(ctx: ServiceContext, options: { operatorShell: boolean; accounts: Accounts; now: () => number }): Handlers {
  const handlers: Handlers = {
    ...systemHandlers(ctx),
    ...vesselHandlers(ctx),
    ...peopleHandlers(ctx),
    ...assignmentHandlers(ctx),
    ...demoHandlers(ctx),
    ...psychometricsHandlers(ctx),
    ...documentsHandlers(ctx),
    ...documentRecordHandlers(ctx),
    ...assessmentHandlers(ctx),
    ...teamHandlers(ctx),
    ...manningHandlers(ctx),
    ...fitHandlers(ctx),
    ...sessionHandlers(ctx),
    ...pulseHandlers(ctx),
    ...recruitmentHandlers(ctx),
    ...syncHandlers(ctx),
    ...shareHandlers(ctx),
    ...authHandlers(ctx, options.accounts, options.now),
    ...userHandlers(ctx, options.accounts),
    ...auditHandlers(ctx),
  };
  // Scope first (which records the signed-in user sees, docs/security.md#scope), then the kiosk's rule around it.
  const scoped = guardedByScope(() => ctx.sqlite(), handlers);
  return options.operatorShell ? scoped : guardedByViewer(ctx, scoped);
}
