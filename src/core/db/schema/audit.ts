import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The audit log (docs/security.md#audit-log): every change to a domain table and every view of health data or of
 * assessment results, append-only and chained by hashes. Local: its chain belongs to this computer and never
 * travels (src/shared/sync/tables.ts). Rows are written by the TEMP triggers of src/core/db/audit-capture.ts inside
 * the transaction of the change; the migration adds triggers that refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    /** 1, 2, 3…: a gap is a deleted entry. */
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    /** 'user' (a signed-in person) or 'system' (the core on its own behalf, or no one signed in). */
    actorKind: text('actor_kind').$type<'user' | 'system'>().notNull(),
    actorId: text('actor_id'),
    /** The user's name at the time, or the system's reason; kept as it was when the user is later renamed or removed. */
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    /** The table and row the entry is about (null for an entry about the installation, such as a restore). */
    tbl: text('tbl'),
    rowId: text('row_id'),
    /** The person the record belongs to, for the search by person. */
    personId: text('person_id'),
    /** JSON: `{ column: [before, after] }` of the changed columns (before is null for a new row), or `{}`. */
    changes: text('changes').notNull(),
    /** A sentence for what the columns do not say (a view's procedure, a restored backup). */
    note: text('note'),
    prevHash: text('prev_hash').notNull(),
    /** SHA-256 of the canonical serialisation of this entry and `prev_hash` (src/core/db/audit-chain.ts). */
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_record').on(t.tbl, t.rowId, t.seq),
    index('audit_log_person').on(t.personId, t.seq),
    index('audit_log_actor').on(t.actorName, t.seq),
    index('audit_log_at').on(t.at),
  ],
);
