import type { AuditVerify } from '../../shared/api/audit';
import type { ServiceContext } from '../context';
import { headFileOf, verifyChain } from '../db/audit-chain';
import { recordAuditEntry } from '../db/writes';

/**
 * Views and the check of the chain (docs/security.md#audit-log). Changes are recorded by the write path itself
 * (src/core/db/audit-capture.ts); what no write records — someone reading health data or a person's results — is
 * recorded here, by the procedures that show them. Lists do not record a view per row: they show no medical
 * details or scores.
 */

export interface Viewed {
  table: 'documents' | 'assessment_results' | 'people';
  rowId: string;
  personId: string | null;
  /** What was shown, in words: "Profile (PDF)". */
  what: string;
}

export function recordView(ctx: ServiceContext, view: Viewed): void {
  recordAuditEntry(ctx.sqlite(), { action: 'viewed', tbl: view.table, rowId: view.rowId, personId: view.personId, note: view.what });
}

/** Walks the chain and compares its end with the head file beside the database. */
export function verifyAuditLog(ctx: ServiceContext): AuditVerify {
  const database = ctx.state.requireDatabase();
  const outcome = verifyChain(ctx.sqlite(), headFileOf(database.file));
  return { intact: outcome.broken === null, entries: outcome.entries, lastSeq: outcome.lastSeq, broken: outcome.broken };
}
