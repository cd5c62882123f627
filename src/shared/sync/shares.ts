import { z } from 'zod';

/**
 * Sharing a candidate with another organisation on the same server (docs/sync.md#sharing): the messages of the
 * share routes, and the two feed entries that tell a receiving device a share began or ended. Both ends parse them
 * with these schemas on arrival.
 */

/**
 * The rows that make a person's candidate file: the `people` row itself and the rows of these tables whose
 * `person_id` is theirs. The sharer's own pipeline (applications, notes, interviews, submissions, decisions,
 * assignments) stays with the sharer.
 */
export const SHARED_FILE_TABLES = ['candidate_profiles', 'person_visas', 'sea_service', 'documents', 'assessment_results'] as const;
export type SharedFileTable = (typeof SHARED_FILE_TABLES)[number];
export const isSharedFileTable = (table: string): table is SharedFileTable => (SHARED_FILE_TABLES as readonly string[]).includes(table);

/** The pseudo-table of the feed entries that carry a share's beginning and end (never a table of the database). */
export const SHARE_ENTRY_TABLE = 'shares';
/** `granted`: the value is a {@link ShareGrant} as JSON text; `revoked`: the value is the person's id. */
export const SHARE_ENTRY_COLUMNS = ['granted', 'revoked'] as const;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'an id holds letters, digits and dashes');

export const shareGrantSchema = z.object({
  personId: id,
  fromOrgId: id,
  fromOrgName: z.string().min(1).max(200),
  sharedAt: z.string(),
});
export type ShareGrant = z.infer<typeof shareGrantSchema>;

export const createShareRequestSchema = z.object({ personId: id, to: id });
export const orgSchema = z.object({ id: z.string(), name: z.string() });
export const directoryResponseSchema = z.object({ orgs: z.array(orgSchema) });

/** Whether this device's organisation made a share (`out`) or received it (`in`). */
export const SHARE_DIRECTIONS = ['out', 'in'] as const;
export type ShareDirection = (typeof SHARE_DIRECTIONS)[number];

export const shareSchema = z.object({
  id: z.string(),
  personId: z.string(),
  from: orgSchema,
  to: orgSchema,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  direction: z.enum(SHARE_DIRECTIONS),
});
export type Share = z.infer<typeof shareSchema>;
export const shareResponseSchema = z.object({ share: shareSchema });
export const sharesResponseSchema = z.object({ shares: z.array(shareSchema) });

/** What the device's read-only triggers abort with (src/core/db/shared-read-only.ts), and the sentence shown for it. */
export const SHARED_READ_ONLY = 'harmony: shared candidate file is read-only';
export const SHARED_READ_ONLY_WORDS = 'This candidate’s file was shared with your organisation by another one and is read-only here: ask them to make the change.';
