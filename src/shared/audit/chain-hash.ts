import { createHash } from 'node:crypto';

/**
 * How an audit-log entry is hashed (docs/security.md#the-chain-and-the-head-file): written by the device's core
 * and checked again by the sync server, which keeps a copy of every device's chain. Node only (not the renderer).
 */

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryRow {
  seq: number;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  action: string;
  tbl: string | null;
  rowId: string | null;
  personId: string | null;
  changes: string;
  note: string | null;
  prevHash: string;
  hash: string;
}

/** Version 1 of the serialisation: a JSON array of the stored values in a fixed order. */
export function entryHash(entry: Omit<AuditEntryRow, 'hash'>): string {
  const canonical = JSON.stringify([
    1,
    entry.seq,
    entry.at,
    entry.actorKind,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.tbl,
    entry.rowId,
    entry.personId,
    entry.changes,
    entry.note,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
