import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CertificateKindId } from '../../../shared/domain/certificates';
import { stampColumns } from '../columns';
import { vessels } from './fleet';

/**
 * Settings that are fleet data and travel with sync (docs/sync.md#fleet-settings). Each installation writes rows
 * of its own (the id is derived from its sync node id and the setting), so two computers never create the same row
 * — which a server would refuse when they belong to different tenants — and a reader takes, per setting, the value
 * with the newest clock stamp: last writer wins per setting, as a cell does.
 *
 * `set_at` is the clock stamp of the write that last set the row (a new one at every write, so that setting a value
 * again is a change that travels and wins); the newest is found by that cell's stamp in `sync_cells`, which a
 * re-stamp after a clock correction moves too.
 */
const setAt = () => text('set_at').notNull();

/**
 * A vessel's own certificate requirements for one position title (docs/domain.md#requirements-by-position).
 * `kinds` null: the title follows the defaults again (a reset is a value that competes like any other).
 */
export const vesselRequirements = sqliteTable(
  'vessel_requirements',
  {
    id: text('id').primaryKey(),
    vesselId: text('vessel_id')
      .notNull()
      .references(() => vessels.id),
    /** The title as `titleKey` normalises it (engine/documents/requirements.ts). */
    titleKey: text('title_key').notNull(),
    kinds: text('kinds', { mode: 'json' }).$type<CertificateKindId[]>(),
    setAt: setAt(),
    ...stampColumns(),
  },
  (t) => [index('vessel_requirements_vessel').on(t.vesselId, t.titleKey)],
);

/** One fleet-wide setting (`key`, e.g. `assessments.minGroupSize`), its value as JSON text. */
export const fleetSettings = sqliteTable(
  'fleet_settings',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    value: text('value', { mode: 'json' }).$type<unknown>(),
    setAt: setAt(),
    ...stampColumns(),
  },
  (t) => [index('fleet_settings_key').on(t.key)],
);
