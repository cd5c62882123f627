import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CheckResult, DocumentFields, DocumentType, VerificationReason, VerificationStatus } from '../../../shared/api/documents';
import type { ReviewAction } from '../../../shared/api/document-records';
import { idColumn, timestampColumns } from '../columns';
import { people } from './fleet';

/**
 * A stored document of a person (issue 4): the file lives in the blob store under `fileHash`; this row keeps what
 * OCR read, the fields as they stand after any correction, the checks and the verdict. `kind` names the
 * certificate it proves (`passport`, `eng1`, `pst`, … — src/engine/documents/requirements.ts) and `expiresOn` its
 * effective expiry (null = does not expire), so the register and the compliance matrix never re-derive them.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: idColumn(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name').notNull(),
    byteSize: integer('byte_size').notNull(),
    type: text('type').$type<DocumentType>().notNull(),
    kind: text('kind'),
    status: text('status').$type<VerificationStatus>().notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<VerificationReason[]>().notNull(),
    checks: text('checks', { mode: 'json' }).$type<CheckResult[]>().notNull(),
    fields: text('fields', { mode: 'json' }).$type<DocumentFields>().notNull(),
    /** The fields exactly as OCR read them, kept beside any correction. */
    readFields: text('read_fields', { mode: 'json' }).$type<DocumentFields>().notNull(),
    mrz: text('mrz', { mode: 'json' }).$type<string[] | null>(),
    ocrText: text('ocr_text').notNull(),
    confidence: real('confidence').notNull(),
    expiresOn: text('expires_on'),
    /** Who accepted or rejected it, and when (null while only the machine has judged it). */
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    ...timestampColumns(),
  },
  (t) => [
    // "Does this person hold this certificate, and until when": the register, the matrix, and the bell's renewals.
    index('documents_person').on(t.personId, t.kind, t.status, t.expiresOn),
    // The review queue, newest first, read in index order.
    index('documents_queue').on(t.status, t.createdAt, t.id).where(sql`${t.archivedAt} IS NULL`),
    index('documents_file').on(t.personId, t.fileHash),
    // The expiry bell: verified documents by expiry.
    index('documents_expiring').on(t.status, t.expiresOn, t.personId, t.kind).where(sql`${t.archivedAt} IS NULL`),
  ],
);

/** Every human act on a document, append-only: corrections (field, before, after), decisions, re-reads, archiving. */
export const documentReviews = sqliteTable(
  'document_reviews',
  {
    id: idColumn(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    action: text('action').$type<ReviewAction>().notNull(),
    author: text('author').notNull(),
    field: text('field').$type<keyof DocumentFields>(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    note: text('note'),
    statusAfter: text('status_after').$type<VerificationStatus>().notNull(),
    ...timestampColumns(),
  },
  (t) => [index('document_reviews_document').on(t.documentId, t.createdAt)],
);
