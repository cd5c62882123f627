import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { runAs, systemCaller } from '../auth/caller';
import { hasChangeCapture, nodeIdOf, writeStamp } from './change-capture';
import { statement } from './statements';
import { write } from './writes';

/**
 * Fleet settings in synced tables (docs/sync.md#fleet-settings): `fleet_settings` (one row per setting) and
 * `vessel_requirements` (one row per vessel and position title). Every installation writes rows of its own, whose
 * id is derived from its sync node id and the setting: two computers never create the same row, which the server
 * would refuse when they belong to different tenants. A reader takes, per setting, the row set last — by the clock
 * stamp of its `set_at` cell — so the newest value wins per setting, as it does per cell.
 */

/** The row of this installation for one setting. */
function ownRowId(sqlite: Database.Database, ...parts: string[]): string {
  const node = hasChangeCapture(sqlite) ? nodeIdOf(sqlite) : 'local';
  return createHash('sha256').update([node, ...parts].join('\u0000')).digest('hex').slice(0, 32);
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** The newest value of every fleet setting whose key is `key` or starts with `key.`. */
export function readFleetSettings(sqlite: Database.Database, key: string): Map<string, unknown> {
  const rows = statement(
    sqlite,
    `SELECT f.key, f.value FROM fleet_settings f
     LEFT JOIN sync_cells c ON c.tbl = 'fleet_settings' AND c.row_id = f.id AND c.col = 'set_at'
     WHERE f.key = ? OR substr(f.key, 1, ?) = ?
     ORDER BY f.key, COALESCE(c.hlc, f.set_at) DESC, f.id`,
  ).all(key, key.length + 1, `${key}.`) as Array<{ key: string; value: string | null }>;
  const newest = new Map<string, unknown>();
  for (const row of rows) if (!newest.has(row.key)) newest.set(row.key, parse(row.value));
  return newest;
}

/** Sets a fleet setting in this installation's row. Inside `write`. */
export function writeFleetSetting(sqlite: Database.Database, key: string, value: unknown): void {
  statement(
    sqlite,
    `INSERT INTO fleet_settings (id, key, value, set_at, created_at, updated_at) VALUES (@id, @key, @value, @setAt, @now, @now)
     ON CONFLICT (id) DO UPDATE SET value = excluded.value, set_at = excluded.set_at, updated_at = excluded.updated_at`,
  ).run({ id: ownRowId(sqlite, 'setting', key), key, value: JSON.stringify(value), setAt: writeStamp(sqlite), now: new Date().toISOString() });
}

/** A vessel's own requirements per title key, newest per title; a title reset to its defaults is left out. */
export function readVesselRequirements(sqlite: Database.Database, vesselId: string): Map<string, unknown> {
  const rows = statement(
    sqlite,
    `SELECT r.title_key AS titleKey, r.kinds FROM vessel_requirements r
     LEFT JOIN sync_cells c ON c.tbl = 'vessel_requirements' AND c.row_id = r.id AND c.col = 'set_at'
     WHERE r.vessel_id = ? ORDER BY r.title_key, COALESCE(c.hlc, r.set_at) DESC, r.id`,
  ).all(vesselId) as Array<{ titleKey: string; kinds: string | null }>;
  const newest = new Map<string, unknown>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.titleKey)) continue;
    seen.add(row.titleKey);
    if (row.kinds !== null) newest.set(row.titleKey, parse(row.kinds));
  }
  return newest;
}

/** Sets (or, with null, resets to the defaults) a vessel's requirement for a title. Inside `write`. */
export function writeVesselRequirement(sqlite: Database.Database, vesselId: string, titleKey: string, kinds: readonly string[] | null): void {
  statement(
    sqlite,
    `INSERT INTO vessel_requirements (id, vessel_id, title_key, kinds, set_at, created_at, updated_at) VALUES (@id, @vesselId, @titleKey, @kinds, @setAt, @now, @now)
     ON CONFLICT (id) DO UPDATE SET kinds = excluded.kinds, set_at = excluded.set_at, updated_at = excluded.updated_at`,
  ).run({
    id: ownRowId(sqlite, 'requirement', vesselId, titleKey),
    vesselId,
    titleKey,
    kinds: kinds === null ? null : JSON.stringify(kinds),
    setAt: writeStamp(sqlite),
    now: new Date().toISOString(),
  });
}

/** The keys of the local settings table that were fleet data before they moved here. */
const REQUIREMENTS_PREFIX = 'documents.requirements:';
const MOVED_KEYS: Record<string, (value: unknown) => Array<[string, unknown]>> = {
  'fit.activeModel': (value) => [['fit.activeModel', value]],
  assessments: (value) => {
    if (typeof value !== 'object' || value === null) return [];
    const { minGroupSize, thresholds } = value as { minGroupSize?: unknown; thresholds?: unknown };
    const moved: Array<[string, unknown]> = [];
    if (minGroupSize !== undefined) moved.push(['assessments.minGroupSize', minGroupSize]);
    if (typeof thresholds === 'object' && thresholds !== null) for (const [rule, cutoffs] of Object.entries(thresholds)) moved.push([`assessments.thresholds.${rule}`, cutoffs]);
    return moved;
  },
};

/**
 * Moves the fleet data an older version kept in the local `settings` table into the synced tables, once, at the
 * first start after the migration: through the write path, so that the values are sent to the server like any
 * change, and in one transaction with their removal from `settings`, so that nothing is lost or copied twice.
 * A setting already set in the synced tables (received from another computer) is not overwritten.
 */
export function moveFleetSettings(sqlite: Database.Database): number {
  const present = (name: string) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  if (!present('settings') || !present('fleet_settings') || !hasChangeCapture(sqlite)) return 0;
  const rows = sqlite
    .prepare('SELECT key, value FROM settings WHERE key IN (' + Object.keys(MOVED_KEYS).map(() => '?').join(', ') + ') OR substr(key, 1, ?) = ?')
    .all(...Object.keys(MOVED_KEYS), REQUIREMENTS_PREFIX.length, REQUIREMENTS_PREFIX) as Array<{ key: string; value: string }>;
  if (rows.length === 0) return 0;
  return runAs(systemCaller('moving fleet settings into synced tables'), () =>
    write(sqlite, () => {
      let moved = 0;
      for (const row of rows) {
        let value: unknown;
        try {
          value = JSON.parse(row.value);
        } catch {
          continue; // A damaged value stays where it is, for its screen to report.
        }
        if (row.key.startsWith(REQUIREMENTS_PREFIX)) {
          const vesselId = row.key.slice(REQUIREMENTS_PREFIX.length);
          const vesselKnown = statement(sqlite, 'SELECT 1 FROM vessels WHERE id = ?').get(vesselId) !== undefined;
          if (typeof value !== 'object' || value === null || !vesselKnown) continue;
          const held = readVesselRequirements(sqlite, vesselId);
          for (const [titleKey, kinds] of Object.entries(value)) {
            if (held.has(titleKey) || !Array.isArray(kinds)) continue;
            writeVesselRequirement(sqlite, vesselId, titleKey, kinds as string[]);
            moved += 1;
          }
        } else {
          for (const [key, setting] of MOVED_KEYS[row.key]!(value)) {
            if (readFleetSettings(sqlite, key).has(key)) continue;
            writeFleetSetting(sqlite, key, setting);
            moved += 1;
          }
        }
        statement(sqlite, 'DELETE FROM settings WHERE key = ?').run(row.key);
      }
      return moved;
    }),
  );
}
