import { z } from 'zod';
import { auditHashSchema } from './provenance';

/**
 * A device's audit log travels to the sync server, which keeps a verified copy of each device's chain
 * (docs/sync.md#the-audit-log-on-the-server). The entries are sent as the device stored them; the server checks
 * every link and hash before it keeps one. A device whose log was rewritten or restored from a backup starts a new
 * copy (`branch`) from its first entry; the server keeps the old copy beside it.
 */

/** Entries in one request. */
export const MAX_AUDIT_ENTRIES = 5000;

const hash = auditHashSchema;
const text = (max: number) => z.string().max(max);

export const auditCopyEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: text(40),
  actorKind: text(16),
  actorId: text(64).nullable(),
  actorName: text(200),
  action: text(40),
  tbl: text(64).nullable(),
  rowId: text(200).nullable(),
  personId: text(64).nullable(),
  changes: text(1_000_000),
  note: text(10_000).nullable(),
  prevHash: hash,
  hash,
});
export type AuditCopyEntry = z.infer<typeof auditCopyEntrySchema>;

export const auditCopyRequestSchema = z.object({
  branch: z.number().int().nonnegative(),
  entries: z.array(auditCopyEntrySchema).min(1).max(MAX_AUDIT_ENTRIES),
});
export type AuditCopyRequest = z.infer<typeof auditCopyRequestSchema>;

/** The end of the copy the server holds: its branch, its last entry (0 when empty) and that entry's hash. */
export const auditCopyHeadSchema = z.object({ branch: z.number().int().nonnegative(), seq: z.number().int().nonnegative(), hash: hash.nullable() });
export type AuditCopyHead = z.infer<typeof auditCopyHeadSchema>;
