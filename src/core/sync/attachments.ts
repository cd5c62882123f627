import type Database from 'better-sqlite3';
import { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_COLUMNS, MAX_STATUS_HASHES, type AttachmentState } from '../../shared/sync/attachments';
import { AppError } from '../api/errors';
import { BlobStore } from '../files/blob-store';
import { write } from '../db/writes';
import type { AttachmentTransport } from './attachment-transport';
import { IncomingFiles } from './incoming';
import { SyncFailure } from './transport';

/**
 * A device's side of attachments (docs/sync.md#attachments): after its rows are pushed it sends the files they
 * name that the server lacks, resuming where the server's count of received bytes says; after the pull it fetches
 * the files named by rows it holds but lacks, checks each against its hash, and keeps it in the blob store, sealed
 * at rest like a file read here. A file that fails is reported and tried again at the next sync; it never fails
 * the rows' sync.
 */

export interface AttachmentsWaiting {
  /** Files named by rows here, held here, and not yet known to be on the server. */
  toUpload: string[];
  /** Files named by rows here and missing from this computer. */
  toDownload: string[];
}

export interface AttachmentOutcome {
  uploaded: number;
  downloaded: number;
  /** The first failure in words, when a file could not be moved (it is tried again next time). */
  problem: string | null;
}

export interface AttachmentRunOptions {
  sqlite: () => Database.Database;
  files: () => BlobStore;
  serverId: string;
  transport: AttachmentTransport;
  onProgress?: (progress: { phase: 'upload' | 'download'; done: number }) => void;
  /** Called after files arrived, for the screens that show them. */
  onDownloaded?: () => void;
}

const namedFilesSql = ATTACHMENT_COLUMNS.map((c) => `SELECT "${c.column}" AS hash FROM "${c.table}" WHERE "${c.column}" IS NOT NULL`).join(' UNION ');

/** Every file hash a row of this device names. */
export function namedFiles(sqlite: Database.Database): string[] {
  return (sqlite.prepare(`${namedFilesSql} ORDER BY hash`).all() as { hash: string }[]).map((r) => r.hash).filter((hash) => /^[0-9a-f]{64}$/.test(hash));
}

export function attachmentsWaiting(sqlite: Database.Database, files: BlobStore, serverId: string | null): AttachmentsWaiting {
  const sent = new Set(serverId === null ? [] : (sqlite.prepare('SELECT hash FROM sync_attachments_sent WHERE server_id = ?').all(serverId) as { hash: string }[]).map((r) => r.hash));
  const waiting: AttachmentsWaiting = { toUpload: [], toDownload: [] };
  for (const hash of namedFiles(sqlite)) {
    if (!files.has(hash)) waiting.toDownload.push(hash);
    else if (!sent.has(hash)) waiting.toUpload.push(hash);
  }
  return waiting;
}

function markSent(sqlite: Database.Database, serverId: string, hash: string): void {
  write(sqlite, () => sqlite.prepare('INSERT INTO sync_attachments_sent (server_id, hash, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(serverId, hash, new Date().toISOString()));
}

/** Failures after which no other file would fare better this time: the phase stops, the rows' sync stands. */
const STOPS_EVERYTHING = new Set(['UNREACHABLE', 'DEVICE_REVOKED', 'UNAUTHORIZED', 'WRONG_SERVER', 'RATE_LIMITED', 'DB_LOCKED']);

const describe = (error: unknown, hash: string): string => `File ${hash.slice(0, 12)}…: ${error instanceof Error ? error.message : String(error)}`;

async function statesOf(transport: AttachmentTransport, hashes: string[]): Promise<AttachmentState[]> {
  const states: AttachmentState[] = [];
  for (let i = 0; i < hashes.length; i += MAX_STATUS_HASHES) states.push(...(await transport.status(hashes.slice(i, i + MAX_STATUS_HASHES))));
  return states;
}

/** Sends one file from `from`; when the server has other bytes than expected it says how many, and the upload goes on from there. */
async function uploadOne(transport: AttachmentTransport, hash: string, bytes: Buffer, from: number): Promise<void> {
  let offset = from;
  let realigned = 0;
  while (offset < bytes.length) {
    try {
      const answer = await transport.upload(hash, offset, bytes.length, bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES));
      if (answer.complete) return;
      offset = answer.received;
    } catch (error) {
      if (error instanceof SyncFailure && error.code === 'OFFSET_MISMATCH' && error.expected !== undefined && realigned < 3) {
        realigned += 1;
        offset = error.expected;
        continue;
      }
      throw error;
    }
  }
}

/**
 * Fetches one file, from where an earlier fetch was cut off, and checks it against its hash; nothing reaches the
 * blob store unless it matches, and a file that does not match is fetched again from nothing next time.
 */
async function downloadOne(transport: AttachmentTransport, incoming: IncomingFiles, hash: string, size: number): Promise<Buffer> {
  const parts = incoming.received(hash);
  let offset = parts.reduce((sum, part) => sum + part.length, 0);
  if (offset > size) {
    incoming.discard(hash);
    parts.length = 0;
    offset = 0;
  }
  while (offset < size) {
    const chunk = await transport.download(hash, offset);
    if (chunk.data.length === 0 || chunk.size !== size) throw new SyncFailure('UNREACHABLE', 'The server sent less of the file than it said it holds.');
    incoming.add(hash, offset, chunk.data);
    parts.push(chunk.data);
    offset += chunk.data.length;
  }
  const bytes = Buffer.concat(parts);
  incoming.discard(hash);
  if (BlobStore.hashOf(bytes) !== hash) throw new SyncFailure('HASH_MISMATCH', 'The file received does not match its hash; it was not kept.');
  return bytes;
}

export async function syncAttachments(options: AttachmentRunOptions): Promise<AttachmentOutcome> {
  const { transport, serverId } = options;
  const outcome: AttachmentOutcome = { uploaded: 0, downloaded: 0, problem: null };
  const failed = (error: unknown, hash: string): boolean => {
    outcome.problem ??= describe(error, hash);
    const code = (error as { code?: string }).code;
    // A local refusal (the stored files are locked until someone signs in) holds for every file alike.
    return code !== undefined && (STOPS_EVERYTHING.has(code) || (error instanceof AppError && code === 'FORBIDDEN'));
  };
  try {
    const waiting = attachmentsWaiting(options.sqlite(), options.files(), serverId);
    for (const state of await statesOf(transport, waiting.toUpload)) {
      // A file no row of the server names yet (its row was not sent): it waits for the next sync.
      if (!state.referenced) continue;
      try {
        if (!state.complete) await uploadOne(transport, state.hash, options.files().get(state.hash), state.received);
        markSent(options.sqlite(), serverId, state.hash);
        outcome.uploaded += 1;
        options.onProgress?.({ phase: 'upload', done: outcome.uploaded });
      } catch (error) {
        if (failed(error, state.hash)) return outcome;
      }
    }

    const missing = attachmentsWaiting(options.sqlite(), options.files(), serverId).toDownload;
    for (const state of await statesOf(transport, missing)) {
      // Not on the server yet: the computer that read it sends it at its next sync.
      if (!state.complete || state.size === null) continue;
      try {
        const bytes = await downloadOne(transport, new IncomingFiles(options.files()), state.hash, state.size);
        options.files().put(bytes);
        markSent(options.sqlite(), serverId, state.hash);
        outcome.downloaded += 1;
        options.onProgress?.({ phase: 'download', done: outcome.downloaded });
      } catch (error) {
        if (failed(error, state.hash)) break;
      }
    }
  } catch (error) {
    outcome.problem ??= `Files were not synced: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    if (outcome.downloaded > 0) options.onDownloaded?.();
  }
  return outcome;
}
