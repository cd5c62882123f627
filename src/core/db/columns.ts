import { text } from 'drizzle-orm/sqlite-core';
import { newId, nowIso } from './ids';

/** Primary key of every table: a UUIDv7 string. */
export const idColumn = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => newId());

/** When a row was created and last updated, stamped by drizzle. */
export const stampColumns = () => ({
  createdAt: text('created_at')
    .notNull()
    .$defaultFn(() => nowIso()),
  updatedAt: text('updated_at')
    .notNull()
    .$defaultFn(() => nowIso())
    .$onUpdateFn(() => nowIso()),
});

/** Created/updated stamps and the soft-delete tombstone every synced table carries. */
export const timestampColumns = () => ({
  ...stampColumns(),
  /** Soft delete: archived rows keep their data and can be restored (sync needs the tombstone too). */
  archivedAt: text('archived_at'),
});
