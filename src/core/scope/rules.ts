import type { Method } from '../../shared/api';
import type { ScopedKind } from './records';

/**
 * How scope applies to each procedure of the contract (docs/security.md#scope). Keyed by Method: a new
 * procedure does not build until it is given its rule here.
 *
 * - `open`: the answer holds no record of a vessel or a person (instruments, norms, settings, the kiosk's state),
 *   or works only on what the caller sends (analysing a file).
 * - `organisation`: for users of the whole organisation only; a user scoped to vessels, a department or their own
 *   record is refused ('out-of-scope'). Imports that match rows to people by name, fleet-wide statistics, the
 *   installation's backups and sync, and records that belong to no vessel yet.
 * - `read`: each id of the input named in `refs` (a field, or `list.field` inside a list of objects) must be a record the user sees, else NOT_FOUND (as if it did not
 *   exist: existence is not leaked). With `lists`, the answer is narrowed further in its service's SQL.
 * - `write`: the same for the records written to or onto, but refused with FORBIDDEN 'out-of-scope'.
 */
export type Refs = Readonly<Record<string, ScopedKind>>;
export type ScopeRule =
  | { readonly kind: 'open' }
  | { readonly kind: 'organisation' }
  | { readonly kind: 'read'; readonly refs: Refs; readonly lists?: true }
  | { readonly kind: 'write'; readonly refs: Refs };

const open: ScopeRule = { kind: 'open' };
const organisation: ScopeRule = { kind: 'organisation' };
const read = (refs: Refs = {}): ScopeRule => ({ kind: 'read', refs });
/** A list, count or export narrowed in its service, after the ids it names are checked. */
const list = (refs: Refs = {}): ScopeRule => ({ kind: 'read', refs, lists: true });
const write = (refs: Refs = {}): ScopeRule => ({ kind: 'write', refs });

export const SCOPE_RULES: Record<Method, ScopeRule> = {
  'system.info': open,
  'system.health': open,
  'backups.list': organisation,
  'backups.create': organisation,
  'backups.restore': organisation,
  'tasks.cancel': open,

  'vessels.list': list(),
  'vessels.get': read({ id: 'vessel' }),
  // A new vessel is outside every vessel list until its user's scope names it.
  'vessels.create': organisation,
  'vessels.update': write({ id: 'vessel' }),
  'vessels.archive': write({ id: 'vessel' }),
  'vessels.restore': write({ id: 'vessel' }),
  'vessels.exportCrew': read({ id: 'vessel' }),
  'vessels.manning': read({ vesselId: 'vessel' }),
  'vessels.proposeStagger': read({ vesselId: 'vessel' }),
  'vessels.applyStagger': write({ vesselId: 'vessel', 'changes.assignmentId': 'assignment' }),
  'positions.create': write({ vesselId: 'vessel' }),
  'positions.update': write({ id: 'position' }),
  'positions.archive': write({ id: 'position' }),
  'positions.restore': write({ id: 'position' }),

  'people.list': list({ vesselId: 'vessel' }),
  'people.get': read({ id: 'person' }),
  // The person is linked to their creator (people.created_by), so they stay in the creator's lists.
  'people.create': write(),
  'people.update': write({ id: 'person' }),
  'people.archive': write({ id: 'person' }),
  'people.restore': write({ id: 'person' }),
  'people.setPhoto': write({ id: 'person' }),
  'people.photo': read({ id: 'person' }),
  // The preview names the stored people a row would duplicate, whoever they are: organisation-wide.
  'people.importPreview': organisation,
  'people.import': organisation,
  'people.exportCsv': list(),
  'assignments.create': write({ personId: 'person', positionId: 'position' }),
  'assignments.update': write({ id: 'assignment' }),
  'assignments.archive': write({ id: 'assignment' }),
  'assignments.restore': write({ id: 'assignment' }),
  'demo.load': organisation,

  'psychometrics.instruments': open,
  'psychometrics.instrument': open,
  'psychometrics.analyze': open,

  // Reads the file the caller sends against the person the caller types: nothing stored.
  'documents.verify': open,
  'documents.upload': write({ personId: 'person' }),
  'documents.list': list({ personId: 'person', vesselId: 'vessel' }),
  'documents.get': read({ id: 'document' }),
  'documents.preview': read({ id: 'document' }),
  'documents.correct': write({ id: 'document' }),
  'documents.accept': write({ id: 'document' }),
  'documents.reject': write({ id: 'document' }),
  'documents.reverify': write({ id: 'document' }),
  'documents.archive': write({ id: 'document' }),
  'documents.restore': write({ id: 'document' }),
  'documents.register': read({ personId: 'person' }),
  'documents.compliance': read({ vesselId: 'vessel' }),
  'documents.expiring': list(),
  'documents.requirements': read({ vesselId: 'vessel' }),
  'documents.setRequirements': write({ vesselId: 'vessel' }),

  // An import matches its rows to people by name and date of birth, anyone's.
  'assessments.importPreview': organisation,
  'assessments.import': organisation,
  'assessments.list': list({ personId: 'assessedPerson' }),
  'assessments.get': read({ id: 'assessmentResult' }),
  'assessments.archive': write({ id: 'assessmentResult' }),
  'assessments.restore': write({ id: 'assessmentResult' }),
  'assessments.normOptions': read({ id: 'assessmentResult' }),
  'assessments.place': read({ id: 'assessmentResult' }),
  // Local norm groups are figures over everyone's results.
  'assessments.localGroups': organisation,
  'assessments.settings': open,
  'assessments.updateSettings': organisation,
  'norms.import': open,
  'norms.list': open,
  'norms.archive': open,
  'norms.restore': open,
  'instruments.list': open,
  'instruments.import': open,
  'instruments.archive': open,
  'instruments.restore': open,

  'team.fleet': list(),
  'team.dynamics': list({ vesselId: 'vessel' }),
  'team.analyzeFiles': open,

  'fit.settings': open,
  'fit.positions': list(),
  'fit.rank': list({ positionId: 'position' }),
  'fit.explain': read({ positionId: 'position', personId: 'person' }),
  'fit.matches': list({ personId: 'person' }),
  'fit.savePreset': open,
  'fit.archivePreset': open,
  'fit.profiles': open,
  'fit.saveProfile': open,
  'fit.resetProfile': open,
  // Figures over every outcome of the fleet.
  'fit.anova': organisation,
  'fit.whatIf': read({ vesselId: 'vessel', remove: 'person', 'add.personId': 'person', 'add.positionId': 'position' }),
  'fit.swaps': read({ vesselId: 'vessel' }),
  // The advisory log records what was shown to whom, across the fleet.
  'fit.log': organisation,
  'fit.decide': write({ personId: 'person', positionId: 'position' }),
  'fit.decisions': list({ personId: 'person', positionId: 'position' }),
  'seaService.list': read({ id: 'person' }),
  'seaService.add': write({ personId: 'person' }),
  'seaService.archive': write({ id: 'seaService' }),
  'visas.list': read({ id: 'person' }),
  'visas.add': write({ personId: 'person' }),
  'visas.archive': write({ id: 'visa' }),
  'outcomes.list': list({ vesselId: 'vessel' }),
  'outcomes.record': write({ assignmentId: 'assignment' }),
  'outcomes.archive': write({ id: 'outcome' }),
  'models.list': open,
  'models.recalibrate': organisation,
  'models.activate': organisation,

  'sessions.start': write({ personId: 'person' }),
  'sessions.get': read({ id: 'session' }),
  'sessions.list': list({ personId: 'person', campaignId: 'campaign' }),
  'sessions.kiosk': read({ id: 'session' }),
  'sessions.kioskState': open,
  'sessions.setLanguage': write({ sessionId: 'session' }),
  'sessions.answer': write({ sessionId: 'session' }),
  'sessions.report': write({ sessionId: 'session' }),
  'sessions.finish': write({ sessionId: 'session' }),
  'sessions.handOver': write({ sessionId: 'session' }),
  'sessions.leave': write({ sessionId: 'session' }),
  'sessions.release': write({ sessionId: 'session' }),
  'invitations.create': write({ personId: 'person' }),
  'invitations.export': read({ id: 'session' }),
  'invitations.import': write({ sessionId: 'session' }),
  'pulse.surveys': open,
  'pulse.survey': open,
  'pulse.importSurvey': open,
  'pulse.schedules': list({ vesselId: 'vessel' }),
  'pulse.schedule': write({ vesselId: 'vessel' }),
  'pulse.archiveSchedule': write({ id: 'pulseSchedule' }),
  'pulse.start': write({ scheduleId: 'pulseSchedule', personId: 'person' }),
  'pulse.results': list({ vesselId: 'vessel' }),
  // A campaign may target the whole fleet or a group across it.
  'campaigns.create': organisation,
  'campaigns.list': list(),
  'campaigns.get': read({ id: 'campaign' }),
  'profiles.get': read({ id: 'assessmentResult' }),
  'profiles.history': read({ personId: 'assessedPerson' }),
  'profiles.pdf': read({ id: 'assessmentResult' }),

  'requisitions.list': list(),
  'requisitions.get': read({ id: 'requisition' }),
  'requisitions.defaults': read({ positionId: 'position' }),
  'requisitions.create': write({ positionId: 'position' }),
  'requisitions.update': write({ id: 'requisition' }),
  'requisitions.move': write({ id: 'requisition' }),
  'requisitions.figures': list(),
  'applications.list': list({ requisitionId: 'requisition', personId: 'person' }),
  'applications.create': write({ requisitionId: 'requisition', personId: 'person' }),
  'applications.move': write({ id: 'application' }),
  'applications.history': read({ id: 'application' }),
  'applications.hire': write({ id: 'application' }),
  'interviews.list': list({ applicationId: 'application' }),
  'interviews.guide': read({ applicationId: 'application' }),
  // Colleagues who work on the application's vessel (or the whole organisation): no record of another vessel.
  'interviews.interviewers': read({ applicationId: 'application' }),
  'interviews.schedule': write({ applicationId: 'application' }),
  'interviews.move': write({ id: 'interview' }),
  'feedback.submit': write({ interviewId: 'interview' }),
  'feedback.summary': read({ id: 'application' }),
  'notes.list': read({ id: 'application' }),
  'notes.add': write({ applicationId: 'application' }),
  'notifications.list': list(),
  // Marks the device's own inbox entries read; the answer is a count.
  'notifications.markRead': write(),
  'people.duplicates': list({ personId: 'person' }),
  'people.merge': write({ keepId: 'person', mergeId: 'person' }),
  'candidates.profile': read({ id: 'person' }),
  'candidates.saveProfile': write({ personId: 'person' }),
  'cv.pdf': read({ personId: 'person' }),
  'cv.markdown': read({ personId: 'person' }),

  'sync.status': organisation,
  'sync.enrol': organisation,
  'sync.now': organisation,
  'sync.setInterval': organisation,
  'sync.conflicts': organisation,
  'sync.reverse': organisation,
  // Shares are between organisations: for users of the whole organisation.
  'shares.directory': organisation,
  'shares.list': organisation,
  'shares.create': organisation,
  'shares.revoke': organisation,
  'shares.received': organisation,

  // A user narrowed to vessels reads the entries about what they see (scope/sql.ts auditCondition); verifying
  // walks the whole chain, so it is for users of the whole organisation.
  'audit.search': list(),
  'audit.history': list(),
  'audit.verify': organisation,

  // One's own account and session: nothing of a vessel or a person but the caller's own.
  'auth.state': open,
  'auth.createOwner': open,
  'auth.login': open,
  'auth.logout': open,
  'auth.me': open,
  'auth.lock': open,
  'auth.unlock': open,
  'auth.changePassword': open,
  'auth.recover': open,
  'auth.setIdleLock': open,
  // Accounts name vessels in their scopes: for users of the whole organisation.
  'users.list': organisation,
  'users.create': organisation,
  'users.update': organisation,
  'users.resetPassword': organisation,
  'users.remove': organisation,
  'users.restore': organisation,
};
