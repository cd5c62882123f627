import { parseHlc } from '../shared/sync/hlc';
import { DEFAULT_PAGE, MAX_CLOCK_AHEAD_MS, type Change, type FeedPage, type PushRequest } from '../shared/sync/protocol';
import { authorField } from '../shared/sync/provenance';
import { isSyncedColumn, isSyncedTable, SYNC_SCHEMA_VERSION, SYNCED_TABLES } from '../shared/sync/tables';
import { tenantsOf, type DeviceRow } from './admin';
import { deviceNames, type DeviceNames } from './device-names';
import { SyncError } from './errors';
import { carriedCopies, carriedInto, startCarries } from './carries';
import { addTo, appendToFeeds, type NewEntry } from './feed-append';
import { knownOwners, routeNewRows, rowKey } from './routing';
import { sharedCopies } from './shares';
import { feedsNeedingSnapshot } from './snapshot';
import type { Sql, Store } from './store';

/**
 * Push and pull (docs/sync.md#push-and-pull). A push is taken exactly once by its device sequence numbers and
 * applied whole or not at all; each cell keeps the value with the highest clock stamp, and every value that wins
 * is appended to the feed of its row with the next sequence number of that feed — assigned under the feed's row
 * lock, so feed order is commit order and a reader's cursor never skips a row committed late.
 */

/** Checks a push before it touches the database: every refusal names what is wrong. */
function checkPush(request: PushRequest, nowMs: number): void {
  if (request.schemaVersion > SYNC_SCHEMA_VERSION) {
    throw new SyncError('SCHEMA_TOO_NEW', `These changes were written by a newer version of the app (schema ${request.schemaVersion}); update the server.`);
  }
  let previous: number | null = null;
  for (const change of request.changes) {
    if (!isSyncedTable(change.table)) throw new SyncError('UNKNOWN_TABLE', `Table ${change.table} is not synced.`);
    if (!isSyncedColumn(change.table, change.column)) throw new SyncError('UNKNOWN_COLUMN', `Table ${change.table} has no synced column ${change.column}.`);
    if (previous !== null && change.seq !== previous + 1) throw new SyncError('VALIDATION', `Change numbers must follow each other; ${change.seq} came after ${previous}.`);
    previous = change.seq;
    if (parseHlc(change.hlc).wallMs > nowMs + MAX_CLOCK_AHEAD_MS) {
      throw new SyncError('CLOCK_AHEAD', "These changes are stamped ahead of the server's clock; the computer's clock is wrong.", { serverTime: nowMs });
    }
  }
}

/**
 * Checks that the app asking to read knows every table and column the server may send it: one older than the
 * server's schema (or too old to say) is refused in words; it may still push, which is how its changes are kept.
 */
export function checkReader(schemaVersion: number | undefined): void {
  if (schemaVersion === undefined || schemaVersion < SYNC_SCHEMA_VERSION) {
    throw new SyncError('SCHEMA_TOO_OLD', `This app reads data of schema ${schemaVersion ?? 'unknown'}; the server holds schema ${SYNC_SCHEMA_VERSION}. Update the app to receive changes.`);
  }
}

export async function push(store: Store, device: DeviceRow, request: PushRequest, nowMs: number): Promise<number> {
  checkPush(request, nowMs);
  const { home, tenants } = await tenantsOf(store, device);
  const target = request.feed ?? home;
  if (!tenants.includes(target)) throw new SyncError('FORBIDDEN', `This device may not write to ${target}.`);
  return withRetry(() =>
    store.transaction(async (tx) => {
      // The batch's rows are looked up by primary key; without statistics on the batch the planner would scan.
      await tx.query('SET LOCAL enable_hashjoin = off');
      await tx.query('SET LOCAL enable_mergejoin = off');
      const [locked] = await tx.query<{ last_seq: number; last_hlc: string | null }>('SELECT last_seq::float8 AS last_seq, last_hlc FROM devices WHERE id = $1 FOR UPDATE', [device.id]);
      const last = locked!.last_seq;
      // A number already taken for another change: the device's database was restored from an older backup.
      const overlap = request.changes.find((c) => c.seq === last);
      if (overlap && overlap.hlc !== locked!.last_hlc) {
        throw new SyncError('SEQUENCE_REUSED', `Change numbers up to ${last} were already used by this device; number these from ${last + 1}.`, { expected: last + 1 });
      }
      const fresh = request.changes.filter((c) => c.seq > last);
      if (fresh.length === 0) return last;
      if (fresh[0]!.seq !== last + 1) throw new SyncError('SEQUENCE_GAP', `The server has changes up to ${last}; send from ${last + 1}.`, { expected: last + 1 });
      const owners = await ownersOf(tx, device, fresh, target, tenants);
      const winners = await winnersOf(tx, fresh);
      // Carrying starts before the cells are stored, so that what it appends is what the feed lacked until now.
      const carriedNow = await startCarries(tx, winners, owners, nowMs);
      await storeCells(tx, latestPerCell(winners));
      await appendToFeeds(tx, device.id, await feedEntriesOf(tx, winners, owners, carriedNow));
      const acknowledged = fresh.at(-1)!.seq;
      await tx.query('UPDATE devices SET last_seq = $2, last_hlc = $3, last_seen_at = now() WHERE id = $1', [device.id, acknowledged, fresh.at(-1)!.hlc]);
      return acknowledged;
    }),
  );
}

/**
 * The feed of every row the push touches. A known row must be in the device's tenants or carried into one of them;
 * a new row goes to the feed its routing gives (docs/sync.md#tenants), `target` when it gives none.
 */
async function ownersOf(tx: Sql, device: DeviceRow, changes: Change[], target: string, tenants: string[]): Promise<Map<string, string>> {
  const rows = [...new Map(changes.map((c) => [rowKey(c.table, c.rowId), { tbl: c.table, row_id: c.rowId }])).values()];
  const owners = await knownOwners(tx, rows);
  const foreign = rows.filter((r) => {
    const owner = owners.get(rowKey(r.tbl, r.row_id));
    return owner !== undefined && !tenants.includes(owner);
  });
  const carried = await carriedInto(tx, foreign, tenants);
  const refused = foreign.find((r) => !carried.has(rowKey(r.tbl, r.row_id)));
  if (refused) throw new SyncError('FORBIDDEN', `Row ${refused.row_id} of ${refused.tbl} belongs to another tenant.`);
  const created = rows.filter((r) => !owners.has(rowKey(r.tbl, r.row_id)));
  if (created.length > 0) {
    const routed = await routeNewRows(tx, device, changes, created, target, tenants);
    await tx.query(
      'INSERT INTO sync_rows (tbl, row_id, owner_feed) SELECT x.tbl, x.row_id, x.owner_feed FROM jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text, owner_feed text) ORDER BY x.tbl, x.row_id',
      [JSON.stringify(created.map((r) => ({ ...r, owner_feed: routed.get(rowKey(r.tbl, r.row_id))! })))],
    );
    for (const [key, feed] of routed) owners.set(key, feed);
  }
  return owners;
}

const cellKey = (c: Change): string => `${rowKey(c.table, c.rowId)}\u0000${c.column}`;

/**
 * The changes that win, in order: each one newer than what the cell held before it (on the server, or earlier
 * in this batch; a later change of the same transaction replaces an earlier one). Every winner goes to the feed,
 * not only the last per cell, so that a reader always receives whole transactions — an insert with all its
 * columns even when a later edit of the same batch replaced one of them.
 */
async function winnersOf(tx: Sql, changes: Change[]): Promise<Change[]> {
  const cells = [...new Map(changes.map((c) => [cellKey(c), { tbl: c.table, row_id: c.rowId, col: c.column }])).values()];
  const held = await tx.query<{ tbl: string; row_id: string; col: string; hlc: string }>(
    `SELECT c.tbl, c.row_id, c.col, c.hlc FROM sync_cells c JOIN jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text, col text)
     ON c.tbl = x.tbl AND c.row_id = x.row_id AND c.col = x.col ORDER BY c.tbl, c.row_id, c.col FOR UPDATE OF c`,
    [JSON.stringify(cells)],
  );
  const stamps = new Map(held.map((h) => [`${rowKey(h.tbl, h.row_id)}\u0000${h.col}`, { hlc: h.hlc, tx: null as string | null }]));
  const winners = new Map<string, Change>();
  for (const change of changes) {
    const key = cellKey(change);
    const current = stamps.get(key);
    if (current && !(change.hlc > current.hlc || (change.hlc === current.hlc && change.tx === current.tx))) continue;
    stamps.set(key, { hlc: change.hlc, tx: change.tx });
    winners.set(`${change.tx}\u0000${key}`, change);
  }
  return [...winners.values()].sort((a, b) => a.seq - b.seq);
}

/** One change per cell: the last winner. */
function latestPerCell(changes: Change[]): Change[] {
  return [...new Map(changes.map((c) => [cellKey(c), c])).values()];
}

/** Writes the winning values; the stamp guard keeps a concurrent push's newer value should one slip in. */
async function storeCells(tx: Sql, changes: Change[]): Promise<void> {
  await tx.query(
    `INSERT INTO sync_cells (tbl, row_id, col, value, hlc, base)
     SELECT x.tbl, x.row_id, x.col, x.value, x.hlc, x.base FROM jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text, col text, value jsonb, hlc text, base text)
     ORDER BY x.tbl, x.row_id, x.col
     ON CONFLICT (tbl, row_id, col) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, base = excluded.base WHERE sync_cells.hlc < excluded.hlc`,
    [JSON.stringify(changes.map((c) => ({ tbl: c.table, row_id: c.rowId, col: c.column, value: c.value, hlc: c.hlc, base: c.base })))],
  );
}

/**
 * Every winning change to the feed of its row, and copied to the feeds its row is carried into and shared with;
 * ahead of them in a feed, the cells of rows this push began to carry there.
 */
async function feedEntriesOf(tx: Sql, winners: Change[], owners: Map<string, string>, carriedNow: Map<string, NewEntry[]>): Promise<Map<string, NewEntry[]>> {
  const own = new Map<string, Change[]>();
  for (const change of winners) addTo(own, owners.get(rowKey(change.table, change.rowId))!, [change]);
  for (const copies of [await carriedCopies(tx, winners), await sharedCopies(tx, winners)]) for (const [feed, changes] of copies) addTo(own, feed, changes);
  const byFeed = new Map<string, NewEntry[]>();
  for (const [feed, entries] of carriedNow) addTo(byFeed, feed, entries);
  for (const [feed, changes] of own) addTo(byFeed, feed, changes.sort((a, b) => a.seq - b.seq));
  return byFeed;
}

/** Two pushes that met in a deadlock or a serialisation failure are simply tried again. */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}

interface EntryRow {
  seq: number;
  tx: string;
  device_id: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string | number | null;
  hlc: string;
  base: string | null;
  user_id: string | null;
  user_name: string | null;
}

const MAX_ROW_COLUMNS = Math.max(...Object.values(SYNCED_TABLES).map((columns) => columns.length));

const ENTRY_COLUMNS = 'seq::float8 AS seq, tx, device_id, tbl, row_id, col, value, hlc, base, user_id, user_name';

/**
 * A page of each feed after its cursor. It is extended to the end of the transaction of its last entry when that
 * takes at most one more page, else to the end of that entry's row: a device then applies whole transactions,
 * except those too large for one page (a bulk import), of which it applies whole rows. A device's own changes
 * come back to it too: a device restored from a backup gets back what it had sent since.
 */
export async function pull(store: Sql, device: DeviceRow, cursors: Record<string, number>, limit = DEFAULT_PAGE): Promise<{ feeds: FeedPage[]; tenants: string[]; snapshot: string[] }> {
  const { tenants } = await tenantsOf(store, device);
  for (const feed of Object.keys(cursors)) if (!tenants.includes(feed)) throw new SyncError('FORBIDDEN', `This device may not read ${feed}.`);
  const snapshot = await feedsNeedingSnapshot(store, tenants, cursors);
  const feeds: FeedPage[] = [];
  const devices = deviceNames(store);
  for (const feed of tenants.filter((f) => !snapshot.includes(f))) {
    const cursor = cursors[feed] ?? 0;
    const rows = await store.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM feed_entries WHERE feed = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [feed, cursor, limit]);
    const last = rows.at(-1);
    if (last && rows.length === limit) {
      // Where the extension ends is found on the keys alone; only its rows are then read whole. The keys reach
      // past the page by more than a row's width, so the end of the last row is always among them.
      const next = await store.query<Pick<EntryRow, 'seq' | 'tx' | 'tbl' | 'row_id'>>(
        'SELECT seq::float8 AS seq, tx, tbl, row_id FROM feed_entries WHERE feed = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [feed, last.seq, limit + 1 + MAX_ROW_COLUMNS],
      );
      const sameTx = prefixWhile(next, (r) => r.tx === last.tx);
      const extension = sameTx.length <= limit ? sameTx : prefixWhile(sameTx, (r) => r.tbl === last.tbl && r.row_id === last.row_id);
      if (extension.length > 0) {
        const more = await store.query<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM feed_entries WHERE feed = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`, [feed, last.seq, extension.at(-1)!.seq]);
        for (const row of more) rows.push(row);
      }
    }
    const end = rows.at(-1)?.seq ?? cursor;
    const [after] = await store.query<{ more: boolean }>('SELECT EXISTS (SELECT 1 FROM feed_entries WHERE feed = $1 AND seq > $2) AS more', [feed, end]);
    feeds.push({
      feed,
      cursor: end,
      more: after!.more,
      entries: await withAuthors(rows, devices),
    });
  }
  // A compaction that committed while the pages were read may have removed entries after a cursor: such a feed is
  // read from a snapshot instead (the pages were read after the horizon was checked the first time).
  const moved = await feedsNeedingSnapshot(store, feeds.map((f) => f.feed), cursors);
  return { feeds: feeds.filter((f) => !moved.includes(f.feed)), tenants, snapshot: [...snapshot, ...moved] };
}

/** A feed page's entries as the protocol states them, each with its user and the name of the device that sent it. */
async function withAuthors(rows: EntryRow[], devices: DeviceNames): Promise<FeedPage['entries']> {
  const names = await devices.of(rows.map((r) => r.device_id));
  return rows.map((r) => ({
    seq: r.seq,
    tx: r.tx,
    hlc: r.hlc,
    base: r.base,
    table: r.tbl,
    rowId: r.row_id,
    column: r.col,
    value: r.value,
    ...authorField(r.user_id, r.user_name),
    ...(names.has(r.device_id) ? { device: names.get(r.device_id)! } : {}),
  }));
}

function prefixWhile<T>(list: T[], keep: (item: T) => boolean): T[] {
  const end = list.findIndex((item) => !keep(item));
  return end === -1 ? list : list.slice(0, end);
}
