import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../api/documents';
import { MAX_PHOTO_BYTES } from '../api/people';

/**
 * Attachments (docs/sync.md#attachments): the files whose SHA-256 a synced row holds travel by that hash, in
 * chunks, after the rows that name them. Both ends parse every message with these schemas on arrival.
 */

/** The synced cells that name a file of the blob store, by SQL table and column. */
export const ATTACHMENT_COLUMNS = [
  { table: 'documents', column: 'file_hash' },
  { table: 'people', column: 'photo_hash' },
] as const;

/** One request carries at most one chunk; a cut transfer resumes at a chunk's start. */
export const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;
/** The largest file a row may name: a document scan (a photo is smaller). */
export const MAX_ATTACHMENT_BYTES = Math.max(MAX_DOCUMENT_BYTES, MAX_PHOTO_BYTES);
/** Hashes asked about in one status request. */
export const MAX_STATUS_HASHES = 500;

export const attachmentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'an attachment is named by the SHA-256 of its content (64 lowercase hex digits)');

export const attachmentStatusRequestSchema = z.object({ hashes: z.array(attachmentHashSchema).min(1).max(MAX_STATUS_HASHES) });

/**
 * What the server holds of one attachment, as far as this device may know: `referenced` is false when no row of
 * its tenants names the hash (then nothing else is said, whether another tenant has it or not); `complete` when it
 * can be downloaded; else `received` bytes of an upload in progress, to resume from.
 */
export const attachmentStateSchema = z.object({
  hash: attachmentHashSchema,
  referenced: z.boolean(),
  complete: z.boolean(),
  received: z.number().int().nonnegative(),
  size: z.number().int().nonnegative().nullable(),
});
export type AttachmentState = z.infer<typeof attachmentStateSchema>;
export const attachmentStatusResponseSchema = z.object({ attachments: z.array(attachmentStateSchema) });

/** `PUT /v1/attachments/:hash?offset=&size=`: one chunk of the content, at `offset`, of a file of `size` bytes. */
export const attachmentUploadQuerySchema = z.object({
  offset: z.coerce.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
  size: z.coerce.number().int().positive().max(MAX_ATTACHMENT_BYTES, `an attachment is at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB`),
});
export const attachmentUploadResponseSchema = z.object({ received: z.number().int().nonnegative(), complete: z.boolean() });

/** `GET /v1/attachments/:hash?offset=`: the chunk starting at `offset`; the whole size in `x-attachment-size`. */
export const attachmentDownloadQuerySchema = z.object({ offset: z.coerce.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES).default(0) });
export const attachmentParamsSchema = z.object({ hash: attachmentHashSchema });
export const ATTACHMENT_SIZE_HEADER = 'x-attachment-size';
