import type { DocumentRecord } from '../../shared/api/document-records';
import type { PersonIdentity, VerificationResult } from '../../shared/api/documents';
import { todayIsoDate } from '../../shared/domain/dates';
import { registerEntryOf } from '../../engine/documents/recheck';
import { AppError } from '../api/errors';
import type { TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { write } from '../db/writes';
import { BlobStore } from '../files/blob-store';
import { getPersonRow } from '../people/service';
import { MAX_INPUT_PIXELS, sniffFileKind } from './prepare';
import { verifierOf } from './shared-verifier';
import { assertAllowed } from './review';
import { addReview, findSameFile, getDocumentRow, actorName, toRecord, updateDocument, insertDocument, type NewDocumentRow } from './store';

/** Stored documents: upload (store the file by hash, read it, keep the result), read again, and preview. */

const identityOf = (person: { surname: string; givenNames: string; dateOfBirth: string }): PersonIdentity => ({
  surname: person.surname,
  givenNames: person.givenNames,
  dateOfBirth: person.dateOfBirth,
});

function resultColumns(result: VerificationResult, ocrText: string): Omit<NewDocumentRow, 'personId' | 'fileHash' | 'fileName' | 'byteSize'> {
  const entry = registerEntryOf(result.type, result.fields);
  return {
    type: result.type,
    kind: entry.kind,
    expiresOn: entry.expiresOn,
    status: result.status,
    reasons: result.reasons,
    checks: result.checks,
    fields: result.fields,
    readFields: result.fields,
    mrz: result.mrz,
    ocrText,
    // The column holds a number; with no `confidence` check the record shows none (src/engine/documents/rules.ts).
    confidence: result.confidence ?? 0,
    decidedBy: null,
    decidedAt: null,
  };
}

async function read(ctx: ServiceContext, bytes: Uint8Array, fileName: string, person: PersonIdentity, task: TaskHandle): Promise<{ result: VerificationResult; text: string }> {
  let text = '';
  const result = await verifierOf(ctx).verify(bytes, {
    fileName,
    person,
    asOf: todayIsoDate(),
    signal: task.signal,
    onText: (read) => (text = read),
    onProgress: (done, total, message) => task.progress(done, total, message),
  });
  return { result, text };
}

/**
 * A file dropped into a person's profile. The same bytes for the same person are the same document: it is
 * returned (restored if it was archived) instead of stored twice. Unreadable files are stored too, in review with
 * the reason, so the reviewer sees what arrived.
 */
export async function uploadDocument(
  ctx: ServiceContext,
  input: { personId: string; fileName: string; contentBase64: string },
  task: TaskHandle,
): Promise<{ document: DocumentRecord; duplicate: boolean }> {
  const person = getPersonRow(ctx, input.personId);
  const name = `${person.givenNames} ${person.surname}`;
  if (person.archivedAt !== null) throw new AppError('CONFLICT', `${name} is archived; restore them before adding documents`);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const fileHash = BlobStore.hashOf(bytes);
  const known = () => {
    const same = findSameFile(ctx, person.id, fileHash);
    if (!same) return null;
    const row = same.archivedAt === null ? same : updateDocument(ctx, same.id, { archivedAt: null });
    if (same.archivedAt !== null) addReview(ctx, row.id, { action: 'restore', author: actorName(), statusAfter: row.status, note: `Uploaded again as ${input.fileName}` });
    return { document: toRecord(row, name), duplicate: true };
  };
  const earlier = write(ctx.sqlite(), known);
  // The row may have come by sync before its scan: the same bytes uploaded here are its scan.
  if (earlier) {
    ctx.state.files.put(bytes);
    return earlier;
  }

  ctx.state.files.put(bytes);
  const { result, text } = await read(ctx, bytes, input.fileName, identityOf(person), task);
  task.throwIfCancelled();
  return write(ctx.sqlite(), () => {
    // Another upload of the same file may have finished while this one was being read.
    const raced = known();
    if (raced) return raced;
    const row = insertDocument(ctx, { personId: person.id, fileHash, fileName: input.fileName, byteSize: bytes.length, ...resultColumns(result, text) });
    addReview(ctx, row.id, { action: 'upload', author: actorName(), statusAfter: row.status, note: `Read in ${result.ms} ms` });
    return { document: toRecord(row, name), duplicate: false };
  });
}

/** Reads the stored file again from scratch: corrections and decisions are replaced by the new reading. */
export async function reverifyDocument(ctx: ServiceContext, id: string, task: TaskHandle): Promise<DocumentRecord> {
  const { row } = getDocumentRow(ctx, id);
  assertAllowed(row, 'reread');
  if (!ctx.state.files.has(row.fileHash)) throw new AppError('CONFLICT', NOT_DOWNLOADED);
  const person = getPersonRow(ctx, row.personId);
  const bytes = ctx.state.files.get(row.fileHash);
  const { result, text } = await read(ctx, bytes, row.fileName, identityOf(person), task);
  task.throwIfCancelled();
  return write(ctx.sqlite(), () => {
    const updated = updateDocument(ctx, id, { ...resultColumns(result, text), updatedAt: nowIso() });
    addReview(ctx, id, { action: 'reverify', author: actorName(), statusAfter: updated.status, note: `Read again in ${result.ms} ms` });
    return toRecord(updated, `${person.givenNames} ${person.surname}`);
  });
}

/** A document read on another computer whose scan sync has not fetched yet (docs/sync.md#attachments). */
const NOT_DOWNLOADED = 'Scan not yet downloaded: this document was read on another computer, and its scan arrives here with a coming sync.';

const PREVIEW_EDGE = 1600;
const PDF_PREVIEW_DPI = 110;

/** The document as a picture for the detail view; a file that cannot be shown says why instead. */
export async function previewDocument(ctx: ServiceContext, id: string): Promise<{ dataUrl: string | null; message: string | null }> {
  const { row } = getDocumentRow(ctx, id);
  if (!ctx.state.files.has(row.fileHash)) return { dataUrl: null, message: NOT_DOWNLOADED };
  const bytes = ctx.state.files.get(row.fileHash);
  if (bytes.length === 0) return { dataUrl: null, message: 'The file is empty (0 bytes): nothing to show.' };
  const kind = sniffFileKind(bytes);
  if (kind === null) return { dataUrl: null, message: 'Not an image or PDF this program can show.' };
  try {
    let image: Uint8Array = bytes;
    if (kind === 'pdf') {
      // Rendered in the analysis pool: a large PDF would otherwise hold every other request.
      const rendered = await verifierOf(ctx).analysis.renderPdf({ bytes, dpi: PDF_PREVIEW_DPI, maxPages: 1, colour: 'rgb' });
      if ('problem' in rendered) return { dataUrl: null, message: rendered.problem };
      image = rendered.pages[0]!;
    }
    const { default: sharp } = await import('sharp');
    const jpeg = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}`, message: null };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { dataUrl: null, message: `The file cannot be shown (${reason}).` };
  }
}
