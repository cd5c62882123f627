import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/database';
import { readFleetSettings, readVesselRequirements } from '../../../src/core/db/fleet-settings';
import { write } from '../../../src/core/db/writes';
import { resourcesDir } from '../../../src/core/paths';
import { tempDir } from '../../helpers/temp-core';

/**
 * The fleet data an older version kept in the local settings table moves into the synced tables at the first start
 * after the migration, through the write path (docs/sync.md#fleet-settings).
 */
const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const SETTINGS = {
  'documents.requirements:v1': { 'chief stew': ['passport', 'eng1'], deckhand: [] },
  'documents.requirements:gone': { captain: ['coc'] },
  assessments: { minGroupSize: 12, thresholds: { longstring: { questionable: 0.05, invalid: 0.2 } } },
  'fit.activeModel': 'model-7',
  'ui.lastFolder': '/home/crew',
};

function olderDatabase() {
  const dir = tempDir();
  dirs.push(dir);
  const file = join(dir.path, 'harmony.db');
  const backupsDir = join(dir.path, 'backups');
  const migrations = join(dir.path, 'migrations');
  cpSync(join(resourcesDir(), 'migrations'), migrations, { recursive: true });
  const journalFile = join(migrations, 'meta', '_journal.json');
  const full = readFileSync(journalFile, 'utf8');
  const journal = JSON.parse(full) as { entries: Array<{ tag: string }> };
  const upgrade = journal.entries.findIndex((e) => e.tag.endsWith('_fleet_settings_and_change_authors'));
  expect(upgrade).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upgrade) }));
  const before = openDatabase({ file, backupsDir, migrationsFolder: migrations });
  write(before.sqlite, () => {
    before.sqlite.prepare("INSERT INTO vessels (id, name, kind, length_m, flag, use, created_at, updated_at) VALUES ('v1', 'Aurora', 'motor', 40, 'MLT', 'private', 'now', 'now')").run();
    const insert = before.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 'now')");
    for (const [key, value] of Object.entries(SETTINGS)) insert.run(key, JSON.stringify(value));
  });
  before.close();
  writeFileSync(journalFile, full);
  return { file, backupsDir, migrations };
}

describe('moving fleet settings out of the local settings table', () => {
  it('keeps every value, in synced tables, sent like any change, and leaves preferences where they were', () => {
    const { file, backupsDir, migrations } = olderDatabase();
    const after = openDatabase({ file, backupsDir, migrationsFolder: migrations });
    const { sqlite } = after;
    expect(Object.fromEntries(readVesselRequirements(sqlite, 'v1'))).toEqual({ 'chief stew': ['passport', 'eng1'], deckhand: [] });
    expect(Object.fromEntries(readFleetSettings(sqlite, 'assessments'))).toEqual({
      'assessments.minGroupSize': 12,
      'assessments.thresholds.longstring': { questionable: 0.05, invalid: 0.2 },
    });
    expect(readFleetSettings(sqlite, 'fit.activeModel').get('fit.activeModel')).toBe('model-7');
    const left = sqlite.prepare('SELECT key FROM settings ORDER BY key').all();
    // The preference stays local; requirements of a vessel this database does not hold stay where they were, unlost.
    expect(left).toEqual([{ key: 'documents.requirements:gone' }, { key: 'ui.lastFolder' }]);
    const outbox = sqlite.prepare("SELECT DISTINCT tbl FROM sync_outbox WHERE tbl IN ('fleet_settings', 'vessel_requirements') ORDER BY tbl").all();
    expect(outbox).toEqual([{ tbl: 'fleet_settings' }, { tbl: 'vessel_requirements' }]);
    const audited = sqlite.prepare("SELECT DISTINCT actor_name AS name FROM audit_log WHERE tbl = 'fleet_settings'").all();
    expect(audited).toEqual([{ name: 'moving fleet settings into synced tables' }]);
    after.close();

    // A second start moves nothing again.
    const again = openDatabase({ file, backupsDir, migrationsFolder: migrations });
    expect((again.sqlite.prepare('SELECT count(*) AS n FROM fleet_settings').get() as { n: number }).n).toBe(3);
    again.close();
  });
});
