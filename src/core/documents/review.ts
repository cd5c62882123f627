import type { DocumentAction, DocumentRecord } from '../../shared/api/document-records';
import type { DocumentFields } from '../../shared/api/documents';
import { todayIsoDate } from '../../shared/domain/dates';
import { documentActions } from '../../engine/documents/actions';
import { recheckDocument, registerEntryOf } from '../../engine/documents/recheck';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { write } from '../db/writes';
import { getPersonRow } from '../people/service';
import { actorName, addReview, correctedFields, getDocumentRow, requireReviewer, toRecord, updateDocument, type DocumentRow } from './store';

/** A reviewer's acts on a stored document. Each is one transaction: the change and its history entry together. */

/** Refuses what the document as it stands does not allow (src/engine/documents/actions.ts), saying why. */
export function assertAllowed(row: DocumentRow, action: DocumentAction): void {
  const state = documentActions(row)[action];
  if (!state.allowed) throw new AppError('CONFLICT', state.reason ?? 'Not possible for this document');
}

const show = (value: DocumentFields[keyof DocumentFields]): string | null =>
  value === undefined ? null : Array.isArray(value) ? value.join('; ') : String(value);

/** Changes fields, records each change with its author, and re-runs the checks on the corrected fields. */
export function correctDocument(ctx: ServiceContext, id: string, changes: Partial<DocumentFields>): DocumentRecord {
  return write(ctx.sqlite(), () => {
    const author = requireReviewer();
    const { row, personName } = getDocumentRow(ctx, id);
    assertAllowed(row, 'correct');
    const person = getPersonRow(ctx, row.personId);
    const fields: DocumentFields = { ...row.fields };
    const changed: Array<keyof DocumentFields> = [];
    for (const key of Object.keys(changes) as Array<keyof DocumentFields>) {
      const value = changes[key];
      if (show(value) === show(fields[key])) continue;
      changed.push(key);
      if (value === undefined || value === '') delete fields[key];
      else Object.assign(fields, { [key]: value });
    }
    if (changed.length === 0) throw new AppError('VALIDATION', 'Nothing was changed', { issues: [{ path: 'fields', message: 'Change at least one field' }] });
    const verdict = recheckDocument(
      { type: row.type, fields, mrz: row.mrz ?? null, checks: row.checks, correctedFields: [...new Set([...correctedFields(ctx, id), ...changed])] },
      { asOf: todayIsoDate(), person: { surname: person.surname, givenNames: person.givenNames, dateOfBirth: person.dateOfBirth } },
    );
    const entry = registerEntryOf(row.type, fields);
    const updated = updateDocument(ctx, id, { fields, ...verdict, kind: entry.kind, expiresOn: entry.expiresOn, decidedBy: null, decidedAt: null });
    for (const key of changed) {
      addReview(ctx, id, { action: 'correct', author, field: key, fromValue: show(row.fields[key]), toValue: show(fields[key]), statusAfter: updated.status });
    }
    return toRecord(updated, personName);
  });
}

/**
 * A person vouches for the document: it counts as verified from now on. Not a file nothing was read from, and
 * not a document the rules reject (expired, specimen, unfit) as it stands: a misread field is corrected first.
 */
export function acceptDocument(ctx: ServiceContext, id: string, note: string | undefined): DocumentRecord {
  return write(ctx.sqlite(), () => {
    const author = requireReviewer();
    const { row, personName } = getDocumentRow(ctx, id);
    assertAllowed(row, 'accept');
    const checks = [...row.checks.filter((c) => c.id !== 'reviewer_decision'), { id: 'reviewer_decision', ok: true, message: `Accepted by ${author}${note ? `: ${note}` : ''}` }];
    const updated = updateDocument(ctx, id, { status: 'verified', checks, decidedBy: author, decidedAt: nowIso() });
    addReview(ctx, id, { action: 'accept', author, note: note ?? null, statusAfter: 'verified' });
    return toRecord(updated, personName);
  });
}

export function rejectDocument(ctx: ServiceContext, id: string, reason: string): DocumentRecord {
  return write(ctx.sqlite(), () => {
    const author = requireReviewer();
    const { row, personName } = getDocumentRow(ctx, id);
    assertAllowed(row, 'reject');
    const checks = [...row.checks.filter((c) => c.id !== 'reviewer_decision'), { id: 'reviewer_decision', ok: false, message: `Rejected by ${author}: ${reason}` }];
    const updated = updateDocument(ctx, id, { status: 'rejected', checks, decidedBy: author, decidedAt: nowIso() });
    addReview(ctx, id, { action: 'reject', author, note: reason, statusAfter: 'rejected' });
    return toRecord(updated, personName);
  });
}

export function setDocumentArchived(ctx: ServiceContext, id: string, archived: boolean): DocumentRecord {
  return write(ctx.sqlite(), () => {
    const { row, personName } = getDocumentRow(ctx, id);
    if ((row.archivedAt !== null) === archived) return toRecord(row, personName);
    const updated = updateDocument(ctx, id, { archivedAt: archived ? nowIso() : null });
    addReview(ctx, id, { action: archived ? 'archive' : 'restore', author: actorName(), statusAfter: updated.status });
    return toRecord(updated, personName);
  });
}
