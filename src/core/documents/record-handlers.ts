import { todayIsoDate } from '../../shared/domain/dates';
import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { certificateRegister, complianceMatrix, expiringCertificates } from './compliance';
import { previewDocument, reverifyDocument, uploadDocument } from './records';
import { setVesselRequirement, vesselRequirements } from './requirements';
import { acceptDocument, correctDocument, rejectDocument, setDocumentArchived } from './review';
import { getDocument, getDocumentRow, listDocuments, reviewerName, reviewHistory, setReviewerName } from './store';

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
  | 'documents.setRequirements'
  | 'documents.reviewer'
  | 'documents.setReviewer';

export function documentRecordHandlers(ctx: ServiceContext): HandlerGroup<DocumentRecordMethods> {
  return {
    'documents.upload': (input, { task }) => uploadDocument(ctx, input, task),
    'documents.list': (input) => listDocuments(ctx, input),
    'documents.get': ({ id }) => ({ document: getDocument(ctx, id), ocrText: getDocumentRow(ctx, id).row.ocrText, history: reviewHistory(ctx, id) }),
    'documents.preview': ({ id }) => previewDocument(ctx, id),
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
    'documents.reviewer': () => ({ name: reviewerName(ctx) }),
    'documents.setReviewer': ({ name }) => setReviewerName(ctx, name),
  };
}
