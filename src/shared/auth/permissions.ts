import type { Method } from '../api/contract';
import { ROLE_CAPABILITIES, type Capability, type Role } from './roles';

/**
 * What each API procedure needs (docs/security.md#roles-and-permissions). The dispatcher enforces it for every
 * transport; the UI reads it to hide what a role may not do. The Record type makes a procedure without a row fail
 * the build.
 *
 * - `public`: anyone, signed in or not (health, first start, signing in, recovery).
 * - `signed-in`: any signed-in user whatever their role (their own account, the idle lock, sync status).
 * - a capability of roles.ts: a user whose role holds it.
 */
export type Requirement = 'public' | 'signed-in' | Capability;

export const PERMISSIONS: Record<Method, Requirement> = {
  'system.info': 'public',
  'system.health': 'public',
  'backups.list': 'installation.manage',
  'backups.create': 'installation.manage',
  'backups.restore': 'installation.manage',
  // Only the caller's own tasks run under their session; a task id is a random UUID the caller was given.
  'tasks.cancel': 'signed-in',

  'vessels.list': 'fleet.read',
  'vessels.get': 'fleet.read',
  'vessels.create': 'fleet.write',
  'vessels.update': 'fleet.write',
  'vessels.archive': 'fleet.write',
  'vessels.restore': 'fleet.write',
  'vessels.exportCrew': 'fleet.read',
  'vessels.manning': 'fleet.read',
  // A proposal is computed and shown, nothing stored: reading the fleet is enough.
  'vessels.proposeStagger': 'fleet.read',
  'vessels.applyStagger': 'fleet.write',
  'positions.create': 'fleet.write',
  'positions.update': 'fleet.write',
  'positions.archive': 'fleet.write',
  'positions.restore': 'fleet.write',
  'people.list': 'fleet.read',
  'people.get': 'fleet.read',
  'people.create': 'fleet.write',
  'people.update': 'fleet.write',
  'people.archive': 'fleet.write',
  'people.restore': 'fleet.write',
  'people.setPhoto': 'fleet.write',
  'people.photo': 'fleet.read',
  'people.importPreview': 'fleet.write',
  'people.import': 'fleet.write',
  'people.exportCsv': 'fleet.read',
  'assignments.create': 'fleet.write',
  'assignments.update': 'fleet.write',
  'assignments.archive': 'fleet.write',
  'assignments.restore': 'fleet.write',
  'seaService.list': 'fleet.read',
  'seaService.add': 'fleet.write',
  'seaService.archive': 'fleet.write',
  'visas.list': 'fleet.read',
  'visas.add': 'fleet.write',
  'visas.archive': 'fleet.write',
  // The sample fleet fills the whole installation.
  'demo.load': 'installation.manage',

  // Reads a file given with the call and stores nothing.
  'documents.verify': 'documents.read',
  'documents.upload': 'documents.write',
  'documents.list': 'documents.read',
  'documents.get': 'documents.read',
  'documents.preview': 'documents.read',
  'documents.correct': 'documents.write',
  'documents.accept': 'documents.write',
  'documents.reject': 'documents.write',
  'documents.reverify': 'documents.write',
  'documents.archive': 'documents.write',
  'documents.restore': 'documents.write',
  'documents.register': 'documents.read',
  'documents.compliance': 'documents.read',
  'documents.expiring': 'documents.read',
  'documents.requirements': 'documents.read',
  'documents.setRequirements': 'documents.write',

  'psychometrics.instruments': 'assessments.read',
  'psychometrics.instrument': 'assessments.read',
  // Scores answer files given with the call, stores nothing.
  'psychometrics.analyze': 'assessments.read',
  'assessments.importPreview': 'assessments.write',
  'assessments.import': 'assessments.write',
  'assessments.list': 'assessments.read',
  'assessments.get': 'assessments.read',
  'assessments.archive': 'assessments.write',
  'assessments.restore': 'assessments.write',
  'assessments.normOptions': 'assessments.read',
  'assessments.place': 'assessments.read',
  'assessments.localGroups': 'assessments.read',
  'assessments.settings': 'assessments.read',
  'assessments.updateSettings': 'assessments.write',
  'norms.import': 'assessments.write',
  'norms.list': 'assessments.read',
  'norms.archive': 'assessments.write',
  'norms.restore': 'assessments.write',
  'instruments.list': 'assessments.read',
  'instruments.import': 'assessments.write',
  'instruments.archive': 'assessments.write',
  'instruments.restore': 'assessments.write',
  'sessions.start': 'assessments.write',
  'sessions.get': 'assessments.read',
  'sessions.list': 'assessments.read',
  // The kiosk's own procedures: a crew member may also call them for a session of their own (OWN_RECORDS).
  'sessions.kiosk': 'assessments.write',
  'sessions.kioskState': 'signed-in',
  'sessions.setLanguage': 'assessments.write',
  'sessions.answer': 'assessments.write',
  'sessions.report': 'assessments.write',
  'sessions.finish': 'assessments.write',
  'sessions.handOver': 'assessments.write',
  'sessions.leave': 'assessments.write',
  'sessions.release': 'assessments.write',
  'invitations.create': 'assessments.write',
  'invitations.export': 'assessments.write',
  'invitations.import': 'assessments.write',
  'pulse.surveys': 'assessments.read',
  'pulse.survey': 'assessments.read',
  'pulse.importSurvey': 'assessments.write',
  'pulse.schedules': 'assessments.read',
  'pulse.schedule': 'assessments.write',
  'pulse.archiveSchedule': 'assessments.write',
  'pulse.start': 'assessments.write',
  'pulse.results': 'assessments.read',
  'campaigns.create': 'assessments.write',
  'campaigns.list': 'assessments.read',
  'campaigns.get': 'assessments.read',
  'profiles.get': 'assessments.read',
  'profiles.history': 'assessments.read',
  'profiles.pdf': 'assessments.read',

  'team.fleet': 'analysis.read',
  'team.dynamics': 'analysis.read',
  'team.analyzeFiles': 'analysis.read',
  'fit.settings': 'analysis.read',
  'fit.positions': 'analysis.read',
  'fit.rank': 'analysis.read',
  'fit.explain': 'analysis.read',
  'fit.matches': 'analysis.read',
  'fit.savePreset': 'analysis.write',
  'fit.archivePreset': 'analysis.write',
  'fit.profiles': 'analysis.read',
  'fit.saveProfile': 'analysis.write',
  'fit.resetProfile': 'analysis.write',
  'fit.anova': 'analysis.read',
  'fit.whatIf': 'analysis.read',
  'fit.swaps': 'analysis.read',
  'fit.log': 'analysis.read',
  'fit.decide': 'analysis.write',
  'fit.decisions': 'analysis.read',
  'outcomes.list': 'analysis.read',
  'outcomes.record': 'analysis.write',
  'outcomes.archive': 'analysis.write',
  'models.list': 'analysis.read',
  'models.recalibrate': 'analysis.write',
  'models.activate': 'analysis.write',

  'requisitions.list': 'recruitment.read',
  'requisitions.get': 'recruitment.read',
  'requisitions.defaults': 'recruitment.read',
  'requisitions.create': 'recruitment.write',
  'requisitions.update': 'recruitment.write',
  'requisitions.move': 'recruitment.write',
  'requisitions.figures': 'recruitment.read',
  'applications.list': 'recruitment.read',
  'applications.create': 'recruitment.write',
  'applications.move': 'recruitment.write',
  'applications.history': 'recruitment.read',
  'applications.hire': 'recruitment.write',
  'interviews.list': 'recruitment.read',
  'interviews.guide': 'recruitment.read',
  'interviews.interviewers': 'recruitment.write',
  'interviews.schedule': 'recruitment.write',
  'interviews.move': 'recruitment.write',
  'feedback.submit': 'recruitment.feedback',
  'feedback.summary': 'recruitment.read',
  'notes.list': 'recruitment.read',
  'notes.add': 'recruitment.write',
  'notifications.list': 'recruitment.read',
  'notifications.markRead': 'recruitment.read',
  'people.duplicates': 'recruitment.read',
  'people.merge': 'recruitment.write',
  'candidates.profile': 'recruitment.read',
  'candidates.saveProfile': 'recruitment.write',
  'cv.pdf': 'recruitment.read',
  'cv.markdown': 'recruitment.read',

  // Whether this computer is enrolled and when it last synced: every user's status bar shows it.
  'sync.status': 'signed-in',

  // The audit log: who changed or viewed what (docs/security.md#audit-log).
  'audit.search': 'audit.read',
  'audit.history': 'audit.read',
  'audit.verify': 'audit.read',
  'sync.enrol': 'installation.manage',
  'sync.now': 'signed-in',
  'sync.setInterval': 'installation.manage',
  'sync.conflicts': 'fleet.read',
  'sync.reverse': 'fleet.write',
  // Sharing a candidate's file with another organisation: those who run recruitment (its scope rule keeps it to
  // users of the whole organisation: owner, admins, recruiters).
  'shares.directory': 'recruitment.write',
  'shares.list': 'recruitment.read',
  'shares.create': 'recruitment.write',
  'shares.revoke': 'recruitment.write',
  'shares.received': 'recruitment.read',

  'auth.state': 'public',
  // Refused once any account exists (src/core/users/accounts.ts).
  'auth.createOwner': 'public',
  'auth.login': 'public',
  'auth.recover': 'public',
  'auth.logout': 'signed-in',
  'auth.me': 'signed-in',
  'auth.lock': 'signed-in',
  'auth.unlock': 'signed-in',
  'auth.changePassword': 'signed-in',
  'auth.setIdleLock': 'signed-in',

  // Who may touch which account (admins, the owner) is decided by the escalation rules of src/core/users.
  'users.list': 'installation.manage',
  'users.create': 'installation.manage',
  'users.update': 'installation.manage',
  'users.resetPassword': 'installation.manage',
  'users.remove': 'installation.manage',
  'users.restore': 'installation.manage',
};

/**
 * A crew member (the kiosk role) holds no capability, but answers their own questionnaires and reads their own
 * results: these procedures are open to them for a record of their own person — a questionnaire session, an
 * assessment result, or the person themself — named by the input field given. The core checks whose it is.
 */
export type OwnRecord = { kind: 'session' | 'result' | 'person'; field: string };
export const OWN_RECORDS: Partial<Record<Method, OwnRecord>> = {
  'sessions.kiosk': { kind: 'session', field: 'id' },
  'sessions.setLanguage': { kind: 'session', field: 'sessionId' },
  'sessions.answer': { kind: 'session', field: 'sessionId' },
  'sessions.report': { kind: 'session', field: 'sessionId' },
  'sessions.finish': { kind: 'session', field: 'sessionId' },
  'sessions.leave': { kind: 'session', field: 'sessionId' },
  'profiles.get': { kind: 'result', field: 'id' },
  'profiles.pdf': { kind: 'result', field: 'id' },
  'profiles.history': { kind: 'person', field: 'personId' },
};

/** What a locked session may still call: see whether it is locked, unlock it, sign out, and the health check. */
export const WHILE_LOCKED: ReadonlySet<Method> = new Set<Method>(['auth.state', 'auth.unlock', 'auth.logout', 'system.health', 'system.info']);

/** Whether `role` may call `method` at all (before the own-record rule and the scope narrow it to records). */
export function roleMayCall(role: Role, method: Method): boolean {
  const requirement = PERMISSIONS[method];
  if (requirement === 'public' || requirement === 'signed-in') return true;
  return ROLE_CAPABILITIES[role].has(requirement);
}
