import type { Change } from '../shared/sync/protocol';
import { FEED_ROUTES, fleetFeed, isVesselFeed, vesselFeed } from '../shared/sync/routes';
import type { SyncedTable } from '../shared/sync/tables';
import type { DeviceRow } from './admin';
import type { Sql } from './store';

/**
 * The feed of each row a push creates (docs/sync.md#tenants). Fleet reference data goes to the organisation's
 * fleet feed, from any of its devices. A vessel's device puts everything else in its vessel's feed. An office
 * device puts a vessel's records in that vessel's feed — the vessel row itself, a row naming the vessel, a row
 * whose parent is in a vessel's feed — and the rest in its own. A row that names a vessel the device may not
 * write to, or none, stays in the device's own feed: routing never moves a row out of the writer's reach.
 */

export interface RowRef {
  tbl: string;
  row_id: string;
}

/** A row's key in maps of the server's own: table and row id. */
export const rowKey = (table: string, rowId: string): string => `${table}\u0000${rowId}`;
const VESSEL_ID = /^[A-Za-z0-9-]{1,64}$/;

/** The value each new row's cells end with in the push: for a new row, the batch holds all its columns. */
function valuesOf(changes: Change[]): Map<string, Map<string, Change['value']>> {
  const values = new Map<string, Map<string, Change['value']>>();
  for (const change of changes) {
    const key = rowKey(change.table, change.rowId);
    let row = values.get(key);
    if (!row) values.set(key, (row = new Map()));
    row.set(change.column, change.value);
  }
  return values;
}

/**
 * Records a vessel an office device creates as its organisation's, so that its feed is one of the
 * organisation's tenants from now on; answers the vessel feeds the device may write to afterwards.
 */
async function registerVessels(tx: Sql, device: DeviceRow, created: RowRef[], tenants: string[]): Promise<Set<string>> {
  const allowed = new Set(tenants);
  const ids = created.filter((r) => r.tbl === 'vessels' && VESSEL_ID.test(r.row_id)).map((r) => r.row_id);
  if (ids.length === 0) return allowed;
  await tx.query('INSERT INTO vessels (id, org_id) SELECT x, $2 FROM unnest($1::text[]) AS x ORDER BY x ON CONFLICT (id) DO NOTHING', [ids, device.org_id]);
  // A vessel id already another organisation's stays theirs; the row then stays in this device's own feed.
  const ours = await tx.query<{ id: string }>('SELECT id FROM vessels WHERE id = ANY($1) AND org_id = $2', [ids, device.org_id]);
  for (const { id } of ours) allowed.add(vesselFeed(id));
  return allowed;
}

/** The feed each of `rows` the server already holds belongs to, by row key. */
export async function knownOwners(tx: Sql, rows: RowRef[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const known = await tx.query<{ tbl: string; row_id: string; owner_feed: string }>(
    'SELECT r.tbl, r.row_id, r.owner_feed FROM sync_rows r JOIN jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text) ON r.tbl = x.tbl AND r.row_id = x.row_id',
    [JSON.stringify(rows)],
  );
  return new Map(known.map((r) => [rowKey(r.tbl, r.row_id), r.owner_feed]));
}

/** The feeds of the parent rows that new rows name and that are not new themselves. */
async function parentFeeds(tx: Sql, created: RowRef[], values: Map<string, Map<string, Change['value']>>, isNew: Set<string>): Promise<Map<string, string>> {
  const parents: RowRef[] = [];
  for (const row of created) {
    const route = FEED_ROUTES[row.tbl as SyncedTable];
    if (typeof route !== 'object' || !('parent' in route)) continue;
    const id = values.get(rowKey(row.tbl, row.row_id))?.get(route.column);
    if (typeof id === 'string' && !isNew.has(rowKey(route.parent, id))) parents.push({ tbl: route.parent, row_id: id });
  }
  return knownOwners(tx, parents);
}

/** The feed each new row goes to, by row key; `fallback` is the device's own feed (or the one its push named). */
export async function routeNewRows(tx: Sql, device: DeviceRow, changes: Change[], created: RowRef[], fallback: string, tenants: string[]): Promise<Map<string, string>> {
  const fleet = fleetFeed(device.org_id);
  const feeds = new Map<string, string>();
  if (device.vessel_id !== null) {
    for (const row of created) feeds.set(rowKey(row.tbl, row.row_id), FEED_ROUTES[row.tbl as SyncedTable] === 'fleet' ? fleet : fallback);
    return feeds;
  }
  const values = valuesOf(changes);
  const isNew = new Set(created.map((r) => rowKey(r.tbl, r.row_id)));
  const allowed = await registerVessels(tx, device, created, tenants);
  const parents = await parentFeeds(tx, created, values, isNew);
  const vesselOrFallback = (feed: string | undefined): string => (feed !== undefined && isVesselFeed(feed) && allowed.has(feed) ? feed : fallback);

  const resolve = (table: string, rowId: string, depth: number): string => {
    const key = rowKey(table, rowId);
    const done = feeds.get(key);
    if (done !== undefined) return done;
    const route = FEED_ROUTES[table as SyncedTable];
    let feed = fallback;
    if (route === 'fleet') feed = fleet;
    else if (route === 'vessel') feed = vesselOrFallback(vesselFeed(rowId));
    else if (route !== undefined && 'vessel' in route) {
      const vesselId = values.get(key)?.get(route.vessel);
      feed = vesselOrFallback(typeof vesselId === 'string' ? vesselFeed(vesselId) : undefined);
    } else if (route !== undefined && depth < 8) {
      const parentId = values.get(key)?.get(route.column);
      if (typeof parentId === 'string') {
        const parentKey = rowKey(route.parent, parentId);
        feed = vesselOrFallback(isNew.has(parentKey) ? resolve(route.parent, parentId, depth + 1) : parents.get(parentKey));
      }
    }
    feeds.set(key, feed);
    return feed;
  };
  for (const row of created) resolve(row.tbl, row.row_id, 0);
  return feeds;
}
