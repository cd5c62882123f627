import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DocumentListInput, DocumentListSort, DocumentRecord, DocumentSummary, ReviewAction, ReviewEntry } from '../../shared/api/document-records';
import type { DocumentFields, VerificationStatus } from '../../shared/api/documents';
import { isCertificateKind } from '../../shared/domain/certificates';
import { documentActions } from '../../engine/documents/actions';
import { presentReading } from '../../engine/documents/rules';
import { AppError, notFound } from '../api/errors';
import { currentCaller } from '../auth/caller';
import type { ServiceContext } from '../context';
import { drizzleCondition, personCondition } from '../scope/sql';
import { documentReviews, documents, people } from '../db/schema';
import { byLabel } from '../db/order';
import { words } from '../../shared/words';

/** Rows of the `documents` table (src/core/db/schema/documents.ts) and their review history; no rules here. */
export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = typeof documents.$inferInsert;

const personName = sql<string>`${people.givenNames} || ' ' || ${people.surname}`;

export function toRecord(row: DocumentRow, name: string): DocumentRecord {
  const reading = presentReading(row.checks, row.confidence);
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    archivedAt: row.archivedAt,
    personId: row.personId,
    personName: name,
    fileHash: row.fileHash,
    fileName: row.fileName,
    byteSize: row.byteSize,
    type: row.type,
    kind: row.kind !== null && isCertificateKind(row.kind) ? row.kind : null,
    status: row.status,
    reasons: row.reasons,
    checks: reading.checks,
    fields: row.fields,
    readFields: row.readFields,
    mrz: row.mrz ?? null,
    confidence: reading.confidence,
    expiresOn: row.expiresOn,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    actions: documentActions(row),
  };
}

export function getDocumentRow(ctx: ServiceContext, id: string): { row: DocumentRow; personName: string } {
  const found = ctx.db().select({ row: documents, personName }).from(documents).innerJoin(people, eq(people.id, documents.personId)).where(eq(documents.id, id)).get();
  if (!found) throw notFound('document', id);
  return found;
}

export function getDocument(ctx: ServiceContext, id: string): DocumentRecord {
  const { row, personName: name } = getDocumentRow(ctx, id);
  return toRecord(row, name);
}

/** The person's stored copy of exactly these bytes, archived or not: a re-upload is the same document. */
export function findSameFile(ctx: ServiceContext, personId: string, fileHash: string): DocumentRow | undefined {
  return ctx.db().select().from(documents).where(and(eq(documents.personId, personId), eq(documents.fileHash, fileHash))).get();
}

export function insertDocument(ctx: ServiceContext, row: NewDocumentRow): DocumentRow {
  return ctx.db().insert(documents).values(row).returning().get();
}

export function updateDocument(ctx: ServiceContext, id: string, changes: Partial<NewDocumentRow>): DocumentRow {
  const row = ctx.db().update(documents).set(changes).where(eq(documents.id, id)).returning().get();
  if (!row) throw notFound('document', id);
  return row;
}

export interface ReviewInput {
  action: ReviewAction;
  author: string;
  statusAfter: VerificationStatus;
  field?: keyof DocumentFields;
  fromValue?: string | null;
  toValue?: string | null;
  note?: string | null;
}

export function addReview(ctx: ServiceContext, documentId: string, review: ReviewInput): void {
  ctx.db()
    .insert(documentReviews)
    .values({
      documentId,
      action: review.action,
      author: review.author,
      statusAfter: review.statusAfter,
      field: review.field ?? null,
      fromValue: review.fromValue ?? null,
      toValue: review.toValue ?? null,
      note: review.note ?? null,
    })
    .run();
}

export function reviewHistory(ctx: ServiceContext, documentId: string): ReviewEntry[] {
  return ctx
    .db()
    .select({
      id: documentReviews.id,
      action: documentReviews.action,
      author: documentReviews.author,
      field: documentReviews.field,
      fromValue: documentReviews.fromValue,
      toValue: documentReviews.toValue,
      note: documentReviews.note,
      statusAfter: documentReviews.statusAfter,
      createdAt: documentReviews.createdAt,
    })
    .from(documentReviews)
    .where(eq(documentReviews.documentId, documentId))
    .orderBy(documentReviews.createdAt, documentReviews.id)
    .all();
}

/** Fields a reviewer has changed so far (for the safety rule of src/engine/documents/recheck.ts). */
export function correctedFields(ctx: ServiceContext, documentId: string): Array<keyof DocumentFields> {
  const rows = ctx
    .db()
    .selectDistinct({ field: documentReviews.field })
    .from(documentReviews)
    .where(and(eq(documentReviews.documentId, documentId), eq(documentReviews.action, 'correct')))
    .all();
  return rows.map((r) => r.field).filter((f): f is keyof DocumentFields => f !== null);
}

/** What each column of the review queue sorts by: what the row shows (a type or status by its word). */
const SORT_KEYS: Record<DocumentListSort, SQL[]> = {
  added: [sql`${documents.createdAt}`],
  file: [sql`${documents.fileName} COLLATE NOCASE`],
  person: [sql`${people.sortKey}`],
  type: [byLabel(sql`${documents.type}`, words.documentTypes)],
  status: [byLabel(sql`${documents.status}`, words.verificationStatuses)],
};

/** The review queue: newest first or by a column, filtered by status, person or vessel (crew with an open assignment there). */
export function listDocuments(ctx: ServiceContext, input: Required<Omit<DocumentListInput, 'personId' | 'vesselId'>> & Pick<DocumentListInput, 'personId' | 'vesselId'>): { total: number; rows: DocumentSummary[] } {
  // For one person or one vessel's crew the few documents are found by person and sorted; the unary + keeps
  // SQLite from walking the whole queue index in date order instead (measured: 114 → ~5 ms at 160,000 documents).
  const narrow = input.personId !== undefined || input.vesselId !== undefined;
  const filters: Array<SQL | undefined> = [
    input.status === 'all' ? undefined : narrow ? sql`+${documents.status} = ${input.status}` : eq(documents.status, input.status),
    input.personId ? eq(documents.personId, input.personId) : undefined,
    input.archived === 'exclude' ? sql`${documents.archivedAt} IS NULL` : input.archived === 'only' ? sql`${documents.archivedAt} IS NOT NULL` : undefined,
    input.vesselId
      ? sql`${documents.personId} IN (SELECT a.person_id FROM assignments a JOIN positions p ON p.id = a.position_id
             WHERE p.vessel_id = ${input.vesselId} AND a.archived_at IS NULL)`
      : undefined,
    // Only the documents of people the signed-in user sees (docs/security.md#scope).
    drizzleCondition(personCondition('documents.person_id')),
  ];
  const where = and(...filters);
  const total = ctx.db().select({ n: sql<number>`count(*)` }).from(documents).where(where).get()?.n ?? 0;
  const rows = ctx
    .db()
    .select({
      id: documents.id,
      personId: documents.personId,
      personName,
      fileName: documents.fileName,
      type: documents.type,
      kind: documents.kind,
      status: documents.status,
      reasons: documents.reasons,
      expiresOn: documents.expiresOn,
      createdAt: documents.createdAt,
      archivedAt: documents.archivedAt,
    })
    .from(documents)
    .innerJoin(people, eq(people.id, documents.personId))
    .where(where)
    .orderBy(...SORT_KEYS[input.sort].map(input.descending ? desc : asc), desc(documents.createdAt), desc(documents.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  return { total, rows: rows.map((r) => ({ ...r, kind: r.kind !== null && isCertificateKind(r.kind) ? r.kind : null })) };
}

/**
 * Who did something to a document that is not a decision (an upload, a re-read, archiving): the signed-in user,
 * or the system and why (the sample fleet, sync). Also the name the advisory log and the recruitment pipeline
 * record (src/core/fit/operator.ts).
 */
export function actorName(): string {
  const caller = currentCaller();
  if (caller?.kind === 'user') return caller.displayName;
  if (caller?.kind === 'system') return `System: ${caller.reason}`;
  return 'No signed-in user';
}

/**
 * The author of a decision (accept, reject, correct): the signed-in user, who vouches for the document with their
 * account (issue 14: a name typed in Settings once let anyone sign as "Dr. Port Health Officer"). The system may
 * decide only as itself (the sample fleet); a call with no one signed in is refused.
 */
export function requireReviewer(): string {
  const caller = currentCaller();
  if (caller?.kind === 'user') return caller.displayName;
  if (caller?.kind === 'system') return `System: ${caller.reason}`;
  throw new AppError('FORBIDDEN', 'Sign in to decide on a document: a decision is recorded under your name.', { reason: 'signed-out' });
}
