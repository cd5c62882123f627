import { z } from 'zod';
import { CERTIFICATE_KINDS } from '../domain/certificates';
import { ASSIGNMENT_STATES, DEPARTMENTS } from '../domain/crew';
import {
  checkResultSchema,
  documentFieldsSchema,
  documentTypeSchema,
  MAX_DOCUMENT_BYTES,
  verificationReasonSchema,
  verificationStatuses,
  verificationStatusSchema,
} from './documents';
import { archivedFilterSchema, byIdSchema, idSchema, isoDateSchema, recordStamps, requiredText } from './fields';
import { procedure } from './procedure';

/**
 * Stored documents of issue 4 phase 2: upload into a person's profile, the review queue, decisions with their
 * author, the certificate register and the vessel compliance matrix. The reading itself is `documents.verify`'s.
 */
export const reviewActions = ['upload', 'correct', 'accept', 'reject', 'reverify', 'archive', 'restore'] as const;
export type ReviewAction = (typeof reviewActions)[number];

export const certificateKindSchema = z.enum(CERTIFICATE_KINDS);

/**
 * What a reviewer may do with a document as it stands, decided by the core (src/engine/documents/actions.ts) and
 * enforced there; a screen disables what is not allowed and shows `reason`, in words.
 */
export const documentActions = ['accept', 'reject', 'correct', 'reread'] as const;
export type DocumentAction = (typeof documentActions)[number];
const actionStateSchema = z.object({ allowed: z.boolean(), reason: z.string().nullable() });
export type ActionState = z.infer<typeof actionStateSchema>;
export const documentActionsSchema = z.object({ accept: actionStateSchema, reject: actionStateSchema, correct: actionStateSchema, reread: actionStateSchema });
export type DocumentActions = z.infer<typeof documentActionsSchema>;

export const documentRecordSchema = z.object({
  ...recordStamps,
  personId: z.string(),
  personName: z.string(),
  fileHash: z.string(),
  fileName: z.string(),
  byteSize: z.number().int().nonnegative(),
  type: documentTypeSchema,
  kind: certificateKindSchema.nullable(),
  status: verificationStatusSchema,
  reasons: z.array(verificationReasonSchema),
  checks: z.array(checkResultSchema),
  fields: documentFieldsSchema,
  readFields: documentFieldsSchema,
  mrz: z.array(z.string()).nullable(),
  /** OCR's own confidence in what the verdict rests on, where OCR produced it (see verificationResultSchema). */
  confidence: z.number().min(0).max(1).nullable(),
  expiresOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  actions: documentActionsSchema,
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

export const documentSummarySchema = documentRecordSchema.pick({
  id: true,
  personId: true,
  personName: true,
  fileName: true,
  type: true,
  kind: true,
  status: true,
  reasons: true,
  expiresOn: true,
  createdAt: true,
  archivedAt: true,
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const reviewEntrySchema = z.object({
  id: z.string(),
  action: z.enum(reviewActions),
  author: z.string(),
  field: documentFieldsSchema.keyof().nullable(),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  note: z.string().nullable(),
  statusAfter: verificationStatusSchema,
  createdAt: z.string(),
});
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;

/** Fields a reviewer may correct; `restrictions` is one per line in forms. */
export const documentCorrectionSchema = documentFieldsSchema
  .partial()
  .refine((fields) => Object.keys(fields).length > 0, { message: 'Change at least one field' });

/** Where a certificate stands for a person on a day (register and matrix). */
export const certificateStates = ['valid', 'expires_90', 'expires_60', 'expires_30', 'expires_during_tour', 'expired', 'in_review', 'missing'] as const;
export const certificateStateSchema = z.enum(certificateStates);
export type CertificateState = z.infer<typeof certificateStateSchema>;

export const tourSchema = z.object({ start: z.string(), end: z.string() });

export const certificateCellSchema = z.object({
  kind: certificateKindSchema,
  required: z.boolean(),
  state: certificateStateSchema,
  expiresOn: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  documentId: z.string().nullable(),
});
export type CertificateCell = z.infer<typeof certificateCellSchema>;

export const complianceRowSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  positionTitle: z.string(),
  assignmentState: z.enum(ASSIGNMENT_STATES).extract(['current', 'planned']),
  tour: tourSchema.nullable(),
  cells: z.array(certificateCellSchema),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

/** A required certificate of a vessel's crew that is not simply valid: the matrix's summary, worst first. */
export const attentionItemSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  positionTitle: z.string(),
  kind: certificateKindSchema,
  state: certificateStateSchema,
  expiresOn: z.string().nullable(),
  documentId: z.string().nullable(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

export const expiringItemSchema = z.object({
  documentId: z.string(),
  personId: z.string(),
  personName: z.string(),
  kind: certificateKindSchema,
  expiresOn: z.string(),
  daysLeft: z.number().int(),
  /** The smallest warning window it falls in: 30, 60 or 90 days, or 0 when already expired. */
  window: z.union([z.literal(0), z.literal(30), z.literal(60), z.literal(90)]),
});
export type ExpiringItem = z.infer<typeof expiringItemSchema>;

const fileSchema = z.object({
  fileName: z.string().trim().min(1, 'The file has no name').max(500),
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4, `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
});

/** The review queue shows one verification status, or all of them. */
export const queueStatusSchema = z.enum([...verificationStatuses, 'all']);
export type QueueStatus = z.infer<typeof queueStatusSchema>;

/** Columns the review queue sorts by, in the core (it shows a page of a list that may be long). */
export const DOCUMENT_LIST_SORTS = ['added', 'file', 'person', 'type', 'status'] as const;
export type DocumentListSort = (typeof DOCUMENT_LIST_SORTS)[number];

export const documentListInputSchema = z.object({
  status: queueStatusSchema.default('review'),
  personId: idSchema.optional(),
  vesselId: idSchema.optional(),
  archived: archivedFilterSchema,
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Newest first unless another column is chosen; ties go newest first. */
  sort: z.enum(DOCUMENT_LIST_SORTS).default('added'),
  descending: z.boolean().default(true),
});
export type DocumentListInput = z.input<typeof documentListInputSchema>;

/** What one position of a vessel requires: the vessel's own list or the default (docs/domain.md#requirements-by-position). */
export const requirementRowSchema = z.object({
  title: z.string(),
  department: z.enum(DEPARTMENTS),
  kinds: z.array(certificateKindSchema),
  defaults: z.array(certificateKindSchema),
  overridden: z.boolean(),
});
export type RequirementRow = z.infer<typeof requirementRowSchema>;
const vesselRequirementsSchema = z.object({ vesselId: z.string(), positions: z.array(requirementRowSchema) });


export const documentRecordProcedures = {
  'documents.upload': procedure(
    'Store a file in a person’s profile (by content hash), read and check it (a task with progress); the same file again is recognised',
    z.object({ personId: idSchema }).extend(fileSchema.shape),
    z.object({ document: documentRecordSchema, duplicate: z.boolean() }),
  ),
  'documents.list': procedure(
    'The review queue: stored documents by status, person or vessel, newest first, a page at a time',
    documentListInputSchema,
    z.object({ total: z.number().int().nonnegative(), rows: z.array(documentSummarySchema) }),
  ),
  'documents.get': procedure(
    'One stored document with its OCR text and review history',
    byIdSchema,
    z.object({ document: documentRecordSchema, ocrText: z.string(), history: z.array(reviewEntrySchema) }),
  ),
  'documents.preview': procedure(
    'The document as an image for the detail view (a PDF’s first page rendered), or why there is none',
    byIdSchema,
    z.object({ dataUrl: z.string().nullable(), message: z.string().nullable() }),
  ),
  'documents.correct': procedure(
    'Correct fields as a reviewer and re-run the checks; a corrected check-digit-covered field stays in review until accepted',
    z.object({ id: idSchema, fields: documentCorrectionSchema }),
    documentRecordSchema,
  ),
  'documents.accept': procedure('Accept a document in review: it counts as verified, with the signed-in user as the one who accepted it', z.object({ id: idSchema, note: z.string().trim().max(500).optional() }), documentRecordSchema),
  'documents.reject': procedure('Reject a document, saying why', z.object({ id: idSchema, reason: requiredText(500, 'Say why the document is rejected') }), documentRecordSchema),
  'documents.reverify': procedure('Read and check the stored file again (a task with progress)', byIdSchema, documentRecordSchema),
  'documents.archive': procedure('Archive a document (it can be restored)', byIdSchema, documentRecordSchema),
  'documents.restore': procedure('Restore an archived document', byIdSchema, documentRecordSchema),
  'documents.register': procedure(
    'A person’s certificate register: every certificate they hold or need, with expiry and state',
    z.object({ personId: idSchema, asOf: isoDateSchema.optional() }),
    z.object({ asOf: z.string(), positions: z.array(z.string()), tour: tourSchema.nullable(), entries: z.array(certificateCellSchema) }),
  ),
  'documents.compliance': procedure(
    'A vessel’s compliance matrix: its crew × required certificates: missing, in review, expiring in 30/60/90 days or during the planned tour',
    z.object({ vesselId: idSchema, asOf: isoDateSchema.optional() }),
    z.object({ asOf: z.string(), kinds: z.array(certificateKindSchema), rows: z.array(complianceRowSchema), attention: z.array(attentionItemSchema) }),
  ),
  'documents.expiring': procedure(
    'Verified certificates of live people that expire within 90 days (or have expired), soonest first',
    z.object({ asOf: isoDateSchema.optional() }).default({}),
    z.object({ asOf: z.string(), items: z.array(expiringItemSchema) }),
  ),
  'documents.requirements': procedure(
    'The certificates each position of a vessel requires (the defaults for each position, or the vessel’s own list)',
    z.object({ vesselId: idSchema }),
    vesselRequirementsSchema,
  ),
  'documents.setRequirements': procedure(
    'Set the certificates a position of a vessel requires, or go back to the default for the position with null',
    z.object({
      vesselId: idSchema,
      title: requiredText(60, 'Choose a position'),
      kinds: z.array(certificateKindSchema).max(CERTIFICATE_KINDS.length).nullable(),
    }),
    vesselRequirementsSchema,
  ),
};
