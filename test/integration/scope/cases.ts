import type { Input, Method } from '../../../src/shared/api';
import type { Records, ScopeFixture } from './fleet-fixture';

/**
 * One case per procedure of the contract, for a user scoped to vessel A (a table keyed by Method: a new procedure
 * does not build until it has its case here).
 * - `read`: called with records of A (`input(f.a)`); its answer must hold no id or name of another vessel's
 *   records. When it names records, it is called again with B's (`input(f.b)`) and must answer NOT_FOUND.
 * - `write`: called with records of B, and must be refused (FORBIDDEN 'out-of-scope'). Writes to A's records are
 *   the domains' own tests.
 * - `organisation`: refused to anyone scoped to vessels.
 */
export type Case<M extends Method> =
  | { kind: 'read'; input: (r: Records, f: ScopeFixture) => Input<M>; namesRecords?: false }
  | { kind: 'write'; input: (r: Records, f: ScopeFixture) => Input<M> }
  | { kind: 'organisation'; input: Input<M> }
  /** One's own account and session: any answer but a fault, holding nothing of another vessel. */
  | { kind: 'account'; input: Input<M> };

const read = <M extends Method>(input: (r: Records, f: ScopeFixture) => Input<M>): Case<M> => ({ kind: 'read', input });
/** A read whose input names no record: there is no B to ask for. */
const readAll = <M extends Method>(input: Input<M>): Case<M> => ({ kind: 'read', input: () => input, namesRecords: false });
const write = <M extends Method>(input: (r: Records, f: ScopeFixture) => Input<M>): Case<M> => ({ kind: 'write', input });
const organisation = <M extends Method>(input: Input<M>): Case<M> => ({ kind: 'organisation', input });
const account = <M extends Method>(input: Input<M>): Case<M> => ({ kind: 'account', input });

/** The captain the cases sign in as (vessel-scope.test.ts). */
export const CAPTAIN = { username: 'scope-captain', password: 'captain-password-1' } as const;

const base64 = (text: string) => Buffer.from(text).toString('base64');
const requirements = { certificates: [], minYearsAtSea: null, languages: [], visas: [] };
const person = {
  givenNames: 'Ana',
  surname: 'Scope',
  dateOfBirth: '1990-01-01',
  nationalities: ['FRA'],
  languages: ['English'],
  email: null,
  phone: null,
  emergencyContactName: null,
  emergencyContactPhone: null,
  emergencyContactRelation: null,
  noticeDays: null,
};

export const CASES: { [M in Method]: Case<M> } = {
  'system.info': readAll({}),
  'system.health': readAll({}),
  'backups.list': organisation({}),
  'backups.create': organisation({}),
  'backups.restore': organisation({ id: 'harmony-20240101-000000-0-manual.db' }),
  'tasks.cancel': readAll({ taskId: 'nothing-running' }),

  'vessels.list': readAll({ archived: 'include' }),
  'vessels.get': read((r) => ({ id: r.vessel })),
  'vessels.create': organisation({ name: 'New', kind: 'motor', lengthM: 40, flag: 'GBR', officialNumber: '123456', use: 'private' }),
  'vessels.update': write((r) => ({ id: r.vessel, name: 'Renamed', kind: 'motor', lengthM: 40, flag: 'GBR', officialNumber: '123456', use: 'private' })),
  'vessels.archive': write((r) => ({ id: r.vessel })),
  'vessels.restore': write((r) => ({ id: r.vessel })),
  'vessels.exportCrew': read((r) => ({ id: r.vessel })),
  'vessels.manning': read((r) => ({ vesselId: r.vessel })),
  'vessels.proposeStagger': read((r) => ({ vesselId: r.vessel })),
  'vessels.applyStagger': write((r) => ({ vesselId: r.vessel, changes: [{ assignmentId: r.assignment, from: null, to: '2030-01-01' }] })),
  'positions.create': write((r) => ({ vesselId: r.vessel, department: 'deck', title: 'Deckhand', headcount: 1, rotation: null, employmentKind: 'permanent' })),
  'positions.update': write((r) => ({ id: r.position, department: 'deck', title: 'Deckhand', headcount: 2, rotation: null, employmentKind: 'permanent' })),
  'positions.archive': write((r) => ({ id: r.position })),
  'positions.restore': write((r) => ({ id: r.position })),

  'people.list': readAll({ archived: 'include', limit: 500 }),
  'people.get': read((r) => ({ id: r.person })),
  // Creating a person names no vessel: allowed, and the person is the creator's (fleet-scope.test.ts).
  'people.create': readAll(person),
  'people.update': write((r) => ({ id: r.person, ...person })),
  'people.archive': write((r) => ({ id: r.person })),
  'people.restore': write((r) => ({ id: r.person })),
  'people.setPhoto': write((r) => ({ id: r.person, contentBase64: null })),
  'people.photo': read((r) => ({ id: r.person })),
  'people.importPreview': organisation({ contentBase64: base64('given_names,surname\n'), fileName: 'people.csv' }),
  'people.import': organisation({ contentBase64: base64('given_names,surname\n'), fileName: 'people.csv' }),
  'people.exportCsv': readAll({ archived: 'include' }),
  'assignments.create': write((r) => ({ personId: r.person, positionId: r.position, startDate: '2030-01-01', endDate: null, rotation: null })),
  'assignments.update': write((r) => ({ id: r.assignment, startDate: '2020-01-01', endDate: null, rotation: null })),
  'assignments.archive': write((r) => ({ id: r.assignment })),
  'assignments.restore': write((r) => ({ id: r.assignment })),
  'demo.load': organisation({}),

  'psychometrics.instruments': readAll({}),
  'psychometrics.instrument': readAll({ id: 'ipip-neo-120' }),
  'psychometrics.analyze': readAll({ instrument: 'ipip-neo-120', responses: { file: { fileName: 'responses.csv', contentBase64: base64('id\n') } } }),

  'documents.verify': readAll({ fileName: 'x.txt', contentBase64: base64('not a document') }),
  'documents.upload': write((r) => ({ personId: r.person, fileName: 'x.png', contentBase64: base64('x') })),
  'documents.list': read((r) => ({ status: 'all', personId: r.person, limit: 500 })),
  'documents.get': read((r) => ({ id: r.document })),
  'documents.preview': read((r) => ({ id: r.document })),
  'documents.correct': write((r) => ({ id: r.document, fields: { surname: 'Other' } })),
  'documents.accept': write((r) => ({ id: r.document })),
  'documents.reject': write((r) => ({ id: r.document, reason: 'Unreadable' })),
  'documents.reverify': write((r) => ({ id: r.document })),
  'documents.archive': write((r) => ({ id: r.document })),
  'documents.restore': write((r) => ({ id: r.document })),
  'documents.register': read((r) => ({ personId: r.person })),
  'documents.compliance': read((r) => ({ vesselId: r.vessel })),
  'documents.expiring': readAll({}),
  'documents.requirements': read((r) => ({ vesselId: r.vessel })),
  'documents.setRequirements': write((r) => ({ vesselId: r.vessel, title: 'Deckhand', kinds: [] })),

  'assessments.importPreview': organisation({ contentBase64: base64('id\n'), fileName: 'results.csv', instrumentId: 'ipip-neo-120', context: 'incumbent' }),
  'assessments.import': organisation({ contentBase64: base64('id\n'), fileName: 'results.csv', instrumentId: 'ipip-neo-120', context: 'incumbent' }),
  'assessments.list': readAll({ archived: 'include', limit: 500 }),
  'assessments.get': read((r) => ({ id: r.result })),
  'assessments.archive': write((r) => ({ id: r.result })),
  'assessments.restore': write((r) => ({ id: r.result })),
  'assessments.normOptions': read((r) => ({ id: r.result })),
  'assessments.place': read((r) => ({ id: r.result, norm: { kind: 'local', by: 'department', group: 'Deck', population: 'incumbent' } })),
  'assessments.localGroups': organisation({ instrumentId: 'ipip-neo-120', by: 'department' }),
  'assessments.settings': readAll({}),
  'assessments.updateSettings': organisation({ minGroupSize: 30 }),
  'norms.import': readAll({ contentBase64: base64('x'), fileName: 'norms.csv', instrumentId: 'ipip-neo-120', label: 'Norm', population: 'incumbent', source: 'Here' }),
  'norms.list': readAll({}),
  'norms.archive': readAll({ id: 'no-such-norm' }),
  'norms.restore': readAll({ id: 'no-such-norm' }),
  'instruments.list': readAll({}),
  'instruments.import': readAll({ contentBase64: base64('{}'), fileName: 'instrument.json' }),
  'instruments.archive': readAll({ id: 'no-such-instrument' }),
  'instruments.restore': readAll({ id: 'no-such-instrument' }),

  'team.fleet': readAll({}),
  'team.dynamics': read((r) => ({ vesselId: r.vessel })),
  'team.analyzeFiles': readAll({ instrument: 'ipip-neo-120', responses: { file: { fileName: 'responses.csv', contentBase64: base64('id\n') } }, teams: { fileName: 'teams.csv', contentBase64: base64('id,team\n') } }),

  'fit.settings': readAll({}),
  'fit.positions': readAll({}),
  'fit.rank': read((r) => ({ positionId: r.position, limit: 50 })),
  'fit.explain': read((r) => ({ positionId: r.position, personId: r.person })),
  'fit.matches': read((r) => ({ personId: r.person })),
  'fit.savePreset': readAll({ name: 'scope-test', label: 'Scope test', weights: { certificates: 1, experience: 1, availability: 1, location: 1, culture: 1, engagement: 1 } }),
  'fit.archivePreset': readAll({ name: 'no-such-preset' }),
  'fit.profiles': readAll({}),
  'fit.saveProfile': readAll({ title: 'Deckhand', ranges: [] }),
  'fit.resetProfile': readAll({ title: 'Deckhand' }),
  'fit.anova': organisation({ by: 'position' }),
  'fit.whatIf': read((r) => ({ vesselId: r.vessel, remove: [r.person] })),
  'fit.swaps': read((r) => ({ vesselId: r.vessel })),
  'fit.log': organisation({}),
  'fit.decide': write((r) => ({ personId: r.person, positionId: r.position, decision: 'shortlisted', note: 'A reason' })),
  'fit.decisions': read((r) => ({ personId: r.person })),
  'seaService.list': read((r) => ({ id: r.person })),
  'seaService.add': write((r) => ({ personId: r.person, vesselName: 'M/Y Elsewhere', lengthM: 50, use: 'private', department: 'deck', positionTitle: 'Deckhand', startDate: '2020-01-01', endDate: '2020-06-01', kind: 'onboard' })),
  'seaService.archive': write((r) => ({ id: r.seaService })),
  'visas.list': read((r) => ({ id: r.person })),
  'visas.add': write((r) => ({ personId: r.person, kind: 'schengen', expiresOn: '2040-01-01' })),
  'visas.archive': write((r) => ({ id: r.visa })),
  'outcomes.list': read((r) => ({ vesselId: r.vessel })),
  'outcomes.record': write((r) => ({ assignmentId: r.assignment, completed: true })),
  'outcomes.archive': write((r) => ({ id: r.outcome ?? r.assignment })),
  'models.list': readAll({}),
  'models.recalibrate': organisation({}),
  'models.activate': organisation({ id: 'no-such-model' }),

  'sessions.start': write((r) => ({ personId: r.person, context: 'incumbent', language: 'en' })),
  'sessions.get': read((r) => ({ id: r.session })),
  'sessions.list': readAll({ limit: 500 }),
  'sessions.kiosk': read((r) => ({ id: r.session })),
  'sessions.kioskState': readAll({}),
  'sessions.setLanguage': write((r) => ({ sessionId: r.session, language: 'en' })),
  'sessions.answer': write((r) => ({ sessionId: r.session, item: 'i1', value: 3, ms: 1000 })),
  'sessions.report': write((r) => ({ sessionId: r.session, event: { kind: 'focusLost', item: 'i1' } })),
  'sessions.finish': write((r) => ({ sessionId: r.session })),
  'sessions.handOver': write((r) => ({ sessionId: r.session, exitCode: '2468' })),
  'sessions.leave': write((r) => ({ sessionId: r.session, exitCode: '2468' })),
  'sessions.release': write((r) => ({ sessionId: r.session })),
  'invitations.create': write((r) => ({ personId: r.person, context: 'applicant', language: 'en' })),
  'invitations.export': read((r) => ({ id: r.session })),
  'invitations.import': write((r) => ({ contentBase64: base64('x'), fileName: 'answers.html', sessionId: r.session })),
  'pulse.surveys': readAll({}),
  'pulse.survey': readAll({ id: 'team-climate' }),
  'pulse.importSurvey': readAll({ contentBase64: base64('{}'), fileName: 'survey.json' }),
  'pulse.schedules': read((r) => ({ vesselId: r.vessel })),
  'pulse.schedule': write((r) => ({ vesselId: r.vessel, surveyId: 'team-climate', everyDays: 28, startOn: '2024-01-01' })),
  'pulse.archiveSchedule': write((r) => ({ id: r.pulseSchedule })),
  'pulse.start': write((r) => ({ scheduleId: r.pulseSchedule })),
  'pulse.results': read((r) => ({ vesselId: r.vessel, surveyId: 'team-climate' })),
  'campaigns.create': organisation({ name: 'Everyone', target: { kind: 'people', personIds: ['someone'] }, what: { kind: 'pulse', surveyId: 'wellbeing', anonymous: true }, dueOn: '2099-01-01' }),
  'campaigns.list': readAll({}),
  'campaigns.get': readAll({ id: 'no-such-campaign' }),
  'profiles.get': read((r) => ({ id: r.result })),
  'profiles.history': read((r) => ({ personId: r.person, instrumentId: 'ipip-neo-120' })),
  'profiles.pdf': read((r) => ({ id: r.result })),

  'requisitions.list': readAll({}),
  'requisitions.get': read((r) => ({ id: r.requisition })),
  'requisitions.defaults': read((r) => ({ positionId: r.position })),
  'requisitions.create': write((r) => ({ positionId: r.position, title: 'Deckhand', startDate: '2030-01-01', rotation: null, salaryMin: null, salaryMax: null, currency: null, requirements })),
  'requisitions.update': write((r) => ({ id: r.requisition, title: 'Deckhand', startDate: '2030-01-01', rotation: null, salaryMin: null, salaryMax: null, currency: null, requirements })),
  'requisitions.move': write((r) => ({ id: r.requisition, status: 'paused' })),
  'requisitions.figures': readAll({}),
  'applications.list': read((r) => ({ requisitionId: r.requisition })),
  'applications.create': write((r) => ({ requisitionId: r.requisition, personId: r.person, source: 'referral' })),
  'applications.move': write((r) => ({ id: r.application, stage: 'contacted' })),
  'applications.history': read((r) => ({ id: r.application })),
  'applications.hire': write((r) => ({ id: r.application })),
  'interviews.list': read((r) => ({ applicationId: r.application })),
  'interviews.guide': read((r) => ({ applicationId: r.application, kind: 'screening' })),
  'interviews.interviewers': read((r) => ({ applicationId: r.application })),
  'interviews.schedule': write((r, f) => ({ applicationId: r.application, kind: 'screening', mode: 'video', interviewers: [f.owner], localTime: '2030-01-01T10:00', timeZone: 'UTC', durationMinutes: 30 })),
  'interviews.move': write((r) => ({ id: r.interview, status: 'cancelled' })),
  'feedback.submit': write((r) => ({ interviewId: r.interview, overall: 4, recommendation: 'hire' })),
  'feedback.summary': read((r) => ({ id: r.application })),
  'notes.list': read((r) => ({ id: r.application })),
  'notes.add': write((r) => ({ applicationId: r.application, body: 'A note' })),
  'notifications.list': readAll({}),
  'notifications.markRead': readAll({ ids: [], read: true }),
  'people.duplicates': read((r) => ({ personId: r.candidate })),
  'people.merge': write((r, f) => ({ keepId: f.a.person, mergeId: r.person })),
  'candidates.profile': read((r) => ({ id: r.candidate })),
  'candidates.saveProfile': write((r) => ({ personId: r.person, languageLevels: {}, smoker: null, visibleTattoos: null, drivingLicence: null, summary: null, references: [] })),
  'cv.pdf': read((r) => ({ personId: r.person })),
  'cv.markdown': read((r) => ({ personId: r.person })),

  'sync.status': organisation({}),
  'sync.enrol': organisation({ serverUrl: 'https://sync.example.org', code: 'ABCD-EFGH', name: 'Laptop' }),
  'sync.now': organisation({}),
  'sync.setInterval': organisation({ minutes: 15 }),
  'sync.conflicts': organisation({}),
  'sync.reverse': organisation({ id: 1 }),
  'shares.directory': organisation({}),
  'shares.list': organisation({}),
  'shares.create': organisation({ personId: 'p-1', toOrgId: 'org-2' }),
  'shares.revoke': organisation({ id: 'share-1' }),
  'shares.received': organisation({}),

  'audit.search': readAll({ limit: 500 }),
  // Another vessel's record has an empty history (not NOT_FOUND): the history is a narrowed list.
  'audit.history': { kind: 'read', input: (r) => ({ table: 'people', rowId: r.person }), namesRecords: false },
  'audit.verify': organisation({}),

  'auth.state': account({}),
  'auth.createOwner': account({ username: 'another-owner', displayName: 'Another Owner', password: 'another-password-1' }),
  'auth.login': account(CAPTAIN),
  'auth.logout': account({}),
  'auth.me': account({}),
  'auth.lock': account({}),
  'auth.unlock': account({ password: CAPTAIN.password }),
  'auth.changePassword': account({ currentPassword: 'not-the-password', newPassword: 'never-set-password-1' }),
  'auth.recover': account({ recoveryCode: 'NOT-A-RECOVERY-CODE', newPassword: 'never-set-password-1' }),
  'auth.setIdleLock': account({ minutes: 15 }),
  'users.list': organisation({}),
  'users.create': organisation({ username: 'made-by-captain', displayName: 'Made', role: 'owner', scope: { vesselIds: null, department: null }, password: 'made-password-1' }),
  'users.update': organisation({ id: 'user-of-nobody', role: 'owner' }),
  'users.resetPassword': organisation({ id: 'user-of-nobody', newPassword: 'reset-password-1' }),
  'users.remove': organisation({ id: 'user-of-nobody' }),
  'users.restore': organisation({ id: 'user-of-nobody' }),
};
