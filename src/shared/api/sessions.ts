import { z } from 'zod';
import { DEPARTMENTS } from '../domain/crew';
import { proctoringEventSchema, reportedEventSchema } from '../questionnaires';
import { assessmentContextSchema, DEFAULT_INSTRUMENT_ID } from './assessment-fields';
import { base64Length, byIdSchema, idSchema, isoDateSchema } from './fields';
import { procedure } from './procedure';

/**
 * Questionnaires taken in the app (docs/questionnaires.md): sessions answered at the kiosk or through a remote
 * invitation, every answer stored as it is given.
 */
export const sessionKinds = ['assessment', 'pulse'] as const;
export const sessionModes = ['kiosk', 'remote'] as const;
export const sessionStatuses = ['open', 'paused', 'finished'] as const;
/** Where a person stands in a campaign (expired: the due date passed before they finished). */
export const progressStates = ['invited', 'inProgress', 'completed', 'expired'] as const;
export type ProgressState = (typeof progressStates)[number];
export type SessionKind = (typeof sessionKinds)[number];
export type SessionMode = (typeof sessionModes)[number];
export type SessionStatus = (typeof sessionStatuses)[number];

const languageSchema = z.string().trim().min(2, 'Choose a language').max(20);

/**
 * The exit code the operator sets when handing the laptop over: needed to leave or pause the kiosk. Stored only
 * as a scrypt hash (docs/questionnaires.md#the-kiosk).
 */
export const exitCodeSchema = z.string().min(4, 'The exit code needs at least 4 characters').max(64, 'At most 64 characters');

export const sessionSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(sessionKinds),
  mode: z.enum(sessionModes),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  instrumentVersion: z.string(),
  language: z.string(),
  context: assessmentContextSchema.nullable(),
  status: z.enum(sessionStatuses),
  progress: z.enum(progressStates),
  answered: z.number().int(),
  items: z.number().int(),
  kioskLocked: z.boolean(),
  pauses: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  dueOn: z.string().nullable(),
  resultId: z.string().nullable(),
  campaignId: z.string().nullable(),
  vesselId: z.string().nullable(),
  department: z.enum(DEPARTMENTS).nullable(),
  anonymous: z.boolean(),
  importedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** What the person answering sees: the questionnaire in the chosen language and where they are in it. */
export const kioskViewSchema = z.object({
  session: sessionSummarySchema,
  /** Given names only: the screen greets the person, and shows nobody else. */
  greeting: z.string().nullable(),
  title: z.string(),
  languages: z.array(z.object({ id: z.string(), name: z.string() })),
  instructions: z.array(z.string()),
  range: z.object({ min: z.number().int(), max: z.number().int() }),
  labels: z.array(z.string()),
  pageSize: z.number().int(),
  items: z.array(z.object({ id: z.string(), text: z.string() })),
  answers: z.record(z.string(), z.number().int()),
  /** Index into `items` of the first item without an answer; null when all are answered. */
  next: z.number().int().nullable(),
});
export type KioskView = z.infer<typeof kioskViewSchema>;

export const sessionListInputSchema = z.object({
  personId: idSchema.optional(),
  campaignId: idSchema.optional(),
  status: z.enum(sessionStatuses).optional(),
  kind: z.enum(sessionKinds).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

const startFields = {
  language: languageSchema.default('en'),
  /** Set to hand the laptop over at once: the kiosk then holds the screen until the operator enters it. */
  exitCode: exitCodeSchema.optional(),
  pageSize: z.union([z.literal(1), z.literal(10)]).default(1),
  dueOn: isoDateSchema.optional(),
};

export const sessionProcedures = {
  'sessions.start': procedure(
    'Start a questionnaire for a person: an instrument, a language and who they are (applicant or crew in post); with an exit code the kiosk holds the screen',
    z.object({ personId: idSchema, instrumentId: z.string().min(1).max(100).default(DEFAULT_INSTRUMENT_ID), context: assessmentContextSchema, ...startFields }),
    sessionSummarySchema,
  ),
  'sessions.get': procedure('One session: who, what, how far, its proctoring events and result', byIdSchema, sessionSummarySchema.extend({ events: z.array(proctoringEventSchema) })),
  'sessions.list': procedure('Sessions, newest first, by person, campaign, status or kind', sessionListInputSchema, z.array(sessionSummarySchema)),
  'sessions.kiosk': procedure('What the kiosk shows of a session: items in its language, answers so far, the next unanswered item', byIdSchema, kioskViewSchema),
  'sessions.kioskState': procedure('The session that holds the kiosk, if any (the app opens on it until the operator leaves it)', z.object({}).default({}), z.object({ sessionId: z.string().nullable() })),
  'sessions.setLanguage': procedure(
    'Change the language of a session before its first answer',
    z.object({ sessionId: idSchema, language: languageSchema }),
    sessionSummarySchema,
  ),
  'sessions.answer': procedure(
    'Store one answer as it is given (item id as the instrument names it, value in its range, time on the item in ms); refused for a finished session',
    z.object({ sessionId: idSchema, item: z.string().min(1).max(100), value: z.number({ message: 'Give the answer as a number' }), ms: z.number().int().min(0).max(86_400_000) }),
    z.object({ answered: z.number().int(), items: z.number().int(), next: z.number().int().nullable() }),
  ),
  'sessions.report': procedure(
    'Record a proctoring event the kiosk saw (focus lost, idle, paste, synthetic input); the core decides its severity',
    z.object({ sessionId: idSchema, event: reportedEventSchema }),
    proctoringEventSchema,
  ),
  'sessions.finish': procedure(
    'Finish a session: every item answered, scored in the worker pool and stored as a snapshot; a pulse survey is stored as its answers',
    z.object({ sessionId: idSchema }),
    z.object({ resultId: z.string().nullable(), sessionId: z.string() }),
  ),
  'sessions.handOver': procedure(
    'Hand the laptop over for a session that is not finished: the kiosk holds the screen until the exit code is entered',
    z.object({ sessionId: idSchema, exitCode: exitCodeSchema, pageSize: z.union([z.literal(1), z.literal(10)]).optional() }),
    sessionSummarySchema,
  ),
  'sessions.leave': procedure(
    'Leave the kiosk with the exit code; an unfinished session is paused and can be resumed later',
    z.object({ sessionId: idSchema, exitCode: z.string().max(64) }),
    sessionSummarySchema,
  ),
  'sessions.release': procedure(
    'Let go of the kiosk without the exit code (an unfinished session is paused); the operator only, e.g. from `harmony kiosk release` when the code is forgotten',
    z.object({ sessionId: idSchema }),
    sessionSummarySchema,
  ),
  'invitations.create': procedure(
    'A remote invitation for a person: the questionnaire in one language, exported as one HTML file that works offline',
    z.object({ personId: idSchema, instrumentId: z.string().min(1).max(100).default(DEFAULT_INSTRUMENT_ID), context: assessmentContextSchema, language: languageSchema.default('en'), dueOn: isoDateSchema.optional() }),
    sessionSummarySchema,
  ),
  'invitations.export': procedure(
    "An invitation's questionnaire as one self-contained HTML file (its items and language only, its own key)",
    byIdSchema,
    z.object({ fileName: z.string(), html: z.string() }),
  ),
  'invitations.import': procedure(
    'Import the answers file a candidate sent back: checked against its invitation and its key, refused whole when altered, for another invitation or version, out of range, or already imported',
    z.object({
      contentBase64: z.string().max(base64Length(4 * 1024 * 1024), 'The file is too large (at most 4 MB)'),
      fileName: z.string().max(255).optional(),
      /** The invitation the file is expected to answer: a file of another invitation is refused. */
      sessionId: idSchema.optional(),
    }),
    z.object({ sessionId: z.string(), resultId: z.string().nullable(), personName: z.string().nullable() }),
  ),
};
