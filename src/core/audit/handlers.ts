import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { recordHistory, searchAudit } from './entries';
import { verifyAuditLog } from './service';

type AuditMethods = 'audit.search' | 'audit.history' | 'audit.verify';

export function auditHandlers(ctx: ServiceContext): HandlerGroup<AuditMethods> {
  return {
    'audit.search': (input) => searchAudit(ctx, input),
    'audit.history': ({ table, rowId }) => recordHistory(ctx, table, rowId),
    'audit.verify': () => verifyAuditLog(ctx),
  };
}
