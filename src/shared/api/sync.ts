import { z } from 'zod';
import { procedure } from './procedure';

/** Sync with the office's server, as a device sees it (docs/sync.md). */
export const SYNC_PHASES = ['push', 'pull', 'upload', 'download'] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export const syncFailureSchema = z.object({ code: z.string(), message: z.string() });

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  deviceId: z.string().nullable(),
  homeFeed: z.string().nullable(),
  tenants: z.array(z.string()),
  intervalMinutes: z.number().int(),
  lastSyncAt: z.string().nullable(),
  /** Changes made here that the server has not acknowledged yet. */
  pending: z.number().int(),
  running: z.boolean(),
  progress: z.object({ phase: z.enum(SYNC_PHASES), done: z.number().int() }).nullable(),
  lastError: syncFailureSchema.nullable(),
  /** The server's clock minus this computer's, in ms, as last measured. */
  clockOffsetMs: z.number(),
  /** Conflicts not reviewed (not reversed) yet. */
  openConflicts: z.number().int(),
  /** Scans and photos named by rows here: held here but not yet on the server, and missing here (docs/sync.md#attachments). */
  attachments: z.object({ toUpload: z.number().int(), toDownload: z.number().int(), problem: z.string().nullable() }),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncConflictSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  /** Whose record and which field, in words: "Joanna Smith — e-mail". */
  label: z.string(),
  keptValue: z.unknown(),
  lostValue: z.unknown(),
  /** Who made each edit, in words: "captain on Aurora laptop", "a user of Office PC", "owner on this computer". */
  keptBy: z.string(),
  lostBy: z.string(),
  /** Both in one sentence: "changed by captain on Aurora laptop, over the edit by owner on this computer". */
  who: z.string(),
  reversedAt: z.string().nullable(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

export const syncProcedures = {
  'sync.status': procedure('Whether this computer is enrolled with a sync server, when it last synced, and what is pending', z.object({}), syncStatusSchema),
  'sync.enrol': procedure(
    "Enrol this computer with the office's sync server using a one-time code",
    z.object({
      serverUrl: z.url({ protocol: /^https?$/, error: 'Give the server address, e.g. http://office.example:8787' }).max(500),
      code: z.string().trim().min(8, 'The enrolment code has at least 8 characters').max(64),
      name: z.string().trim().min(1).max(200).optional(),
    }),
    syncStatusSchema,
  ),
  'sync.now': procedure('Send changes made here and fetch the others now', z.object({}), syncStatusSchema),
  'sync.setInterval': procedure('How often to sync while the server is reachable', z.object({ minutes: z.number().int().min(1).max(1440) }), syncStatusSchema),
  'sync.conflicts': procedure('Values that another computer’s newer edit replaced here', z.object({ includeReversed: z.boolean().default(false) }), z.array(syncConflictSchema)),
  'sync.reverse': procedure('Put back a value another computer’s edit replaced', z.object({ id: z.number().int() }), syncConflictSchema),
};
