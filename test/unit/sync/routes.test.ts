import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/core/db/schema';
import { FEED_ROUTES, PERSON_LINKS, UNROUTED_VESSEL_TABLES } from '../../../src/shared/sync/routes';
import { SHARED_FILE_TABLES } from '../../../src/shared/sync/shares';
import { SYNCED_TABLES, type SyncedTable } from '../../../src/shared/sync/tables';

/**
 * The server routes new rows to vessel feeds by the table of docs/sync.md#tenants; it holds no drizzle schema, so
 * this test holds that table to the schema's foreign keys: a route follows a real key, and every synced table
 * that leads to a vessel is routed or named as staying with its writer.
 */
const tables = new Map(
  (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable)).map((t) => [getTableName(t), t] as const),
);

/** The table a single-column foreign key of `table` on `column` points at, if any. */
function referenced(table: string, column: string): string | null {
  for (const key of getTableConfig(tables.get(table)!).foreignKeys) {
    const reference = key.reference();
    if (reference.columns.length === 1 && reference.columns[0]!.name === column) return getTableName(reference.foreignTable);
  }
  return null;
}

/** Whether a row of `table` leads to a vessel through its foreign keys, in at most `depth` steps. */
function leadsToVessel(table: string, depth: number): boolean {
  if (table === 'vessels') return true;
  if (depth === 0) return false;
  return getTableConfig(tables.get(table)!).foreignKeys.some((key) => leadsToVessel(getTableName(key.reference().foreignTable), depth - 1));
}

describe('feed routes', () => {
  it('follow the foreign keys of the schema', () => {
    for (const [table, route] of Object.entries(FEED_ROUTES)) {
      expect(Object.hasOwn(SYNCED_TABLES, table), table).toBe(true);
      if (typeof route === 'string') continue;
      if ('vessel' in route) expect(referenced(table, route.vessel), `${table}.${route.vessel}`).toBe('vessels');
      else expect(referenced(table, route.column), `${table}.${route.column}`).toBe(route.parent);
    }
  });

  it('route every synced table that leads to a vessel, or say it stays with its writer', () => {
    const leading = (Object.keys(SYNCED_TABLES) as SyncedTable[]).filter((t) => leadsToVessel(t, 5));
    const unaccounted = leading.filter((t) => FEED_ROUTES[t] === undefined && !UNROUTED_VESSEL_TABLES.includes(t));
    expect(unaccounted).toEqual([]);
  });

  it('take a row’s vessel from a parent that is itself routed to a vessel', () => {
    for (const route of Object.values(FEED_ROUTES)) {
      if (typeof route !== 'object' || !('parent' in route)) continue;
      const parent = FEED_ROUTES[route.parent];
      expect(parent === 'vessel' || typeof parent === 'object', route.parent).toBe(true);
    }
  });

  it('carry people by links that point at them, and keep their file out of any vessel route', () => {
    for (const link of PERSON_LINKS) expect(referenced(link.table, link.column), link.table).toBe('people');
    for (const table of ['people', ...SHARED_FILE_TABLES] as const) expect(FEED_ROUTES[table], table).toBeUndefined();
  });

  it('keep fleet data free of any vessel or person', () => {
    for (const [table, route] of Object.entries(FEED_ROUTES)) {
      if (route === 'fleet') expect(leadsToVessel(table, 5) || referenced(table, 'person_id') !== null, table).toBe(false);
    }
  });
});
