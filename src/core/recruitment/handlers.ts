import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { fileSlug } from '../files/pdf';
import { applicationHistory, createApplication, listApplications, moveApplication } from './applications';
import { candidateProfile, saveCandidateProfile } from './candidate-profile';
import { cvData, cvMarkdown } from './cv';
import { cvPdf } from './cv-pdf';
import { findDuplicates } from './duplicates';
import { feedbackSummary, submitFeedback } from './feedback';
import { recruitmentFigures } from './figures';
import { hire } from './hiring';
import { inbox, markRead } from './inbox';
import { interviewersFor, listInterviews, moveInterview, questionGuide, scheduleInterview } from './interviews';
import { mergePeople } from './merge';
import { addNote, listNotes } from './notes';
import { createRequisition, getRequisition, listRequisitions, moveRequisition, requisitionDefaults, updateRequisition } from './requisitions';

type RecruitmentMethods =
  | 'requisitions.list' | 'requisitions.get' | 'requisitions.defaults' | 'requisitions.create' | 'requisitions.update' | 'requisitions.move' | 'requisitions.figures'
  | 'applications.list' | 'applications.create' | 'applications.move' | 'applications.history' | 'applications.hire'
  | 'interviews.list' | 'interviews.guide' | 'interviews.interviewers' | 'interviews.schedule' | 'interviews.move' | 'feedback.submit' | 'feedback.summary' | 'notes.list' | 'notes.add'
  | 'notifications.list' | 'notifications.markRead'
  | 'people.duplicates' | 'people.merge' | 'candidates.profile' | 'candidates.saveProfile' | 'cv.pdf' | 'cv.markdown';

const cvName = (name: string, withContacts: boolean, ext: string) => `cv-${fileSlug(name, 'candidate')}${withContacts ? '' : '-no-contacts'}.${ext}`;

export function recruitmentHandlers(ctx: ServiceContext): HandlerGroup<RecruitmentMethods> {
  return {
    'requisitions.list': ({ status }) => listRequisitions(ctx, status),
    'requisitions.get': ({ id }) => getRequisition(ctx, id),
    'requisitions.defaults': ({ positionId }) => requisitionDefaults(ctx, positionId),
    'requisitions.create': (input) => createRequisition(ctx, input),
    'requisitions.update': (input) => updateRequisition(ctx, input),
    'requisitions.move': ({ id, status }) => moveRequisition(ctx, id, status),
    'requisitions.figures': () => recruitmentFigures(ctx),
    'applications.list': (input) => listApplications(ctx, input),
    'applications.create': (input) => createApplication(ctx, input),
    'applications.move': (input) => moveApplication(ctx, input),
    'applications.history': ({ id }) => applicationHistory(ctx, id),
    'applications.hire': ({ id, startDate }) => hire(ctx, id, startDate),
    'interviews.list': (input) => listInterviews(ctx, input),
    'interviews.guide': ({ applicationId, kind }) => ({ questions: questionGuide(ctx, applicationId, kind) }),
    'interviews.interviewers': ({ applicationId }) => interviewersFor(ctx, applicationId),
    'interviews.schedule': (input) => scheduleInterview(ctx, input),
    'interviews.move': ({ id, status }) => moveInterview(ctx, id, status),
    'feedback.submit': (input) => submitFeedback(ctx, input),
    'feedback.summary': ({ id }) => feedbackSummary(ctx, id),
    'notes.list': ({ id }) => listNotes(ctx, id),
    'notes.add': (input) => addNote(ctx, input),
    'notifications.list': ({ unreadOnly }) => inbox(ctx, unreadOnly),
    'notifications.markRead': ({ ids, read }) => markRead(ctx, ids, read),
    'people.duplicates': ({ personId }) => findDuplicates(ctx, personId),
    'people.merge': ({ keepId, mergeId }) => mergePeople(ctx, keepId, mergeId),
    'candidates.profile': ({ id }) => candidateProfile(ctx, id),
    'candidates.saveProfile': (input) => saveCandidateProfile(ctx, input),
    'cv.pdf': async ({ personId, contacts }) => {
      const cv = cvData(ctx, personId);
      const { bytes, pages } = await cvPdf(ctx, cv, contacts);
      return { fileName: cvName(cv.name, contacts, 'pdf'), contentBase64: bytes.toString('base64'), pages };
    },
    'cv.markdown': ({ personId, contacts }) => {
      const cv = cvData(ctx, personId);
      return { fileName: cvName(cv.name, contacts, 'md'), markdown: cvMarkdown(cv, contacts) };
    },
  };
}
