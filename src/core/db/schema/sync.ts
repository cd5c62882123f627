import { customType, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { nowIso } from '../ids';

/**
 * Sync's own bookkeeping on a device (docs/sync.md). These tables are local: they are never sent as changes.
 */

/** A cell's value as the row holds it: declared BLOB so that SQLite keeps its type (a TEXT column would turn 5 into '5'). */
const anyValue = customType<{ data: unknown; driverData: unknown }>({ dataType: () => 'blob' });

/**
 * Changes not yet acknowledged by the server: one column of one row each, in the order they were made. `seq` is
 * the device sequence number the server uses to take each change exactly once; AUTOINCREMENT never reuses one,
 * and a rolled-back write takes its numbers back with it, so the sequence has no gaps.
 */
export const syncOutbox = sqliteTable('sync_outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  tx: text('tx').notNull(),
  hlc: text('hlc').notNull(),
  /** The clock of the cell this change replaced, as this device knew it: how a concurrent edit is recognised. */
  base: text('base'),
  tbl: text('tbl').notNull(),
  rowId: text('row_id').notNull(),
  col: text('col').notNull(),
  value: anyValue('value'),
  /** The signed-in user who made the change (null: the core acting on its own, or no one signed in). */
  userId: text('user_id'),
});

/** Who wrote a cell's value (sync_cells' user_id, user_name, device). */
export interface CellAuthor {
  userId: string | null;
  userName: string | null;
  device: string | null;
}

/** The clock of the last change of every cell this device holds: the register of per-column last-writer-wins. */
export const syncCells = sqliteTable(
  'sync_cells',
  {
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    col: text('col').notNull(),
    hlc: text('hlc').notNull(),
    /**
     * Who wrote the cell's value: a user id (of this computer's accounts when `device` is null), the user name
     * another device sent with it, and that device's name (null: written here). Read by the conflict list.
     */
    userId: text('user_id'),
    userName: text('user_name'),
    device: text('device'),
  },
  (t) => [primaryKey({ columns: [t.tbl, t.rowId, t.col] })],
);

/** How far this device has read each feed of the server. */
export const syncCursors = sqliteTable('sync_cursors', {
  feed: text('feed').primaryKey(),
  seq: integer('seq').notNull(),
});

/**
 * This installation as a sync node: its node id (in every clock stamp, from the first write on, enrolled or
 * not), its clock, and its enrolment with a server. One row.
 */
export const syncNode = sqliteTable('sync_node', {
  id: integer('id').primaryKey(),
  nodeId: text('node_id').notNull(),
  lastHlc: text('last_hlc'),
  serverUrl: text('server_url'),
  serverId: text('server_id'),
  deviceId: text('device_id'),
  token: text('token'),
  /** The feed new rows of this device go to, and every feed it may read. */
  homeFeed: text('home_feed'),
  tenants: text('tenants', { mode: 'json' }).$type<string[]>(),
  intervalMinutes: integer('interval_minutes').notNull().default(15),
  lastSyncAt: text('last_sync_at'),
  /** The last failure, as `{ code, message }`, until a sync succeeds. */
  lastError: text('last_error', { mode: 'json' }).$type<{ code: string; message: string }>(),
  /** The server's clock minus this computer's, as last measured (ms). */
  clockOffsetMs: integer('clock_offset_ms').notNull().default(0),
});

/**
 * A value of someone's profile or certificate that another device's newer edit replaced here, for a person to
 * review and, if it was the right one, put back.
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at')
      .notNull()
      .$defaultFn(() => nowIso()),
    tbl: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    col: text('col').notNull(),
    keptValue: text('kept_value', { mode: 'json' }),
    keptHlc: text('kept_hlc').notNull(),
    lostValue: text('lost_value', { mode: 'json' }),
    lostHlc: text('lost_hlc').notNull(),
    /** Who wrote each value, as the cells named them when the conflict was found. */
    keptBy: text('kept_by', { mode: 'json' }).$type<CellAuthor>(),
    lostBy: text('lost_by', { mode: 'json' }).$type<CellAuthor>(),
    reversedAt: text('reversed_at'),
  },
  (t) => [index('sync_conflicts_at').on(t.at)],
);

/**
 * Files (scans, photos) this device has sent to a server, or found there complete (docs/sync.md#attachments): the
 * files named by its rows and not listed here are the ones waiting to be sent. Kept per server, so that enrolling
 * with another server sends them again.
 */
export const syncAttachmentsSent = sqliteTable(
  'sync_attachments_sent',
  {
    serverId: text('server_id').notNull(),
    hash: text('hash').notNull(),
    at: text('at')
      .notNull()
      .$defaultFn(() => nowIso()),
  },
  (t) => [primaryKey({ columns: [t.serverId, t.hash] })],
);

/**
 * A snapshot of a feed being read (docs/sync.md#snapshots-and-compaction): the feed number it was started at and
 * the last row applied, moved in the same transaction as each page so that a cut snapshot resumes after it.
 * Removed when the last page is applied and the feed's cursor set to `asOf`.
 */
export const syncSnapshots = sqliteTable('sync_snapshots', {
  feed: text('feed').primaryKey(),
  asOf: integer('as_of').notNull(),
  afterTable: text('after_table'),
  afterRowId: text('after_row_id'),
});
