import type { HandlerGroup } from '../api/dispatcher';
import { recordView } from '../audit/service';
import type { ServiceContext } from '../context';
import { storedResult } from '../psychometrics/results';
import { campaign, createCampaign, listCampaigns } from './campaigns';
import { finishSession } from './finish';
import { profileHistory, profileOf } from './profile';
import { profilePdf } from './profile-pdf';
import { archiveSchedule, createSchedule, listSchedules, pulseResults, startPulse } from './pulse';
import { importSurvey, listSurveys, pulseSurvey } from './pulse-surveys';
import { createInvitation, exportInvitation, importAnswers } from './invitations';
import { sessionRow, summarise } from './session-store';
import { answer, eventsOf, handOver, kioskView, leave, listSessions, recordEvent, release, setLanguage, startSession } from './sessions';
import { kioskSession } from './visibility';

type SessionMethods =
  | 'sessions.start'
  | 'sessions.get'
  | 'sessions.list'
  | 'sessions.kiosk'
  | 'sessions.kioskState'
  | 'sessions.setLanguage'
  | 'sessions.answer'
  | 'sessions.report'
  | 'sessions.finish'
  | 'sessions.handOver'
  | 'sessions.leave'
  | 'sessions.release'
  | 'invitations.create'
  | 'invitations.export'
  | 'invitations.import';

export function sessionHandlers(ctx: ServiceContext): HandlerGroup<SessionMethods> {
  const changed = <T>(value: T): T => {
    ctx.events.emit('data.changed', { scopes: ['sessions.', 'campaigns.', 'assessments.', 'pulse.', 'profiles.'] });
    return value;
  };
  return {
    'sessions.start': (input) => startSession(ctx, input),
    'sessions.get': ({ id }) => ({ ...summarise(ctx, sessionRow(ctx, id)), events: eventsOf(ctx, id) }),
    'sessions.list': (input) => listSessions(ctx, input),
    'sessions.kiosk': ({ id }) => kioskView(ctx, id),
    'sessions.kioskState': () => ({ sessionId: kioskSession(ctx) }),
    'sessions.setLanguage': ({ sessionId, language }) => setLanguage(ctx, sessionId, language),
    'sessions.answer': (input) => answer(ctx, input),
    'sessions.report': ({ sessionId, event }) => recordEvent(ctx, sessionId, event),
    'sessions.finish': async ({ sessionId }, { task }) => changed(await finishSession(ctx, sessionId, task)),
    'sessions.handOver': (input) => handOver(ctx, input),
    'sessions.leave': ({ sessionId, exitCode }) => leave(ctx, sessionId, exitCode),
    'sessions.release': ({ sessionId }) => release(ctx, sessionRow(ctx, sessionId)),
    'invitations.create': (input) => createInvitation(ctx, input),
    'invitations.export': ({ id }) => exportInvitation(ctx, id),
    'invitations.import': async (input, { task }) => changed(await importAnswers(ctx, input, task)),
  };
}

type PulseMethods =
  | 'pulse.surveys'
  | 'pulse.survey'
  | 'pulse.importSurvey'
  | 'pulse.schedules'
  | 'pulse.schedule'
  | 'pulse.archiveSchedule'
  | 'pulse.start'
  | 'pulse.results'
  | 'campaigns.create'
  | 'campaigns.list'
  | 'campaigns.get'
  | 'profiles.get'
  | 'profiles.history'
  | 'profiles.pdf';

export function pulseHandlers(ctx: ServiceContext): HandlerGroup<PulseMethods> {
  return {
    'pulse.surveys': () => listSurveys(ctx),
    'pulse.survey': ({ id }) => pulseSurvey(ctx, id),
    'pulse.importSurvey': ({ contentBase64, fileName }) => importSurvey(ctx, contentBase64, fileName),
    'pulse.schedules': (input) => listSchedules(ctx, input),
    'pulse.schedule': (input) => createSchedule(ctx, input),
    'pulse.archiveSchedule': ({ id }) => archiveSchedule(ctx, id),
    'pulse.start': (input) => startPulse(ctx, input),
    'pulse.results': (input) => pulseResults(ctx, input),
    'campaigns.create': (input) => createCampaign(ctx, input),
    'campaigns.list': ({ archived }) => listCampaigns(ctx, archived),
    'campaigns.get': ({ id }) => campaign(ctx, id),
    // Each shows one person's scores: each view is in the audit log (docs/security.md#audit-log).
    'profiles.get': async (input) => {
      const profile = await profileOf(ctx, input);
      recordView(ctx, { table: 'assessment_results', rowId: profile.resultId, personId: profile.personId, what: 'Profile' });
      return profile;
    },
    'profiles.history': async (input) => {
      const history = await profileHistory(ctx, input);
      recordView(ctx, { table: 'people', rowId: input.personId, personId: input.personId, what: 'Results over time' });
      return history;
    },
    'profiles.pdf': async (input) => {
      const pdf = await profilePdf(ctx, input);
      recordView(ctx, { table: 'assessment_results', rowId: input.id, personId: storedResult(ctx, input.id).personId, what: input.careless ? 'Profile (PDF, with the careless-responding detail)' : 'Profile (PDF)' });
      return pdf;
    },
  };
}
