import { z } from 'zod';
import { HLC_PATTERN } from './hlc';
import { auditHeadSchema, changeAuthorSchema, deviceNameSchema } from './provenance';

/**
 * What a device and the sync server say to each other over HTTP (docs/sync.md#push-and-pull). Both ends parse
 * every message with these schemas on arrival.
 */

/** At most this many changes in one push, and this many bytes in one request body. */
export const MAX_PUSH_CHANGES = 5000;
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A pull page holds about this many entries (it is extended to the end of the last transaction in it). */
export const DEFAULT_PAGE = 5000;
/** A push stamped further ahead of the server's clock than this is refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

const name = z.string().min(1).max(64).regex(/^[a-z_]+$/);
/** A cell's value as SQLite holds it: text, a number, or null (JSON columns travel as their text). */
export const cellValueSchema = z.union([z.string().max(1_000_000), z.number(), z.null()]);
const hlc = z.string().regex(HLC_PATTERN, 'not a clock stamp');
export const feedSchema = z.string().regex(/^(org|fleet|vessel):[A-Za-z0-9-]{1,64}$/, 'a feed is org:<id>, fleet:<id> or vessel:<id>');

export const changeSchema = z.object({
  seq: z.number().int().positive(),
  tx: hlc,
  hlc,
  base: hlc.nullable(),
  table: name,
  rowId: z.string().min(1).max(64),
  column: name,
  value: cellValueSchema,
  /** The signed-in user who made it; absent for the core's own work and from older apps. */
  user: changeAuthorSchema.optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const enrolRequestSchema = z.object({ code: z.string().min(8).max(64), name: z.string().min(1).max(200) });
export const enrolResponseSchema = z.object({
  serverId: z.string(),
  deviceId: z.string(),
  token: z.string(),
  homeFeed: feedSchema,
  tenants: z.array(feedSchema),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const pushRequestSchema = z.object({
  schemaVersion: z.number().int().positive(),
  /** The feed new rows go to; the device's home feed when absent. Must be one of its tenants. */
  feed: feedSchema.optional(),
  changes: z.array(changeSchema).min(1).max(MAX_PUSH_CHANGES),
  /** The device's audit log's last entry, which the server keeps to tell a log later cut or rewound. */
  auditHead: auditHeadSchema.optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;
export const pushResponseSchema = z.object({ acknowledged: z.number().int().nonnegative(), serverTime: z.number() });

/**
 * The local schema version of the app asking to read (SYNC_SCHEMA_VERSION): a server refuses to feed an app older
 * than its data, whose tables or columns it may not have. Absent from apps older than the rule, which are refused too.
 */
export const readerSchemaVersion = z.number().int().positive().optional();

export const pullRequestSchema = z.object({
  schemaVersion: readerSchemaVersion,
  cursors: z.record(feedSchema, z.number().int().nonnegative()),
  limit: z.number().int().min(1).max(10_000).optional(),
});
export const feedEntrySchema = z.object({
  seq: z.number().int().positive(),
  tx: hlc,
  hlc,
  base: hlc.nullable(),
  table: name,
  rowId: z.string(),
  column: name,
  value: cellValueSchema,
  user: changeAuthorSchema.optional(),
  /** The device that pushed it, by the name it enrolled with. */
  device: deviceNameSchema.optional(),
});
export type FeedEntry = z.infer<typeof feedEntrySchema>;
export const feedPageSchema = z.object({ feed: feedSchema, entries: z.array(feedEntrySchema), cursor: z.number().int().nonnegative(), more: z.boolean() });
export type FeedPage = z.infer<typeof feedPageSchema>;
export const pullResponseSchema = z.object({
  feeds: z.array(feedPageSchema),
  tenants: z.array(feedSchema),
  serverTime: z.number(),
  /** Feeds to be read from a snapshot first (a first sync, or a cursor behind the feed's compaction horizon). */
  snapshot: z.array(feedSchema).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const SYNC_ERROR_CODES = [
  'VALIDATION',
  'TOO_LARGE',
  'UNKNOWN_TABLE',
  'UNKNOWN_COLUMN',
  'SCHEMA_TOO_NEW',
  'SCHEMA_TOO_OLD',
  'SEQUENCE_GAP',
  'SEQUENCE_REUSED',
  'CLOCK_AHEAD',
  'UNAUTHORIZED',
  'DEVICE_REVOKED',
  'WRONG_SERVER',
  'FORBIDDEN',
  'AUDIT_CHAIN_BROKEN',
  'CODE_INVALID',
  'RATE_LIMITED',
  'NOT_FOUND',
  'INTERNAL',
  'OFFSET_MISMATCH',
  'HASH_MISMATCH',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];
export const syncErrorSchema = z.object({
  error: z.object({ code: z.enum(SYNC_ERROR_CODES), message: z.string(), serverTime: z.number().optional(), expected: z.number().optional() }),
});
export type SyncErrorBody = z.infer<typeof syncErrorSchema>;

/** A device token: the issuing server's id, then the secret. A token shown to another server is refused by name. */
export const tokenServerId = (token: string): string | null => /^hc1\.([a-z0-9]+)\./.exec(token)?.[1] ?? null;
