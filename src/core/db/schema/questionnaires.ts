import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AssessmentContext } from '../../../shared/api/assessment-fields';
import type { Department } from '../../../shared/domain/crew';
import type { ProctoringKind, PulseSurvey, Severity } from '../../../shared/questionnaires';
import { idColumn, timestampColumns } from '../columns';
import { people, vessels } from './fleet';

/**
 * Questionnaires taken in the app (docs/questionnaires.md): a session per person and questionnaire, answered in
 * the kiosk or through a remote invitation; every answer stored as it is given; proctoring events; campaigns;
 * pulse survey schedules and their answers.
 */
export type SessionKind = 'assessment' | 'pulse';
export type SessionMode = 'kiosk' | 'remote';
export type SessionStatus = 'open' | 'paused' | 'finished';

export const questionnaireSessions = sqliteTable(
  'questionnaire_sessions',
  {
    id: idColumn(),
    kind: text('kind').$type<SessionKind>().notNull(),
    mode: text('mode').$type<SessionMode>().notNull(),
    /** Null only for a pulse survey taken at the kiosk by whoever is aboard. */
    personId: text('person_id').references(() => people.id),
    /** An instrument key (assessment) or a pulse survey id. */
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    language: text('language').notNull(),
    context: text('context').$type<AssessmentContext>(),
    /** Item ids in presentation order. */
    items: text('items', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status').$type<SessionStatus>().notNull().default('open'),
    /** Items on one screen in the kiosk: 1 or 10. */
    pageSize: integer('page_size').notNull().default(1),
    /** scrypt of the exit code the operator set (salt and hash, never the code), null when not handed over. */
    exitCodeHash: text('exit_code_hash'),
    kioskLocked: integer('kiosk_locked', { mode: 'boolean' }).notNull().default(false),
    pauses: integer('pauses').notNull().default(0),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    dueOn: text('due_on'),
    resultId: text('result_id'),
    campaignId: text('campaign_id'),
    /** A pulse survey's vessel, department and round (the round's first day). */
    vesselId: text('vessel_id').references(() => vessels.id),
    department: text('department').$type<Department>(),
    period: text('period'),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    /** A remote invitation's own HMAC key (base64); its answers file is signed with it. */
    invitationKey: text('invitation_key'),
    importedAt: text('imported_at'),
    ...timestampColumns(),
  },
  (t) => [
    index('questionnaire_sessions_person').on(t.personId, t.createdAt),
    index('questionnaire_sessions_campaign').on(t.campaignId),
    // At most one session holds the kiosk.
    uniqueIndex('questionnaire_sessions_kiosk').on(t.kioskLocked).where(sql`${t.kioskLocked} = 1`),
  ],
);

/** One answer per item, written as it is given; going back and answering again replaces it. */
export const sessionAnswers = sqliteTable(
  'session_answers',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => questionnaireSessions.id),
    item: text('item').notNull(),
    value: integer('value').notNull(),
    /** Time on the item in milliseconds, added up over every visit. */
    ms: integer('ms').notNull(),
    answeredAt: text('answered_at').notNull(),
    revisions: integer('revisions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.item] })],
);

export const proctoringEvents = sqliteTable(
  'proctoring_events',
  {
    id: idColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => questionnaireSessions.id),
    kind: text('kind').$type<ProctoringKind>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    at: text('at').notNull(),
    item: text('item'),
    detail: text('detail').notNull(),
  },
  (t) => [index('proctoring_events_session').on(t.sessionId, t.at)],
);

/** An instrument or pulse survey assigned to people with a due date; each person gets a session. */
export const campaigns = sqliteTable('campaigns', {
  id: idColumn(),
  name: text('name').notNull(),
  kind: text('kind').$type<SessionKind>().notNull(),
  mode: text('mode').$type<SessionMode>().notNull(),
  instrumentId: text('instrument_id').notNull(),
  language: text('language').notNull(),
  context: text('context').$type<AssessmentContext>(),
  vesselId: text('vessel_id').references(() => vessels.id),
  department: text('department').$type<Department>(),
  anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
  dueOn: text('due_on').notNull(),
  ...timestampColumns(),
});

/** A pulse survey on a vessel every so many days, from a first day; anonymous or named. */
export const pulseSchedules = sqliteTable(
  'pulse_schedules',
  {
    id: idColumn(),
    vesselId: text('vessel_id')
      .notNull()
      .references(() => vessels.id),
    surveyId: text('survey_id').notNull(),
    everyDays: integer('every_days').notNull(),
    startOn: text('start_on').notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(true),
    ...timestampColumns(),
  },
  (t) => [index('pulse_schedules_vessel').on(t.vesselId)],
);

/**
 * One completed pulse survey. Anonymous answers carry no person, no session and no time: the id is random and
 * the key of the table, so neither the id nor the order rows are stored in tells who answered when; `period`
 * is the round (shared by everyone who answered in it).
 */
export const pulseResponses = sqliteTable(
  'pulse_responses',
  {
    id: integer('id').primaryKey(),
    surveyId: text('survey_id').notNull(),
    surveyVersion: text('survey_version').notNull(),
    vesselId: text('vessel_id')
      .notNull()
      .references(() => vessels.id),
    department: text('department').$type<Department>(),
    period: text('period').notNull(),
    /** Null in anonymous mode. */
    personId: text('person_id').references(() => people.id),
    answers: text('answers', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    /** The mean of the answered statements after reverse keying, 1–5. */
    mean: real('mean').notNull(),
  },
  (t) => [index('pulse_responses_vessel').on(t.vesselId, t.surveyId, t.period)],
);

/** An edited pulse survey imported as a new version; the shipped ones are read from resources/pulse. */
export const pulseSurveys = sqliteTable(
  'pulse_surveys',
  {
    id: idColumn(),
    key: text('key').notNull(),
    version: text('version').notNull(),
    definition: text('definition', { mode: 'json' }).$type<PulseSurvey>().notNull(),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('pulse_surveys_version').on(t.key, t.version)],
);
