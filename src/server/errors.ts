import type { SyncErrorCode } from '../shared/sync/protocol';

const STATUS: Record<SyncErrorCode, number> = {
  VALIDATION: 400,
  TOO_LARGE: 413,
  UNKNOWN_TABLE: 422,
  UNKNOWN_COLUMN: 422,
  SCHEMA_TOO_NEW: 422,
  SCHEMA_TOO_OLD: 422,
  SEQUENCE_GAP: 409,
  SEQUENCE_REUSED: 409,
  CLOCK_AHEAD: 409,
  UNAUTHORIZED: 401,
  DEVICE_REVOKED: 403,
  WRONG_SERVER: 401,
  FORBIDDEN: 403,
  AUDIT_CHAIN_BROKEN: 422,
  CODE_INVALID: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  INTERNAL: 500,
  OFFSET_MISMATCH: 409,
  HASH_MISMATCH: 422,
};

/** A refusal the server answers with its code and words; nothing of the request has been applied. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: { serverTime?: number; expected?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}
