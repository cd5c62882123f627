import { entryHash, GENESIS_HASH } from '../shared/audit/chain-hash';
import type { AuditCopyEntry, AuditCopyHead, AuditCopyRequest } from '../shared/sync/audit-copy';
import type { DeviceRow } from './admin';
import { SyncError } from './errors';
import type { Sql, Store } from './store';

/**
 * The server's copy of each device's audit log (docs/sync.md#the-audit-log-on-the-server). An entry is kept only
 * when it follows the last one kept (its previous hash) and matches its own hash, so the copy is a chain the
 * device cannot later edit: a laptop whose log is rewritten afterwards no longer matches what the office holds.
 * A device whose log went back (a restore, a rewrite) sends it again from its first entry as a new branch; the
 * old branch stays, and the device is flagged for the office (`harmony server devices`).
 */

async function headOn(store: Sql, deviceId: string, branch: number): Promise<AuditCopyHead> {
  const [last] = await store.query<{ seq: number; hash: string }>(
    'SELECT seq::float8 AS seq, hash FROM device_audit WHERE device_id = $1 AND branch = $2 ORDER BY seq DESC LIMIT 1',
    [deviceId, branch],
  );
  return { branch, seq: last?.seq ?? 0, hash: last?.hash ?? null };
}

export async function auditCopyHead(store: Sql, device: DeviceRow): Promise<AuditCopyHead> {
  const [row] = await store.query<{ audit_branch: number }>('SELECT audit_branch FROM devices WHERE id = $1', [device.id]);
  return headOn(store, device.id, row!.audit_branch);
}

/** Why an entry cannot follow the copy held: null when it can. */
function brokenLink(entry: AuditCopyEntry, previousHash: string): string | null {
  if (entry.prevHash !== previousHash) return `Entry ${entry.seq} of this computer's audit log does not follow the entry before it: the chain is broken.`;
  if (entryHash(entry) !== entry.hash) return `Entry ${entry.seq} of this computer's audit log does not match its hash: it was changed after it was written.`;
  return null;
}

export async function storeAuditCopy(store: Store, device: DeviceRow, request: AuditCopyRequest): Promise<AuditCopyHead> {
  try {
    return await store.transaction(async (tx) => {
      const [locked] = await tx.query<{ audit_branch: number }>('SELECT audit_branch FROM devices WHERE id = $1 FOR UPDATE', [device.id]);
      let head = await headOn(tx, device.id, locked!.audit_branch);
      if (request.branch === head.branch + 1 && head.seq > 0) {
        if (request.entries[0]!.seq !== 1) throw new SyncError('VALIDATION', 'A new copy of the audit log starts at its first entry.', { expected: 1 });
        await tx.query(
          "UPDATE devices SET audit_branch = $2, audit_went_back_at = now(), audit_went_back = 'the audit log was rewritten or restored from a backup (the server keeps both copies)' WHERE id = $1",
          [device.id, request.branch],
        );
        head = { branch: request.branch, seq: 0, hash: null };
      } else if (request.branch !== head.branch) {
        throw new SyncError('VALIDATION', `The server holds copy ${head.branch} of this computer's audit log; ask for its end and send from there.`);
      }
      const fresh: AuditCopyEntry[] = [];
      let last = head;
      for (const entry of request.entries) {
        if (entry.seq <= last.seq) {
          // A batch sent again (its answer was lost): the same entries are passed over, others refused.
          const [held] = await tx.query<{ hash: string }>('SELECT hash FROM device_audit WHERE device_id = $1 AND branch = $2 AND seq = $3', [device.id, head.branch, entry.seq]);
          if (held?.hash !== entry.hash) throw new SyncError('AUDIT_CHAIN_BROKEN', `Entry ${entry.seq} of this computer's audit log differs from the copy the server holds.`);
          continue;
        }
        if (entry.seq !== last.seq + 1) throw new SyncError('SEQUENCE_GAP', `The server holds this audit log up to entry ${last.seq}; send from ${last.seq + 1}.`, { expected: last.seq + 1 });
        const broken = brokenLink(entry, last.hash ?? GENESIS_HASH);
        if (broken) throw new SyncError('AUDIT_CHAIN_BROKEN', broken);
        fresh.push(entry);
        last = { branch: head.branch, seq: entry.seq, hash: entry.hash };
      }
      if (fresh.length > 0) {
        await tx.query(
          `INSERT INTO device_audit (device_id, branch, seq, at, actor_kind, actor_id, actor_name, action, tbl, row_id, person_id, changes, note, prev_hash, hash)
           SELECT $2, $3, x.seq, x."at", x."actorKind", x."actorId", x."actorName", x.action, x.tbl, x."rowId", x."personId", x.changes, x.note, x."prevHash", x.hash
           FROM jsonb_to_recordset($1::jsonb) AS x (seq bigint, "at" text, "actorKind" text, "actorId" text, "actorName" text, action text, tbl text, "rowId" text,
             "personId" text, changes text, note text, "prevHash" text, hash text)`,
          [JSON.stringify(fresh), device.id, head.branch],
        );
      }
      return last;
    });
  } catch (error) {
    // A log that does not verify is refused, and the office is told: the device is flagged.
    if (error instanceof SyncError && error.code === 'AUDIT_CHAIN_BROKEN') {
      await store.query('UPDATE devices SET audit_went_back_at = now(), audit_went_back = $2 WHERE id = $1', [device.id, `a copy of its audit log was refused: ${error.message}`]);
    }
    throw error;
  }
}

/** The entries the server holds of a device's current branch, newest last (for `harmony server audit`). */
export async function auditCopyOf(store: Sql, deviceId: string, limit: number): Promise<{ head: AuditCopyHead; entries: AuditCopyEntry[] }> {
  const [row] = await store.query<{ audit_branch: number }>('SELECT audit_branch FROM devices WHERE id = $1', [deviceId]);
  if (!row) throw new SyncError('NOT_FOUND', `No device ${deviceId} is enrolled.`);
  const entries = await store.query<AuditCopyEntry>(
    `SELECT * FROM (SELECT seq::float8 AS seq, at, actor_kind AS "actorKind", actor_id AS "actorId", actor_name AS "actorName", action, tbl, row_id AS "rowId",
       person_id AS "personId", changes, note, prev_hash AS "prevHash", hash FROM device_audit WHERE device_id = $1 AND branch = $2 ORDER BY seq DESC LIMIT $3) e ORDER BY seq`,
    [deviceId, row.audit_branch, limit],
  );
  return { head: await headOn(store, deviceId, row.audit_branch), entries };
}
