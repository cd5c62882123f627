import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Department } from '../../../shared/domain/crew';
import type {
  ApplicationStage,
  InterviewStatus,
  LanguageLevel,
  NotificationKind,
  Priority,
  Recommendation,
  RequisitionStatus,
} from '../../../shared/recruitment/pipeline';
import { idColumn, timestampColumns } from '../columns';
import { assignments, people, positions, vessels } from './fleet';

/**
 * Recruitment (docs/recruitment.md): requisitions for a position, applications moving through stages, the first
 * submission of a candidate to a vessel, interviews with their feedback, notes, notifications, and the facts of a
 * yacht CV that the crew record does not hold.
 */

export interface RequisitionRequirements {
  certificates: string[];
  minYearsAtSea: number | null;
  languages: string[];
  visas: string[];
}

export const requisitions = sqliteTable(
  'requisitions',
  {
    id: idColumn(),
    positionId: text('position_id')
      .notNull()
      .references(() => positions.id),
    title: text('title').notNull(),
    department: text('department').$type<Department>().notNull(),
    startDate: text('start_date').notNull(),
    rotationWeeksOn: integer('rotation_weeks_on'),
    rotationWeeksOff: integer('rotation_weeks_off'),
    /** Per month, in whole units of the currency. */
    salaryMin: integer('salary_min'),
    salaryMax: integer('salary_max'),
    currency: text('currency'),
    places: integer('places').notNull(),
    requirements: text('requirements', { mode: 'json' }).$type<RequisitionRequirements>().notNull(),
    status: text('status').$type<RequisitionStatus>().notNull(),
    openedAt: text('opened_at'),
    /** When it left the open and paused states (filled, closed or cancelled). */
    endedAt: text('ended_at'),
    createdBy: text('created_by').notNull(),
    ...timestampColumns(),
  },
  (t) => [index('requisitions_status').on(t.status, t.startDate)],
);

export const applications = sqliteTable(
  'applications',
  {
    id: idColumn(),
    requisitionId: text('requisition_id')
      .notNull()
      .references(() => requisitions.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    stage: text('stage').$type<ApplicationStage>().notNull(),
    /** Where the candidate came from (an agency, a referral, a crew house, a job board, direct). */
    source: text('source').notNull(),
    /** The agency that puts the candidate forward; null when the yacht hires directly. */
    agency: text('agency'),
    exitReason: text('exit_reason'),
    offerStartDate: text('offer_start_date'),
    offerRotationWeeksOn: integer('offer_rotation_weeks_on'),
    offerRotationWeeksOff: integer('offer_rotation_weeks_off'),
    offerSalary: integer('offer_salary'),
    assignmentId: text('assignment_id').references(() => assignments.id),
    stageChangedAt: text('stage_changed_at').notNull(),
    placedAt: text('placed_at'),
    ...timestampColumns(),
  },
  (t) => [
    uniqueIndex('applications_live_candidate').on(t.requisitionId, t.personId).where(sql`${t.archivedAt} IS NULL`),
    index('applications_person').on(t.personId),
  ],
);

/** Every stage change of an application, append-only: the history, and the figures' source. */
export const applicationMoves = sqliteTable(
  'application_moves',
  {
    id: idColumn(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    fromStage: text('from_stage').$type<ApplicationStage>(),
    toStage: text('to_stage').$type<ApplicationStage>().notNull(),
    reason: text('reason'),
    movedBy: text('moved_by').notNull(),
    ...timestampColumns(),
  },
  (t) => [index('application_moves_application').on(t.applicationId, t.createdAt)],
);

/** The first time a candidate was put forward to a vessel, by whom: agencies' placement fees turn on it. Never changed. */
export const vesselSubmissions = sqliteTable(
  'vessel_submissions',
  {
    id: idColumn(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    vesselId: text('vessel_id')
      .notNull()
      .references(() => vessels.id),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    agency: text('agency'),
    submittedAt: text('submitted_at').notNull(),
    submittedBy: text('submitted_by').notNull(),
    ...timestampColumns(),
  },
  (t) => [index('vessel_submissions_first').on(t.personId, t.vesselId, t.submittedAt)],
);

/**
 * An interviewer of an interview: the user account (its id) and the name it had when scheduled. Accounts are
 * local to each computer (docs/security.md#accounts-and-sign-in), so the name travels with the interview and is
 * what another computer shows; `userId` is null for an interviewer typed by name before accounts existed.
 */
export interface InterviewerRef {
  userId: string | null;
  name: string;
}

export const interviews = sqliteTable(
  'interviews',
  {
    id: idColumn(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    /** The interviewers; rows written before accounts may still hold plain names (read by interviewers.ts). */
    interviewers: text('interviewers', { mode: 'json' }).$type<Array<InterviewerRef | string>>().notNull(),
    /** The start as an instant (UTC) and the time zone it was set in, shown back in that zone. */
    startsAt: text('starts_at').notNull(),
    timeZone: text('time_zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    location: text('location'),
    questions: text('questions', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status').$type<InterviewStatus>().notNull(),
    ...timestampColumns(),
  },
  (t) => [index('interviews_application').on(t.applicationId), index('interviews_time').on(t.status, t.startsAt)],
);

export const interviewFeedback = sqliteTable(
  'interview_feedback',
  {
    id: idColumn(),
    interviewId: text('interview_id')
      .notNull()
      .references(() => interviews.id),
    /** The author's name when they gave it (what another computer shows: accounts do not travel). */
    interviewer: text('interviewer').notNull(),
    /** The author's account, the signed-in user who gave it; null for feedback recorded by name before accounts. */
    interviewerId: text('interviewer_id'),
    ratings: text('ratings', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    overall: integer('overall').notNull(),
    recommendation: text('recommendation').$type<Recommendation>().notNull(),
    strengths: text('strengths'),
    concerns: text('concerns'),
    ...timestampColumns(),
  },
  // Once per interviewer: per account, or per name for feedback recorded before accounts.
  (t) => [uniqueIndex('interview_feedback_once').on(t.interviewId, sql`(CASE WHEN ${t.interviewerId} IS NULL THEN lower(${t.interviewer}) ELSE ${t.interviewerId} END)`)],
);

export const applicationNotes = sqliteTable(
  'application_notes',
  {
    id: idColumn(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').notNull(),
    /** A private note is shown to its author only. */
    visibility: text('visibility').notNull(),
    body: text('body').notNull(),
    author: text('author').notNull(),
    /** The author's account; null for notes written before accounts (their private notes match by name). */
    authorId: text('author_id'),
    ...timestampColumns(),
  },
  (t) => [index('application_notes_application').on(t.applicationId, t.createdAt)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: idColumn(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The record it is about: an app route such as `/recruitment/application/ID`. */
    link: text('link').notNull(),
    /** The vessel and the person it concerns, so an inbox can be narrowed to whom a user may see. */
    vesselId: text('vessel_id').references(() => vessels.id),
    personId: text('person_id').references(() => people.id),
    /** One notification per event: a reminder or an expiry found again is not raised twice. */
    eventKey: text('event_key').notNull(),
    readAt: text('read_at'),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('notifications_event').on(t.eventKey), index('notifications_inbox').on(t.readAt, t.createdAt)],
);

export interface CvReference {
  name: string;
  role: string;
  vessel: string | null;
  contact: string | null;
}

/** What a yacht CV carries beyond the crew record: language levels, smoker, tattoos, licence, references. */
export const candidateProfiles = sqliteTable('candidate_profiles', {
  id: idColumn(),
  personId: text('person_id')
    .notNull()
    .unique()
    .references(() => people.id),
  languageLevels: text('language_levels', { mode: 'json' }).$type<Record<string, LanguageLevel>>().notNull(),
  smoker: integer('smoker', { mode: 'boolean' }),
  visibleTattoos: integer('visible_tattoos', { mode: 'boolean' }),
  drivingLicence: text('driving_licence'),
  summary: text('summary'),
  references: text('references', { mode: 'json' }).$type<CvReference[]>().notNull(),
  ...timestampColumns(),
});
