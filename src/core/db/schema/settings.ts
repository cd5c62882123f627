import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso } from '../ids';

/** Small per-installation preferences (JSON values), e.g. the default vessel or the last import folder. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .$defaultFn(() => nowIso())
    .$onUpdateFn(() => nowIso()),
});
