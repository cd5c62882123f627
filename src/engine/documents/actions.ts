import type { ActionState, DocumentActions } from '../../shared/api/document-records';
import type { CheckResult, DocumentType, VerificationReason, VerificationStatus } from '../../shared/api/documents';
import { reasonWords } from '../../shared/words';

/**
 * What a reviewer may do with a stored document, decided from what the document is: a decision must agree with
 * it. A file nothing was read from can be rejected or archived, never accepted; a document the rules reject
 * (expired, unfit, a specimen) cannot be accepted as it stands. The core enforces this on every decision and
 * returns it with the document, so a screen disables what is not allowed and says why in the same words.
 */
export interface DocumentState {
  type: DocumentType;
  status: VerificationStatus;
  reasons: readonly VerificationReason[];
  checks: readonly CheckResult[];
  decidedBy: string | null;
  archivedAt: string | null;
}

/** The check every sample record of the synthetic fleet carries: it was entered, not read from a scan. */
export const SAMPLE_CHECK_ID = 'sample';

/** Reasons that stand whoever looks at the document: only a corrected field can lift them. */
const REJECTING: ReadonlySet<VerificationReason> = new Set(['expired', 'medical_unfit']);

const allowed: ActionState = { allowed: true, reason: null };
const refused = (reason: string): ActionState => ({ allowed: false, reason });

export function documentActions(doc: DocumentState): DocumentActions {
  if (doc.archivedAt !== null) {
    const archived = refused('The document is archived; restore it first.');
    return { accept: archived, reject: archived, correct: archived, reread: archived };
  }
  const sample = doc.checks.some((check) => check.id === SAMPLE_CHECK_ID);
  const unreadFile = doc.reasons.includes('unreadable') || doc.reasons.includes('unsupported_type');
  const notRecognised = !unreadFile && doc.type === 'unknown';
  return {
    accept: unreadFile
      ? refused(`Nothing could be read from this file (${fileProblem(doc.checks)}), so there is nothing to accept. Reject or archive it, and add a readable scan.`)
      : notRecognised
        ? refused('It was not recognised as a passport, seaman’s book, STCW certificate or ENG1 medical, so it cannot count as one. Reject or archive it, and add a clearer scan.')
        : rejectedByRules(doc)
          ? refused(`The checks reject it: ${rejection(doc)}. If a field was misread, correct it first; otherwise reject it.`)
          : doc.status === 'verified'
            ? refused('It is already verified.')
            : allowed,
    reject: doc.status === 'rejected' ? refused('It is already rejected.') : allowed,
    correct: unreadFile
      ? refused('Nothing was read from this file, so there are no fields to correct.')
      : notRecognised
        ? refused('It was not recognised as a document the app reads, so correcting fields cannot make it count.')
        : sample
          ? refused('A sample record was entered, not read from a scan: there is nothing to compare a correction with.')
          : allowed,
    reread: sample ? refused('A sample record has no scan to read again.') : allowed,
  };
}

function rejectedByRules(doc: DocumentState): boolean {
  return doc.reasons.some((reason) => REJECTING.has(reason)) || (doc.status === 'rejected' && doc.decidedBy === null);
}

/** Why the rules reject it, in the checks' own words (stored before checks said so: the reasons, in words). */
function rejection(doc: DocumentState): string {
  const messages = doc.checks.filter((check) => check.rejects && !check.ok).map((check) => check.message.replace(/\.$/, ''));
  if (messages.length > 0) return messages.join('; ');
  const reasons = doc.reasons.filter((reason) => REJECTING.has(reason));
  return reasons.length > 0 ? reasonWords(reasons) : 'the document is not valid';
}

function fileProblem(checks: readonly CheckResult[]): string {
  const message = checks.find((check) => check.id === 'file' && !check.ok)?.message ?? 'the file could not be read';
  return message.replace(/\.$/, '').replace(/^./, (first) => first.toLowerCase());
}
