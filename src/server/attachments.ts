import { createHash } from 'node:crypto';
import { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_COLUMNS, type AttachmentState } from '../shared/sync/attachments';
import { tenantsOf, type DeviceRow } from './admin';
import { SyncError } from './errors';
import type { Sql, Store } from './store';

/**
 * Attachments on the server (docs/sync.md#attachments). A file is kept by the SHA-256 of its content once per
 * tenant feed whose rows name it, in chunks, so a transfer cut halfway resumes from the bytes already taken. A
 * device may send or fetch a file only while a row of its tenants (or carried into them) names that hash; for any other hash it is
 * refused with the same words whether another tenant holds the file or not. An upload is checked against its
 * hash when its last byte arrives; a mismatch discards everything received.
 */

export const cellsNamingFiles = ATTACHMENT_COLUMNS.map((c) => `(c.tbl = '${c.table}' AND c.col = '${c.column}')`).join(' OR ');
export const fileColumns = ATTACHMENT_COLUMNS.map((c) => `'${c.column}'`).join(', ');

/**
 * The feeds that hold a row naming each of `hashes` that the device may write: rows of its tenants, and rows carried
 * into them, whose files live in their owner's feed (sorted, so every device picks alike).
 */
async function namingFeeds(db: Sql, hashes: string[], tenants: string[]): Promise<Map<string, string[]>> {
  const rows = await db.query<{ hash: string; feed: string }>(
    `SELECT DISTINCT c.value #>> '{}' AS hash, r.owner_feed AS feed
     FROM sync_cells c JOIN sync_rows r ON r.tbl = c.tbl AND r.row_id = c.row_id
     WHERE c.col IN (${fileColumns}) AND (${cellsNamingFiles})
       AND (c.value #>> '{}') IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND (r.owner_feed IN (SELECT jsonb_array_elements_text($2::jsonb))
         OR EXISTS (SELECT 1 FROM sync_carries k WHERE k.tbl = c.tbl AND k.row_id = c.row_id AND k.feed IN (SELECT jsonb_array_elements_text($2::jsonb))))
     ORDER BY hash, feed`,
    [JSON.stringify(hashes), JSON.stringify(tenants)],
  );
  const feeds = new Map<string, string[]>();
  for (const row of rows) feeds.set(row.hash, [...(feeds.get(row.hash) ?? []), row.feed]);
  return feeds;
}

/**
 * The owner feeds of rows naming each of `hashes` that are shared with organisation `orgId` (docs/sync.md#sharing):
 * its office devices, which received those rows, may fetch their files, never send them.
 */
async function sharedNamingFeeds(db: Sql, hashes: string[], orgId: string): Promise<Map<string, string[]>> {
  const rows = await db.query<{ hash: string; feed: string }>(
    `SELECT DISTINCT c.value #>> '{}' AS hash, r.owner_feed AS feed
     FROM sync_cells c JOIN sync_rows r ON r.tbl = c.tbl AND r.row_id = c.row_id
       JOIN share_rows sr ON sr.tbl = c.tbl AND sr.row_id = c.row_id JOIN shares s ON s.id = sr.share_id AND s.revoked_at IS NULL AND s.to_org = $2
     WHERE c.col IN (${fileColumns}) AND (${cellsNamingFiles})
       AND (c.value #>> '{}') IN (SELECT jsonb_array_elements_text($1::jsonb))
     ORDER BY hash, feed`,
    [JSON.stringify(hashes), orgId],
  );
  const feeds = new Map<string, string[]>();
  for (const row of rows) feeds.set(row.hash, [...(feeds.get(row.hash) ?? []), row.feed]);
  return feeds;
}

/** The feeds a device may read each hash from: its tenants', and for an office device the files shared with its organisation. */
async function readableFeeds(db: Sql, device: DeviceRow, hashes: string[], tenants: string[]): Promise<{ own: Map<string, string[]>; shared: Map<string, string[]> }> {
  const own = await namingFeeds(db, hashes, tenants);
  const rest = hashes.filter((h) => !own.has(h));
  const shared = device.vessel_id === null && rest.length > 0 ? await sharedNamingFeeds(db, rest, device.org_id) : new Map<string, string[]>();
  return { own, shared };
}

const refusal = (hash: string) =>
  new SyncError('FORBIDDEN', `No record of this device's vessels or organisation names the file ${hash.slice(0, 12)}…; it may not send or fetch it.`);

interface Held {
  feed: string;
  size: number;
  received: number;
  complete: boolean;
}

async function heldIn(db: Sql, hash: string, feeds: string[], lock = false): Promise<Held[]> {
  return db.query<Held>(
    `SELECT feed, size::float8 AS size, received::float8 AS received, complete FROM attachments
     WHERE hash = $1 AND feed IN (SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY feed${lock ? ' FOR UPDATE' : ''}`,
    [hash, JSON.stringify(feeds)],
  );
}

/**
 * Copies a complete file to the other feeds of `feeds` that lack it. The device asking may read the one and write
 * the others, so this is what it would do by fetching and sending the bytes again.
 */
async function spread(tx: Sql, hash: string, from: Held, feeds: string[]): Promise<void> {
  for (const feed of feeds) {
    if (feed === from.feed) continue;
    const [there] = await heldIn(tx, hash, [feed], true);
    if (there?.complete) continue;
    await tx.query('DELETE FROM attachment_chunks WHERE feed = $1 AND hash = $2', [feed, hash]);
    await tx.query(
      `INSERT INTO attachments (feed, hash, size, received, complete, completed_at) VALUES ($1, $2, $3, $3, true, now())
       ON CONFLICT (feed, hash) DO UPDATE SET size = excluded.size, received = excluded.received, complete = true, completed_at = now()`,
      [feed, hash, from.size],
    );
    await tx.query('INSERT INTO attachment_chunks (feed, hash, at, data) SELECT $1, hash, at, data FROM attachment_chunks WHERE feed = $2 AND hash = $3', [feed, from.feed, hash]);
  }
}

/** What the server holds of each hash, as this device may know it; complete files are first spread to every feed of its tenants that names them. */
export async function attachmentStatus(store: Store, device: DeviceRow, hashes: string[]): Promise<AttachmentState[]> {
  const { tenants } = await tenantsOf(store, device);
  const unique = [...new Set(hashes)];
  const { own: named, shared } = await readableFeeds(store, device, unique, tenants);
  const readable = [...new Set([...tenants, ...[...named.values(), ...shared.values()].flat()])];
  const held = await store.query<Held & { hash: string }>(
    `SELECT feed, hash, size::float8 AS size, received::float8 AS received, complete FROM attachments
     WHERE hash IN (SELECT jsonb_array_elements_text($1::jsonb)) AND feed IN (SELECT jsonb_array_elements_text($2::jsonb))`,
    [JSON.stringify(unique.filter((h) => named.has(h) || shared.has(h))), JSON.stringify(readable)],
  );
  const states: AttachmentState[] = [];
  for (const hash of hashes) {
    const sharedFeeds = shared.get(hash);
    if (sharedFeeds) {
      // Shared with this organisation: fetched from the sharer's copy, never spread or sent from here.
      const complete = held.find((h) => h.hash === hash && h.complete && sharedFeeds.includes(h.feed));
      states.push({ hash, referenced: true, complete: complete !== undefined, received: complete?.size ?? 0, size: complete?.size ?? null });
      continue;
    }
    const feeds = named.get(hash);
    if (!feeds) {
      states.push({ hash, referenced: false, complete: false, received: 0, size: null });
      continue;
    }
    const here = held.filter((h) => h.hash === hash && feeds.includes(h.feed));
    const complete = here.find((h) => h.complete);
    if (complete) {
      if (here.filter((h) => h.complete).length < feeds.length) await store.transaction((tx) => spread(tx, hash, complete, feeds));
      states.push({ hash, referenced: true, complete: true, received: complete.size, size: complete.size });
      continue;
    }
    const target = here.find((h) => h.feed === feeds[0]);
    states.push({ hash, referenced: true, complete: false, received: target?.received ?? 0, size: target?.size ?? null });
  }
  return states;
}

/**
 * Chunks cross into and out of SQL as base64 text, decoded by the database: PGlite's own bytea parameters and
 * results go through a hex string built in JavaScript, about three times slower for a megabyte.
 */
// PostgreSQL breaks base64 into lines; Node's decoder skips the line breaks.
const asBuffer = (base64: string): Buffer => Buffer.from(base64, 'base64');

/** The SHA-256 of the chunks received, read a few at a time so a large file is never held whole. */
async function hashOfChunks(tx: Sql, feed: string, hash: string): Promise<string> {
  const digest = createHash('sha256');
  let at = -1;
  for (;;) {
    const chunks = await tx.query<{ at: number; data: string }>(
      "SELECT at::float8 AS at, encode(data, 'base64') AS data FROM attachment_chunks WHERE feed = $1 AND hash = $2 AND at > $3 ORDER BY at LIMIT 8",
      [feed, hash, at],
    );
    if (chunks.length === 0) return digest.digest('hex');
    for (const chunk of chunks) digest.update(asBuffer(chunk.data));
    at = chunks.at(-1)!.at;
  }
}

/**
 * Takes one chunk of an upload at `offset` (which must be the number of bytes already received). When the last
 * byte arrives the whole file is checked against its hash: a match completes it (and spreads it to the device's
 * other feeds naming it), a mismatch discards every byte and is refused.
 */
export async function uploadChunk(store: Store, device: DeviceRow, hash: string, input: { offset: number; size: number; data: Uint8Array }): Promise<{ received: number; complete: boolean }> {
  const { offset, size, data } = input;
  if (data.byteLength === 0) throw new SyncError('VALIDATION', 'The chunk is empty.');
  if (data.byteLength > ATTACHMENT_CHUNK_BYTES) throw new SyncError('TOO_LARGE', `A chunk is at most ${ATTACHMENT_CHUNK_BYTES} bytes.`);
  if (offset + data.byteLength > size) throw new SyncError('VALIDATION', `The chunk runs past the end of the file (${size} bytes).`);
  const { tenants } = await tenantsOf(store, device);
  const feeds = (await namingFeeds(store, [hash], tenants)).get(hash);
  if (!feeds) throw refusal(hash);
  const outcome = await store.transaction(async (tx) => {
    // Touching the upload also locks it, so a sweep that finds it untouched for days cannot remove it under this chunk.
    await tx.query('INSERT INTO attachments (feed, hash, size) VALUES ($1, $2, $3) ON CONFLICT (feed, hash) DO UPDATE SET touched_at = now()', [feeds[0], hash, size]);
    const held = await heldIn(tx, hash, feeds, true);
    const complete = held.find((h) => h.complete);
    if (complete) {
      await spread(tx, hash, complete, feeds);
      return { received: complete.size, complete: true, mismatch: false };
    }
    const target = held.find((h) => h.feed === feeds[0])!;
    if (target.size !== size) {
      // Another size for the same content can only be a damaged upload: it starts again from nothing.
      if (offset !== 0) throw new SyncError('OFFSET_MISMATCH', `The upload in progress is of ${target.size} bytes, not ${size}; send it again from 0.`, { expected: 0 });
      await tx.query('DELETE FROM attachment_chunks WHERE feed = $1 AND hash = $2', [target.feed, hash]);
      await tx.query('UPDATE attachments SET size = $3, received = 0 WHERE feed = $1 AND hash = $2', [target.feed, hash, size]);
      target.received = 0;
    }
    if (offset !== target.received) {
      throw new SyncError('OFFSET_MISMATCH', `The server has ${target.received} bytes of this file; send from there.`, { expected: target.received });
    }
    await tx.query("INSERT INTO attachment_chunks (feed, hash, at, data) VALUES ($1, $2, $3, decode($4, 'base64'))", [target.feed, hash, offset, Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')]);
    const received = offset + data.byteLength;
    if (received < size) {
      await tx.query('UPDATE attachments SET received = $3 WHERE feed = $1 AND hash = $2', [target.feed, hash, received]);
      return { received, complete: false, mismatch: false };
    }
    if ((await hashOfChunks(tx, target.feed, hash)) !== hash) {
      await tx.query('DELETE FROM attachments WHERE feed = $1 AND hash = $2', [target.feed, hash]);
      return { received: 0, complete: false, mismatch: true };
    }
    await tx.query('UPDATE attachments SET received = $3, complete = true, completed_at = now() WHERE feed = $1 AND hash = $2', [target.feed, hash, received]);
    await spread(tx, hash, { ...target, received, complete: true }, feeds);
    return { received, complete: true, mismatch: false };
  });
  // Refused after the commit, so that the discarded bytes stay discarded.
  if (outcome.mismatch) throw new SyncError('HASH_MISMATCH', `The bytes received do not have the hash ${hash.slice(0, 12)}…; they were discarded. Send the file again from 0.`, { expected: 0 });
  return { received: outcome.received, complete: outcome.complete };
}

/** The bytes of a complete file from `offset`, at most one chunk, and its whole size. */
export async function downloadChunk(store: Store, device: DeviceRow, hash: string, offset: number): Promise<{ size: number; data: Buffer }> {
  const { tenants } = await tenantsOf(store, device);
  const { own, shared } = await readableFeeds(store, device, [hash], tenants);
  const feeds = own.get(hash) ?? shared.get(hash);
  if (!feeds) throw refusal(hash);
  const complete = (await heldIn(store, hash, feeds)).find((h) => h.complete);
  if (!complete) throw new SyncError('NOT_FOUND', `The file ${hash.slice(0, 12)}… has not reached the server yet; the computer that read it sends it at its next sync.`);
  if (offset > complete.size) throw new SyncError('VALIDATION', `The file has ${complete.size} bytes; there is nothing at ${offset}.`);
  if (offset === complete.size) return { size: complete.size, data: Buffer.alloc(0) };
  const [chunk] = await store.query<{ at: number; data: string }>(
    "SELECT at::float8 AS at, encode(data, 'base64') AS data FROM attachment_chunks WHERE feed = $1 AND hash = $2 AND at <= $3 ORDER BY at DESC LIMIT 1",
    [complete.feed, hash, offset],
  );
  const data = asBuffer(chunk!.data).subarray(offset - chunk!.at);
  return { size: complete.size, data: data.subarray(0, ATTACHMENT_CHUNK_BYTES) };
}
