import type Database from 'better-sqlite3';
import { MAX_AUDIT_ENTRIES, type AuditCopyEntry } from '../../shared/sync/audit-copy';
import { MAX_BODY_BYTES } from '../../shared/sync/protocol';
import { statement } from '../db/statements';
import type { SyncTransport } from './transport';

/**
 * Sends this computer's audit log to the sync server after each sync, from where the server's copy ends
 * (docs/sync.md#the-audit-log-on-the-server). When the server's last entry is not this log's entry of that number
 * (a restore from a backup, or a log rewritten), the whole log goes again as a new branch; the server keeps both
 * and flags the device. Returns the number of entries sent.
 */
const ENTRY_COLUMNS = `seq, at, actor_kind AS actorKind, actor_id AS actorId, actor_name AS actorName, action, tbl, row_id AS rowId,
  person_id AS personId, changes, note, prev_hash AS prevHash, hash`;

/** A request stays well under the server's body limit: entries of a bulk edit can be long. */
const BATCH_BYTES = MAX_BODY_BYTES / 2;

function withinBytes(entries: AuditCopyEntry[]): AuditCopyEntry[] {
  let bytes = 0;
  // The first entry always goes: one entry is bounded by the schema well below the limit.
  const end = entries.findIndex((entry, i) => (bytes += JSON.stringify(entry).length) > BATCH_BYTES && i > 0);
  return end === -1 ? entries : entries.slice(0, end);
}

export async function sendAuditCopy(sqlite: () => Database.Database, transport: SyncTransport): Promise<number> {
  const head = await transport.auditHead();
  let branch = head.branch;
  let from = head.seq + 1;
  if (head.seq > 0) {
    const mine = statement(sqlite(), 'SELECT hash FROM audit_log WHERE seq = ?').get(head.seq) as { hash: string } | undefined;
    if (mine?.hash !== head.hash) {
      branch += 1;
      from = 1;
    }
  }
  let sent = 0;
  for (;;) {
    const entries = withinBytes(statement(sqlite(), `SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?`).all(from, MAX_AUDIT_ENTRIES) as AuditCopyEntry[]);
    if (entries.length === 0) return sent;
    const answer = await transport.sendAudit({ branch, entries });
    sent += entries.length;
    branch = answer.branch;
    from = answer.seq + 1;
  }
}
