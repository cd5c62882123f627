import type { AuditAction } from '../../shared/api/audit';
import type { ServiceContext } from '../context';
import { recordAuditEntry } from '../db/writes';

/**
 * Sync's own actions in the audit log (docs/security.md#what-is-recorded): enrolling this computer (which also
 * changes the server it syncs with), the interval, *Sync now*, and putting back an overwritten edit. Sync's tables
 * are bookkeeping and not audited row by row; these entries say who did what to them, and why.
 */
export function recordSyncAction(
  ctx: ServiceContext,
  action: Extract<AuditAction, `sync_${string}`>,
  note: string,
  row: { tbl: string; rowId: string; personId: string | null } | null = null,
): void {
  recordAuditEntry(ctx.sqlite(), { action, tbl: row?.tbl ?? null, rowId: row?.rowId ?? null, personId: row?.personId ?? null, note });
}
