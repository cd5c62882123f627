import { z } from 'zod';
import {
  COMPETENCIES,
  INTERVIEW_KINDS,
  INTERVIEW_MODES,
  INTERVIEW_STATUSES,
  NOTE_KINDS,
  NOTE_VISIBILITIES,
  NOTIFICATION_KINDS,
  PRIORITIES,
  RECOMMENDATIONS,
} from '../recruitment/pipeline';
import { roleSchema } from '../auth/roles';
import { byIdSchema, idSchema, optionalText, recordStamps, requiredText } from './fields';
import { procedure } from './procedure';

/** Interviews, feedback, notes on applications and the notifications inbox (issue 16; docs/recruitment.md). */
const KNOWN_ZONES = new Set(Intl.supportedValuesOf('timeZone'));
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const interviewInputSchema = z.object({
  applicationId: idSchema,
  kind: z.enum(INTERVIEW_KINDS),
  mode: z.enum(INTERVIEW_MODES),
  /** User accounts (`interviews.interviewers` lists those who may take part). */
  interviewers: z.array(idSchema).min(1, 'Choose at least one interviewer').max(10, 'At most 10 interviewers'),
  /** The wall-clock time where the interview is held, with its zone. */
  localTime: z.string().trim().regex(LOCAL_TIME, 'Enter the time as YYYY-MM-DDTHH:MM'),
  timeZone: z
    .string()
    .trim()
    .refine((v) => v === 'UTC' || KNOWN_ZONES.has(v), { message: 'Choose a time zone such as Europe/Paris' }),
  durationMinutes: z.number({ message: 'Enter the duration in minutes' }).int('Whole minutes').min(5, 'At least 5 minutes').max(480, 'At most 8 hours'),
  location: optionalText(300),
  questions: z.array(requiredText(300, 'A question cannot be blank')).max(40).optional(),
});

export const interviewSchema = z.object({
  ...recordStamps,
  applicationId: z.string(),
  personId: z.string(),
  personName: z.string(),
  requisitionTitle: z.string(),
  vesselId: z.string(),
  vessel: z.string(),
  kind: z.enum(INTERVIEW_KINDS),
  mode: z.enum(INTERVIEW_MODES),
  interviewers: z.array(
    z.object({
      /** The account; null for a name typed before accounts existed. */
      userId: z.string().nullable(),
      /** The account's name on this computer, else the name it had when scheduled. */
      name: z.string(),
      /** Null when the account is not one of this computer's (accounts do not travel with sync) or was never one. */
      role: roleSchema.nullable(),
      /** Whether this interviewer's feedback is in. */
      gaveFeedback: z.boolean(),
    }),
  ),
  startsAt: z.string(),
  timeZone: z.string(),
  /** The start as it reads where the interview is held, "2026-12-03 10:00". */
  localTime: z.string(),
  durationMinutes: z.number().int(),
  location: z.string().nullable(),
  questions: z.array(z.string()),
  status: z.enum(INTERVIEW_STATUSES),
});
export type Interview = z.infer<typeof interviewSchema>;

export const feedbackInputSchema = z.object({
  interviewId: idSchema,
  ratings: z.partialRecord(z.enum(COMPETENCIES), z.number().int().min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5')).default({}),
  overall: z.number({ message: 'Give an overall rating' }).int().min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5'),
  recommendation: z.enum(RECOMMENDATIONS),
  strengths: optionalText(2000),
  concerns: optionalText(2000),
});

export const feedbackSchema = z.object({
  ...recordStamps,
  interviewId: z.string(),
  /** The author's name. */
  interviewer: z.string(),
  /** The author's account (null: recorded by name before accounts). */
  interviewerId: z.string().nullable(),
  ratings: z.record(z.string(), z.number()),
  overall: z.number().int(),
  recommendation: z.enum(RECOMMENDATIONS),
  strengths: z.string().nullable(),
  concerns: z.string().nullable(),
});

export const feedbackSummarySchema = z.object({
  count: z.number().int(),
  overall: z.number().nullable(),
  competencies: z.record(z.string(), z.number()),
  recommendations: z.object(Object.fromEntries(RECOMMENDATIONS.map((r) => [r, z.number().int()])) as Record<(typeof RECOMMENDATIONS)[number], z.ZodNumber>),
  entries: z.array(feedbackSchema),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

export const noteSchema = z.object({
  ...recordStamps,
  applicationId: z.string(),
  kind: z.enum(NOTE_KINDS),
  visibility: z.enum(NOTE_VISIBILITIES),
  body: z.string(),
  author: z.string(),
});

export const notificationSchema = z.object({
  ...recordStamps,
  kind: z.enum(NOTIFICATION_KINDS),
  priority: z.enum(PRIORITIES),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  readAt: z.string().nullable(),
});

export const interviewProcedures = {
  'interviews.list': procedure(
    'Interviews of an application, or every upcoming one, soonest first',
    z.object({ applicationId: idSchema.optional(), upcoming: z.boolean().default(false) }),
    z.array(interviewSchema),
  ),
  'interviews.guide': procedure(
    'A question guide for an interview of an application, drawn from its position (department, required certificates) and the kind of interview',
    z.object({ applicationId: idSchema, kind: z.enum(INTERVIEW_KINDS) }),
    z.object({ questions: z.array(z.string()) }),
  ),
  'interviews.interviewers': procedure(
    'The colleagues who may interview for an application: active accounts that give interview feedback and work on its vessel',
    z.object({ applicationId: idSchema }),
    z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
  ),
  'interviews.schedule': procedure(
    'Schedule an interview; the answer warns when an interviewer already has one at that time',
    interviewInputSchema,
    z.object({ interview: interviewSchema, warnings: z.array(z.string()) }),
  ),
  'interviews.move': procedure(
    'Change the status of an interview (scheduled → in progress → completed / cancelled / no-show)',
    z.object({ id: idSchema, status: z.enum(INTERVIEW_STATUSES) }),
    interviewSchema,
  ),
  'feedback.submit': procedure('Give one’s own feedback on an interview one is an interviewer of (once)', feedbackInputSchema, feedbackSchema),
  'feedback.summary': procedure('Every interviewer’s feedback on an application, and the figures across them', byIdSchema, feedbackSummarySchema),
  'notes.list': procedure('Notes on an application: shared ones, and your own private ones', byIdSchema, z.array(noteSchema)),
  'notes.add': procedure(
    'Write a note on an application (general, follow-up or red flag; private or shared)',
    z.object({ applicationId: idSchema, kind: z.enum(NOTE_KINDS).default('general'), visibility: z.enum(NOTE_VISIBILITIES).default('shared'), body: requiredText(4000, 'Write the note') }),
    noteSchema,
  ),
  'notifications.list': procedure(
    'The inbox: interview reminders, stage changes, feedback and certificates expiring before a start date, newest first',
    z.object({ unreadOnly: z.boolean().default(false) }),
    z.object({ items: z.array(notificationSchema), unread: z.number().int() }),
  ),
  'notifications.markRead': procedure(
    'Mark notifications read (or unread again)',
    z.object({ ids: z.array(idSchema).max(500), read: z.boolean().default(true) }),
    z.object({ changed: z.number().int() }),
  ),
};
