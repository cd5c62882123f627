import { formatHlc } from '../shared/sync/hlc';
import type { Change } from '../shared/sync/protocol';
import { isSharedFileTable, SHARE_ENTRY_TABLE, type Share, type ShareGrant } from '../shared/sync/shares';
import { tenantsOf, type DeviceRow, type Org } from './admin';
import { SyncError } from './errors';
import { appendEntries } from './feed-append';
import { fileRowsOf } from './person-file';
import type { Sql, Store } from './store';

/**
 * Sharing a candidate's file with another organisation (docs/sync.md#sharing). A share copies the current cells
 * of the person's rows into the receiving organisation's feed (`org:<id>`, so its office devices receive them and
 * its vessels do not), and from then on every winning change of those rows is copied there too
 * ({@link sharedCopies}, called by the push). Revoking stops the copies and appends an entry that tells the
 * receiving devices to remove the rows. The rows keep their owner: a receiving device may read them, never write.
 */

interface ShareRow {
  id: string;
  person_id: string;
  from_feed: string;
  from_org: string;
  from_name: string;
  to_org: string;
  to_name: string;
  created_at: Date;
  revoked_at: Date | null;
}

const SHARE_SELECT = `SELECT s.id, s.person_id, s.from_feed, s.from_org, f.name AS from_name, s.to_org, t.name AS to_name, s.created_at, s.revoked_at
  FROM shares s JOIN orgs f ON f.id = s.from_org JOIN orgs t ON t.id = s.to_org`;

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

const toShare = (row: ShareRow, device: Pick<DeviceRow, 'org_id'>): Share => ({
  id: row.id,
  personId: row.person_id,
  from: { id: row.from_org, name: row.from_name },
  to: { id: row.to_org, name: row.to_name },
  createdAt: iso(row.created_at)!,
  revokedAt: iso(row.revoked_at),
  direction: row.from_org === device.org_id ? 'out' : 'in',
});

const receivingFeed = (orgId: string): string => `org:${orgId}`;

/** The organisations a device may share with: every other one on this server, by name and id only. */
export async function shareDirectory(store: Sql, device: DeviceRow): Promise<Org[]> {
  return store.query<Org>('SELECT id, name FROM orgs WHERE id <> $1 ORDER BY name', [device.org_id]);
}

/** Shares this device's tenants made, and those its organisation received (for its office devices). */
export async function listShares(store: Sql, device: DeviceRow): Promise<Share[]> {
  const { tenants } = await tenantsOf(store, device);
  const received = device.vessel_id === null ? device.org_id : null;
  const rows = await store.query<ShareRow>(`${SHARE_SELECT} WHERE s.from_feed = ANY($1) OR s.to_org = $2 ORDER BY s.created_at DESC, s.id`, [tenants, received]);
  return rows.map((row) => toShare(row, device));
}

/** A stamp of the server's own for a share's entries; its node names the share, so it never equals a device's. */
const shareStamp = (shareId: string, nowMs: number): string => formatHlc({ wallMs: nowMs, counter: 0, node: shareId });

/**
 * Shares the person with another organisation: refused when the person is unknown to the server, belongs to
 * another tenant, or the organisation is the device's own. Sharing again what is already shared answers the
 * share that exists.
 */
export async function createShare(store: Store, device: DeviceRow, personId: string, to: string, nowMs: number): Promise<Share> {
  const { tenants } = await tenantsOf(store, device);
  const [person] = await store.query<{ owner_feed: string }>("SELECT owner_feed FROM sync_rows WHERE tbl = 'people' AND row_id = $1", [personId]);
  if (!person) throw new SyncError('NOT_FOUND', 'The server holds no candidate with this id; sync this computer first, then share.');
  if (!tenants.includes(person.owner_feed)) throw new SyncError('FORBIDDEN', 'This candidate belongs to another organisation; only the organisation that holds their file may share it.');
  if (to === device.org_id) throw new SyncError('VALIDATION', 'A candidate cannot be shared with their own organisation.');
  const [target] = await store.query<Org>('SELECT id, name FROM orgs WHERE id = $1', [to]);
  if (!target) throw new SyncError('NOT_FOUND', 'No organisation on this server has this id.');
  const [existing] = await store.query<ShareRow>(`${SHARE_SELECT} WHERE s.person_id = $1 AND s.to_org = $2 AND s.revoked_at IS NULL`, [personId, to]);
  if (existing) return toShare(existing, device);

  const id = crypto.randomUUID();
  try {
    await snapshot(store, device, id, personId, person.owner_feed, to, nowMs);
  } catch (error) {
    // Another device shared the same candidate with the same organisation a moment earlier: that share stands.
    if ((error as { code?: string }).code !== '23505') throw error;
    const [raced] = await store.query<ShareRow>(`${SHARE_SELECT} WHERE s.person_id = $1 AND s.to_org = $2 AND s.revoked_at IS NULL`, [personId, to]);
    if (!raced) throw error;
    return toShare(raced, device);
  }
  const [made] = await store.query<ShareRow>(`${SHARE_SELECT} WHERE s.id = $1`, [id]);
  return toShare(made!, device);
}

/** Records the share and its rows, and appends its beginning and the rows' current cells to the receiving feed. */
async function snapshot(store: Store, device: DeviceRow, id: string, personId: string, ownerFeed: string, to: string, nowMs: number): Promise<void> {
  await store.transaction(async (tx) => {
    const [from] = await tx.query<Org>('SELECT id, name FROM orgs WHERE id = $1', [device.org_id]);
    await tx.query('INSERT INTO shares (id, person_id, from_feed, from_org, to_org, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [id, personId, ownerFeed, device.org_id, to, device.id]);
    const rows = (await fileRowsOf(tx, [personId])).map(({ tbl, row_id }) => ({ tbl, row_id }));
    await tx.query(
      'INSERT INTO share_rows (share_id, tbl, row_id) SELECT $2, x.tbl, x.row_id FROM jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text)',
      [JSON.stringify(rows), id],
    );
    const cells = await tx.query<{ tbl: string; row_id: string; col: string; value: unknown; hlc: string }>(
      `SELECT c.tbl, c.row_id, c.col, c.value, c.hlc FROM sync_cells c JOIN share_rows r ON r.tbl = c.tbl AND r.row_id = c.row_id
       WHERE r.share_id = $1 ORDER BY c.tbl, c.row_id, c.col`,
      [id],
    );
    const stamp = shareStamp(id, nowMs);
    const grant: ShareGrant = { personId, fromOrgId: from!.id, fromOrgName: from!.name, sharedAt: new Date(nowMs).toISOString() };
    await appendEntries(tx, receivingFeed(to), device.id, [
      { tx: stamp, hlc: stamp, base: null, table: SHARE_ENTRY_TABLE, rowId: id, column: 'granted', value: JSON.stringify(grant) },
      ...cells.map((c) => ({ tx: stamp, hlc: c.hlc, base: null, table: c.tbl, rowId: c.row_id, column: c.col, value: c.value })),
    ]);
  });
}

/** Ends a share: no more copies, and an entry that tells the receiving devices to remove the person's rows. */
export async function revokeShare(store: Store, device: DeviceRow, shareId: string, nowMs: number): Promise<Share> {
  const { tenants } = await tenantsOf(store, device);
  const [share] = await store.query<ShareRow>(`${SHARE_SELECT} WHERE s.id = $1`, [shareId]);
  if (!share || (!tenants.includes(share.from_feed) && share.to_org !== device.org_id)) throw new SyncError('NOT_FOUND', 'No share of this organisation has this id.');
  if (!tenants.includes(share.from_feed)) throw new SyncError('FORBIDDEN', 'Only the organisation that shared this candidate may revoke the share.');
  if (share.revoked_at === null) {
    await store.transaction(async (tx) => {
      const [ended] = await tx.query('UPDATE shares SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [shareId, device.id]);
      if (!ended) return;
      const stamp = shareStamp(shareId, nowMs);
      await appendEntries(tx, receivingFeed(share.to_org), device.id, [{ tx: stamp, hlc: stamp, base: null, table: SHARE_ENTRY_TABLE, rowId: shareId, column: 'revoked', value: share.person_id }]);
    });
  }
  const [after] = await store.query<ShareRow>(`${SHARE_SELECT} WHERE s.id = $1`, [shareId]);
  return toShare(after!, device);
}

/**
 * The copies of a push's winning changes for the organisations their rows are shared with, by feed. A new row of
 * a shared person's file (a document added after the share) joins the share when its `person_id` arrives.
 */
export async function sharedCopies(tx: Sql, winners: Change[]): Promise<Map<string, Change[]>> {
  const copies = new Map<string, Change[]>();
  if (winners.length === 0) return copies;
  const [any] = await tx.query<{ active: boolean }>('SELECT EXISTS (SELECT 1 FROM shares WHERE revoked_at IS NULL) AS active');
  if (!any!.active) return copies;
  const joining = winners.filter((c) => c.column === 'person_id' && isSharedFileTable(c.table) && typeof c.value === 'string');
  if (joining.length > 0) {
    await tx.query(
      `INSERT INTO share_rows (share_id, tbl, row_id)
       SELECT s.id, x.tbl, x.row_id FROM jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text, person_id text)
       JOIN shares s ON s.person_id = x.person_id AND s.revoked_at IS NULL
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(joining.map((c) => ({ tbl: c.table, row_id: c.rowId, person_id: c.value })))],
    );
  }
  const rows = [...new Map(winners.map((c) => [`${c.table}\u0000${c.rowId}`, { tbl: c.table, row_id: c.rowId }])).values()];
  const targets = await tx.query<{ tbl: string; row_id: string; to_org: string }>(
    `SELECT r.tbl, r.row_id, s.to_org FROM share_rows r JOIN shares s ON s.id = r.share_id AND s.revoked_at IS NULL
     JOIN jsonb_to_recordset($1::jsonb) AS x (tbl text, row_id text) ON r.tbl = x.tbl AND r.row_id = x.row_id`,
    [JSON.stringify(rows)],
  );
  const feedsOf = new Map<string, string[]>();
  for (const t of targets) {
    const key = `${t.tbl}\u0000${t.row_id}`;
    feedsOf.set(key, [...(feedsOf.get(key) ?? []), receivingFeed(t.to_org)]);
  }
  for (const change of winners) {
    for (const feed of feedsOf.get(`${change.table}\u0000${change.rowId}`) ?? []) copies.set(feed, [...(copies.get(feed) ?? []), change]);
  }
  return copies;
}
