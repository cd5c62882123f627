import type { AuditHead } from '../shared/sync/provenance';
import type { Sql } from './store';

/**
 * The last entry of each device's audit log, as it said with its last push (docs/security.md#the-audit-head-on-the-server).
 * The log on a laptop is append-only and chained; a head with a lower number than the one sent before, or the same
 * number with another hash, means the log there was cut or rewound (or a backup restored). That is recorded as a
 * flag for the office to look into — `harmony server devices` shows it — never as a refusal: the changes still count.
 */
export async function recordAuditHead(store: Sql, deviceId: string, head: AuditHead): Promise<void> {
  const [before] = await store.query<{ audit_seq: number | null; audit_hash: string | null }>('SELECT audit_seq::float8 AS audit_seq, audit_hash FROM devices WHERE id = $1', [deviceId]);
  const wentBack = wentBackFrom(before?.audit_seq ?? null, before?.audit_hash ?? null, head);
  await store.query(
    `UPDATE devices SET audit_seq = $2, audit_hash = $3, audit_at = now(),
       audit_went_back_at = CASE WHEN $4::text IS NULL THEN audit_went_back_at ELSE now() END,
       audit_went_back = coalesce($4::text, audit_went_back)
     WHERE id = $1`,
    [deviceId, head.seq, head.hash, wentBack],
  );
}

/** What went wrong between the head held and the one received, in words; null when the log only grew. */
export function wentBackFrom(seq: number | null, hash: string | null, head: AuditHead): string | null {
  if (seq === null || hash === null) return null;
  if (head.seq < seq) return `the audit log went back from entry ${seq} to entry ${head.seq}`;
  if (head.seq === seq && head.hash !== hash) return `entry ${seq} of the audit log was replaced`;
  return null;
}

export interface AuditHeadListing {
  seq: number;
  hash: string;
  at: string;
}

export interface AuditHeadColumns {
  audit_seq: number | null;
  audit_hash: string | null;
  audit_at: Date | null;
  audit_went_back_at: Date | null;
  audit_went_back: string | null;
}

export const AUDIT_HEAD_COLUMNS = 'd.audit_seq::float8 AS audit_seq, d.audit_hash, d.audit_at, d.audit_went_back_at, d.audit_went_back';

export function auditHeadListing(row: AuditHeadColumns): AuditHeadListing | null {
  if (row.audit_seq === null || row.audit_hash === null || row.audit_at === null) return null;
  return { seq: row.audit_seq, hash: row.audit_hash, at: new Date(row.audit_at).toISOString() };
}
