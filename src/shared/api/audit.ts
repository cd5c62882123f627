import { z } from 'zod';
import { SYNCED_TABLES, type SyncedTable } from '../sync/tables';
import { idSchema, isoDateSchema } from './fields';
import { procedure } from './procedure';

/** The audit log: who changed or viewed what, when, chained by hashes (docs/security.md#audit-log). */

export const AUDIT_ACTIONS = [
  'created',
  'changed',
  'archived',
  'restored',
  'deleted',
  'viewed',
  'signed_in',
  'sign_in_refused',
  'signed_out',
  'refused',
  'exported',
  'backup_restored',
  'sync_enrolled',
  'sync_interval_changed',
  'sync_requested',
  'sync_put_back',
  'shared',
  'share_revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The tables whose changes are audited: every table of the local database but the log itself, caches and sync's
 * bookkeeping (src/core/db/audit-capture.ts; a unit test holds this list to the schema).
 */
export const AUDITED_TABLES = [...(Object.keys(SYNCED_TABLES) as SyncedTable[]), 'settings', 'users', 'recovery_codes'] as const;
export type AuditedTable = SyncedTable | 'settings' | 'users' | 'recovery_codes';
export const isAuditedTable = (name: string): name is AuditedTable => (AUDITED_TABLES as readonly string[]).includes(name);

export const ACTOR_KINDS = ['user', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const BREAK_KINDS = ['edited', 'inserted', 'deleted', 'missing-tail', 'head'] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

export const auditChangeSchema = z.object({
  /** The column, for code; `label` is what a person reads. */
  column: z.string(),
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** The values as a person reads them (words, dates as everywhere in the app, long text shortened). */
  beforeText: z.string(),
  afterText: z.string(),
});
export type AuditChange = z.infer<typeof auditChangeSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ kind: z.enum(ACTOR_KINDS), id: z.string().nullable(), name: z.string() }),
  action: z.enum(AUDIT_ACTIONS),
  /** The kind of record (a table), or null for an entry about the installation. */
  table: z.string().nullable(),
  rowId: z.string().nullable(),
  personId: z.string().nullable(),
  /** The person's name as the database holds it now. */
  personName: z.string().nullable(),
  changes: z.array(auditChangeSchema),
  note: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ total: z.number().int(), entries: z.array(auditEntrySchema) });

export const auditSearchSchema = z.object({
  personId: idSchema.optional(),
  table: z.enum(AUDITED_TABLES).optional(),
  rowId: z.string().min(1).max(200).optional(),
  /** Part of the user's name (or the system's reason), or a user id. */
  user: z.string().trim().min(1).max(200).optional(),
  /** From this day (UTC) on. */
  since: isoDateSchema.optional(),
  /** Up to and including this day (UTC). */
  until: isoDateSchema.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Newest first unless false. */
  descending: z.boolean().default(true),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type AuditSearch = z.input<typeof auditSearchSchema>;

export const auditVerifySchema = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  lastSeq: z.number().int(),
  broken: z.object({ kind: z.enum(BREAK_KINDS), seq: z.number().int(), message: z.string() }).nullable(),
});
export type AuditVerify = z.infer<typeof auditVerifySchema>;

export const auditProcedures = {
  'audit.search': procedure(
    'Search the audit log by person, record, user, dates and action; newest first, a page at a time',
    auditSearchSchema.refine((s) => s.rowId === undefined || s.table !== undefined, { message: 'Choose the kind of record too', path: ['table'] }),
    auditPageSchema,
  ),
  'audit.history': procedure(
    "One record's own history: its changes and views, oldest first (a document's include its review entries)",
    z.object({ table: z.enum(AUDITED_TABLES), rowId: z.string().min(1).max(200) }),
    z.array(auditEntrySchema),
  ),
  'audit.verify': procedure('Check the hash chain of the audit log: intact, or the first entry that is not and why', z.object({}).default({}), auditVerifySchema),
};
