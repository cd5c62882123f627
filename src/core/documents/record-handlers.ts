import { todayIsoDate } from '../../shared/domain/dates';
import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { certificateRegister, complianceMatrix, expiringCertificates } from './compliance';
import { previewDocument, reverifyDocument, uploadDocument } from './records';
import { setVesselRequirement, vesselRequirements } from './requirements';
import { acceptDocument, correctDocument, rejectDocument, setDocumentArchived } from './review';
import { recordView } from '../audit/service';
import { getDocument, getDocumentRow, listDocuments, reviewHistory, type DocumentRow } from './store';

/** Medical certificates are health data: every view of one is in the audit log (docs/security.md#audit-log). */
export const isHealthDocument = (row: Pick<DocumentRow, 'type' | 'kind'>): boolean => row.type === 'eng1_medical' || row.kind === 'eng1';

function recordHealthView(ctx: ServiceContext, row: DocumentRow, what: string): void {
  if (isHealthDocument(row)) recordView(ctx, { table: 'documents', rowId: row.id, personId: row.personId, what });
}

type DocumentRecordMethods =
  | 'documents.upload'
  | 'documents.list'
  | 'documents.get'
  | 'documents.preview'
  | 'documents.correct'
  | 'documents.accept'
  | 'documents.reject'
  | 'documents.reverify'
  | 'documents.archive'
  | 'documents.restore'
  | 'documents.register'
  | 'documents.compliance'
  | 'documents.expiring'
  | 'documents.requirements'
  | 'documents.setRequirements';

export function documentRecordHandlers(ctx: ServiceContext): HandlerGroup<DocumentRecordMethods> {
  return {
    'documents.upload': (input, { task }) => uploadDocument(ctx, input, task),
    'documents.list': (input) => listDocuments(ctx, input),
    'documents.get': ({ id }) => {
      const { row } = getDocumentRow(ctx, id);
      const answer = { document: getDocument(ctx, id), ocrText: row.ocrText, history: reviewHistory(ctx, id) };
      recordHealthView(ctx, row, 'The certificate and what was read from it');
      return answer;
    },
    'documents.preview': async ({ id }) => {
      const answer = await previewDocument(ctx, id);
      recordHealthView(ctx, getDocumentRow(ctx, id).row, 'The scan');
      return answer;
    },
    'documents.correct': ({ id, fields }) => correctDocument(ctx, id, fields),
    'documents.accept': ({ id, note }) => acceptDocument(ctx, id, note),
    'documents.reject': ({ id, reason }) => rejectDocument(ctx, id, reason),
    'documents.reverify': ({ id }, { task }) => reverifyDocument(ctx, id, task),
    'documents.archive': ({ id }) => setDocumentArchived(ctx, id, true),
    'documents.restore': ({ id }) => setDocumentArchived(ctx, id, false),
    'documents.register': ({ personId, asOf }) => certificateRegister(ctx, personId, asOf ?? todayIsoDate()),
    'documents.compliance': ({ vesselId, asOf }) => complianceMatrix(ctx, vesselId, asOf ?? todayIsoDate()),
    'documents.expiring': ({ asOf }) => expiringCertificates(ctx, asOf ?? todayIsoDate()),
    'documents.requirements': ({ vesselId }) => vesselRequirements(ctx, vesselId),
    'documents.setRequirements': ({ vesselId, title, kinds }) => setVesselRequirement(ctx, vesselId, title, kinds),
  };
}
