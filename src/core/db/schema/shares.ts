import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Candidates another organisation shared with this one (docs/sync.md#sharing), as the receiving device learnt
 * them from its feed: which person, from whom, since when. Local: it is kept by applying the feed, never sent.
 * While a person has a row here, their file is read-only on this computer (src/core/sync/shared-in.ts).
 */
export const syncSharesIn = sqliteTable(
  'sync_shares_in',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    fromOrgId: text('from_org_id').notNull(),
    fromOrgName: text('from_org_name').notNull(),
    sharedAt: text('shared_at').notNull(),
  },
  (t) => [index('sync_shares_in_person').on(t.personId)],
);
