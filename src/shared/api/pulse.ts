import { z } from 'zod';
import { DEPARTMENTS } from '../domain/crew';
import { pulseSurveySchema } from '../questionnaires';
import { assessmentContextSchema } from './assessment-fields';
import { archivedFilterSchema, byIdSchema, idSchema, isoDateSchema, requiredText } from './fields';
import { exitCodeSchema, progressStates, sessionKinds, sessionModes, sessionSummarySchema } from './sessions';
import { procedure } from './procedure';

/** Pulse surveys and campaigns (docs/questionnaires.md#pulse-surveys, #campaigns). */
export const pulseSurveySummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  construct: z.string(),
  items: z.number().int(),
  languages: z.array(z.string()),
  sources: z.array(z.string()),
  everyDays: z.number().int(),
  builtin: z.boolean(),
});

export const pulseScheduleSchema = z.object({
  id: z.string(),
  vesselId: z.string(),
  vesselName: z.string(),
  surveyId: z.string(),
  surveyTitle: z.string(),
  everyDays: z.number().int(),
  startOn: z.string(),
  anonymous: z.boolean(),
  /** The round under way today: its first and last day. */
  round: z.object({ from: z.string(), to: z.string() }),
  archivedAt: z.string().nullable(),
});
export type PulseSchedule = z.infer<typeof pulseScheduleSchema>;

const figureSchema = z.object({ n: z.number().int(), mean: z.number().nullable(), sd: z.number().nullable(), withheld: z.string().nullable() });

export const pulseResultsSchema = z.object({
  vessel: z.object({ id: z.string(), name: z.string() }),
  survey: pulseSurveySummarySchema,
  anonymous: z.boolean(),
  minimum: z.number().int(),
  /** Rounds, oldest first: the vessel's figure and, where it does not narrow below the minimum, by department. */
  rounds: z.array(z.object({ period: z.string(), vessel: figureSchema, departments: z.array(figureSchema.extend({ group: z.string() })) })),
});
export type PulseResults = z.infer<typeof pulseResultsSchema>;

export const campaignTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('crew'), vesselId: idSchema, department: z.enum(DEPARTMENTS).optional() }),
  z.object({ kind: z.literal('people'), personIds: z.array(idSchema).min(1, 'Choose at least one person').max(500) }),
]);

export const campaignWhatSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assessment'), instrumentId: z.string().min(1).max(100), context: assessmentContextSchema }),
  z.object({ kind: z.literal('pulse'), surveyId: z.string().min(1).max(40), anonymous: z.boolean().default(true) }),
]);

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(sessionKinds),
  mode: z.enum(sessionModes),
  instrumentId: z.string(),
  instrumentName: z.string(),
  language: z.string(),
  dueOn: z.string(),
  anonymous: z.boolean(),
  counts: z.record(z.enum(progressStates), z.number().int()),
  members: z.array(z.object({ personId: z.string().nullable(), personName: z.string().nullable(), sessionId: z.string(), progress: z.enum(progressStates) })),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const pulseProcedures = {
  'pulse.surveys': procedure('The pulse surveys: those shipped with the app and edited versions imported', z.object({}).default({}), z.array(pulseSurveySummarySchema)),
  'pulse.survey': procedure('One pulse survey definition (the newest version of that id)', byIdSchema, pulseSurveySchema),
  'pulse.importSurvey': procedure(
    'Import an edited pulse survey definition (JSON) as a new version; problems are named by field',
    z.object({ contentBase64: z.string().max(200_000, 'The file is too large'), fileName: z.string().max(255).optional() }),
    pulseSurveySummarySchema,
  ),
  'pulse.schedules': procedure('Pulse surveys scheduled on vessels, with the round under way', z.object({ vesselId: idSchema.optional(), archived: archivedFilterSchema }), z.array(pulseScheduleSchema)),
  'pulse.schedule': procedure(
    'Schedule a pulse survey on a vessel every so many days from a first day, anonymous or named',
    z.object({ vesselId: idSchema, surveyId: z.string().min(1).max(40), everyDays: z.number().int().min(7, 'At least every 7 days').max(92, 'At most every 92 days'), startOn: isoDateSchema, anonymous: z.boolean().default(true) }),
    pulseScheduleSchema,
  ),
  'pulse.archiveSchedule': procedure('Stop a pulse schedule (its answers stay)', byIdSchema, pulseScheduleSchema),
  'pulse.start': procedure(
    "Start a pulse survey at the kiosk for a schedule's round under way: for whoever is aboard (anonymous) or a named person",
    z.object({ scheduleId: idSchema, department: z.enum(DEPARTMENTS).optional(), personId: idSchema.optional(), language: z.string().min(2).max(20).default('en'), exitCode: exitCodeSchema.optional() }),
    sessionSummarySchema,
  ),
  'pulse.results': procedure(
    "A vessel's pulse results by round and department; anonymous figures only from 5 answers, never narrowed below",
    z.object({ vesselId: idSchema, surveyId: z.string().min(1).max(40) }),
    pulseResultsSchema,
  ),
  'campaigns.create': procedure(
    "Assign an instrument or a pulse survey to a vessel's crew, a department or chosen people, with a due date; each person gets a session (kiosk) or an invitation (remote)",
    z.object({ name: requiredText(200, 'Name the campaign'), target: campaignTargetSchema, what: campaignWhatSchema, mode: z.enum(sessionModes).default('kiosk'), language: z.string().min(2).max(20).default('en'), dueOn: isoDateSchema }),
    campaignSchema,
  ),
  'campaigns.list': procedure('Campaigns, newest first, with their counts', z.object({ archived: archivedFilterSchema }), z.array(campaignSchema.omit({ members: true }))),
  'campaigns.get': procedure('One campaign with each person: invited, in progress, completed or expired', byIdSchema, campaignSchema),
};
