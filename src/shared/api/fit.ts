import { z } from 'zod';
import { DEPARTMENTS, VESSEL_USES } from '../domain/crew';
import { coefficientsSchema, LEAVE_REASONS, PREDICTORS, SEA_SERVICE_KINDS, SUB_SCORES, traitRangeSchema, VISA_KINDS } from '../fit/model';
import { byIdSchema, idSchema, isoDateSchema, optionalIsoDateSchema, optionalText, requiredText } from './fields';
import { procedure } from './procedure';
import { domainWords } from '../words/domain';
import { inSentence } from '../words/text';

/**
 * Candidate fit, success prediction and what-if (issue 13; docs/fit-and-prediction.md). Everything here is
 * advisory: every ranking, prediction and what-if is logged with who, when, the model and the inputs.
 */
const num = z.number().nullable();
const bySubScore = <T extends z.ZodType>(schema: T) => z.object(Object.fromEntries(SUB_SCORES.map((s) => [s, schema])) as Record<(typeof SUB_SCORES)[number], T>);
const byPredictor = <T extends z.ZodType>(schema: T) => z.object(Object.fromEntries(PREDICTORS.map((s) => [s, schema])) as Record<(typeof PREDICTORS)[number], T>);

export const weightsInputSchema = z.object(
  Object.fromEntries(SUB_SCORES.map((s) => [s, z.number({ message: `Give the weight of ${inSentence(domainWords.subScores[s])} as a number` })])) as Record<(typeof SUB_SCORES)[number], z.ZodNumber>,
);

/** How a ranking is weighted: a preset by name, or weights given directly (normalised to add up to 1). */
const weighting = {
  preset: z.string().trim().min(1).max(60).default('balanced'),
  weights: weightsInputSchema.optional(),
};

export const subScoreSchema = z.object({
  name: z.enum(SUB_SCORES),
  score: num,
  confidence: z.number(),
  strengths: z.array(z.string()),
  gaps: z.array(z.string()),
  notes: z.array(z.string()),
});

export const predictionSchema = z.object({
  probability: z.number(),
  logit: z.number(),
  factors: byPredictor(num),
  terms: byPredictor(z.number()),
  confidence: z.number(),
  notes: z.array(z.string()),
  model: z.string(),
});
export type PredictionView = z.infer<typeof predictionSchema>;

export const fitCandidateSchema = z.object({
  personId: z.string(),
  name: z.string(),
  score: num,
  subScores: bySubScore(num),
  contributions: bySubScore(num),
  confidence: z.number(),
  confidenceNotes: z.array(z.string()),
  strengths: z.array(z.string()),
  gaps: z.array(z.string()),
  parts: z.array(subScoreSchema),
  harmonyDelta: num,
  percentile: num,
  place: z.number().int().nullable(),
  prediction: predictionSchema,
});
export type FitCandidate = z.infer<typeof fitCandidateSchema>;

const positionRefSchema = z.object({
  id: z.string(),
  vesselId: z.string(),
  vessel: z.string(),
  title: z.string(),
  department: z.enum(DEPARTMENTS),
  startDate: z.string(),
  tourEnd: z.string(),
  required: z.array(z.string()),
  profile: z.string(),
  head: z.string().nullable(),
  crew: z.number().int(),
});

export const modelSummarySchema = z.object({ id: z.string(), version: z.string(), n: z.number().int(), events: z.number().int(), fittedAt: z.string().nullable(), shipped: z.boolean() });
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const rankingSchema = z.object({
  position: positionRefSchema,
  preset: z.string(),
  weights: bySubScore(z.number()),
  threshold: z.number(),
  limit: z.number().int().nullable(),
  considered: z.number().int(),
  scored: z.number().int(),
  model: modelSummarySchema,
  candidates: z.array(fitCandidateSchema),
  logId: z.string(),
  advisory: z.string(),
});
export type Ranking = z.infer<typeof rankingSchema>;

/** Whether a ranking was shown on screen or exported (the advisory log says which). */
export const RANK_CHANNELS = ['screen', 'export'] as const;
const channel = z.enum(RANK_CHANNELS).default('screen');

export const rankInputSchema = z.object({
  positionId: idSchema,
  ...weighting,
  threshold: z.number().default(0),
  limit: z.number().int().min(1).max(10_000).nullable().default(50),
  asOf: isoDateSchema.optional(),
  /** The planned start (the day the ranking is for by default). */
  startDate: isoDateSchema.optional(),
  channel,
});

const presetSchema = z.object({ name: z.string(), label: z.string(), weights: bySubScore(z.number()), why: z.string().nullable(), shipped: z.boolean() });
export type FitPreset = z.infer<typeof presetSchema>;

export const DECISION_KINDS = ['shortlisted', 'not-taken-forward', 'interview', 'offered', 'hired'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
const decisionKinds = DECISION_KINDS;

/** What the advisory log records as shown or exported. */
export const ADVISORY_ACTIONS = ['ranking shown', 'ranking exported', 'explanation shown', 'matches shown', 'what-if shown', 'best swaps shown', 'decision basis recorded'] as const;
export type AdvisoryAction = (typeof ADVISORY_ACTIONS)[number];
/** Columns the advisory log sorts by, in the core (it shows a page at a time). */
export const LOG_SORTS = ['when', 'action', 'operator', 'model', 'shown'] as const;
export type LogSort = (typeof LOG_SORTS)[number];

/** The fleet's trait profiles compared between departments or between positions. */
export const ANOVA_GROUPINGS = ['department', 'position'] as const;
/** What a what-if does to each person: stays in the crew, leaves it or joins it. */
export const CREW_CHANGES = ['stays', 'leaves', 'joins'] as const;
/** What best single swaps are ranked by: the change in crew harmony or in predicted success. */
export const SWAP_RANKINGS = ['harmony', 'success'] as const;
/** Sea service served on this fleet's vessels (from assignments) or recorded by hand. */
export const SEA_SERVICE_SOURCES = ['fleet', 'recorded'] as const;

export const decisionSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  positionId: z.string(),
  positionTitle: z.string(),
  vessel: z.string(),
  decision: z.enum(decisionKinds),
  note: z.string(),
  basis: z.record(z.string(), z.unknown()),
  logId: z.string().nullable(),
  decidedBy: z.string(),
  createdAt: z.string(),
});

export const logEntrySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  action: z.enum(ADVISORY_ACTIONS),
  operator: z.string(),
  device: z.string(),
  model: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  shown: z.array(z.unknown()),
});

export const fitProcedures = {
  'fit.settings': procedure(
    'The presets (shipped and saved), cruising areas, visa and sea-service kinds, reasons for leaving and the active prediction model',
    z.object({}).default({}),
    z.object({
      presets: z.array(presetSchema),
      areas: z.array(z.object({ id: z.string(), label: z.string(), why: z.string() })),
      model: modelSummarySchema,
      versions: z.object({ presets: z.string(), scoring: z.string(), profiles: z.string(), prediction: z.string(), areas: z.string() }),
    }),
  ),
  'fit.positions': procedure(
    'Every live position across the fleet with its vacancies on a date, open ones first: where candidates are needed',
    z.object({ asOf: isoDateSchema.optional() }).default({}),
    z.array(z.object({ id: z.string(), vesselId: z.string(), vessel: z.string(), department: z.enum(DEPARTMENTS), title: z.string(), headcount: z.number().int(), current: z.number().int(), planned: z.number().int(), vacancies: z.number().int() })),
  ),
  'fit.rank': procedure('Candidates for a position ranked by FitScore, each explained, with predicted success (advisory; logged)', rankInputSchema, rankingSchema),
  'fit.explain': procedure(
    "One candidate's FitScore for a position, every part explained, with predicted success and their decisions so far (advisory; logged)",
    z.object({ positionId: idSchema, personId: idSchema, ...weighting, asOf: isoDateSchema.optional(), startDate: isoDateSchema.optional() }),
    z.object({ position: positionRefSchema, preset: z.string(), weights: bySubScore(z.number()), candidate: fitCandidateSchema, model: modelSummarySchema, logId: z.string(), advisory: z.string() }),
  ),
  'fit.matches': procedure(
    "Reverse matching: the open positions across the fleet ranked for one person, with the same explanations (advisory; logged)",
    z.object({ personId: idSchema, ...weighting, asOf: isoDateSchema.optional() }),
    z.object({
      person: z.object({ id: z.string(), name: z.string() }),
      preset: z.string(),
      weights: bySubScore(z.number()),
      model: modelSummarySchema,
      matches: z.array(z.object({ position: positionRefSchema, vacancies: z.number().int(), candidate: fitCandidateSchema, among: z.number().int() })),
      logId: z.string(),
      advisory: z.string(),
    }),
  ),
  'fit.savePreset': procedure(
    'Save weights under a name (replaces earlier weights of that name)',
    z.object({ name: z.string().trim().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and hyphens, starting with a letter'), label: requiredText(60, 'Give the weights a name people read'), weights: weightsInputSchema }),
    presetSchema,
  ),
  'fit.archivePreset': procedure('Remove saved weights by name (the shipped presets stay)', z.object({ name: z.string().min(1).max(60) }), z.object({ archived: z.boolean() })),
  'fit.profiles': procedure(
    'Trait profiles of the fleet’s position titles: target ranges in SD from the norm, each with its reason, shipped or edited',
    z.object({}).default({}),
    z.object({
      version: z.string(),
      sources: z.array(z.string()),
      profiles: z.array(z.object({ title: z.string(), department: z.enum(DEPARTMENTS).nullable(), ranges: z.array(traitRangeSchema), source: z.string(), editedBy: z.string().nullable(), editedAt: z.string().nullable(), edits: z.number().int() })),
    }),
  ),
  'fit.saveProfile': procedure('Save edited target ranges for a position title (a new version; the shipped one stays available)', z.object({ title: requiredText(60, 'Give the title'), ranges: z.array(traitRangeSchema).min(1).max(10) }), z.object({ title: z.string(), source: z.string() })),
  'fit.resetProfile': procedure('Go back to the shipped profile for a position title', z.object({ title: requiredText(60, 'Give the title') }), z.object({ title: z.string(), source: z.string() })),
  'fit.anova': procedure(
    "Do the fleet's trait profiles differ between departments or positions? A one-way ANOVA per domain on crew in post",
    z.object({ by: z.enum(ANOVA_GROUPINGS).default('department'), asOf: isoDateSchema.optional() }),
    z.object({
      by: z.enum(ANOVA_GROUPINGS),
      asOf: z.string(),
      domains: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          result: z.object({ groups: z.array(z.object({ label: z.string(), n: z.number().int(), mean: z.number(), sd: num })), n: z.number().int(), dfBetween: z.number().int(), dfWithin: z.number().int(), f: z.number(), p: z.number(), etaSquared: z.number() }).nullable(),
          reason: z.string().nullable(),
        }),
      ),
      people: z.number().int(),
    }),
  ),
  'fit.whatIf': procedure(
    'A vessel’s crew with people removed, added or swapped: every team figure, FitScore and prediction before and after (advisory; logged)',
    z.object({
      vesselId: idSchema,
      asOf: isoDateSchema.optional(),
      remove: z.array(idSchema).max(100).default([]),
      add: z.array(z.object({ personId: idSchema, positionId: idSchema })).max(100).default([]),
      ...weighting,
    }),
    z.object({
      vessel: z.object({ id: z.string(), name: z.string() }),
      asOf: z.string(),
      harmony: z.object({ before: num, after: num, delta: num, bandBefore: z.string().nullable(), bandAfter: z.string().nullable(), noteBefore: z.string().nullable(), noteAfter: z.string().nullable() }),
      components: z.array(z.object({ id: z.string(), label: z.string(), before: num, after: num })),
      scales: z.array(z.object({ id: z.string(), name: z.string(), before: z.object({ mean: num, sd: num, min: num }), after: z.object({ mean: num, sd: num, min: num }) })),
      people: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          positionTitle: z.string(),
          change: z.enum(CREW_CHANGES),
          fitBefore: num,
          fitAfter: num,
          successBefore: num,
          successAfter: num,
        }),
      ),
      insights: z.object({ before: z.number().int(), after: z.number().int(), added: z.array(z.string()), resolved: z.array(z.string()) }),
      logId: z.string(),
      advisory: z.string(),
    }),
  ),
  'fit.swaps': procedure(
    'Best single swaps on a vessel: every candidate × crew member ranked by the change in harmony or predicted success (a task, in the worker pool; advisory; logged)',
    z.object({ vesselId: idSchema, asOf: isoDateSchema.optional(), sortBy: z.enum(SWAP_RANKINGS).default('harmony'), limit: z.number().int().min(1).max(500).default(25) }),
    z.object({
      vessel: z.object({ id: z.string(), name: z.string() }),
      asOf: z.string(),
      evaluated: z.number().int(),
      crew: z.number().int(),
      candidates: z.number().int(),
      harmonyBefore: num,
      swaps: z.array(z.object({ memberId: z.string(), memberName: z.string(), candidateId: z.string(), candidateName: z.string(), positionTitle: z.string(), harmonyAfter: num, harmonyDelta: num, successIn: z.number(), successOut: num, successDelta: num })),
      logId: z.string(),
      advisory: z.string(),
    }),
  ),
  'fit.log': procedure(
    'The advisory log: every ranking, match list, prediction and what-if shown or exported, newest first or by a column',
    z
      .object({
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(200).default(50),
        personId: idSchema.optional(),
        sort: z.enum(LOG_SORTS).default('when'),
        descending: z.boolean().default(true),
      })
      .default({ offset: 0, limit: 50, sort: 'when', descending: true }),
    z.object({ total: z.number().int(), entries: z.array(logEntrySchema) }),
  ),
  'fit.decide': procedure(
    'Record a decision taken on a ranking for a person and position, with its basis (the figures shown) and a reason',
    z.object({ personId: idSchema, positionId: idSchema, decision: z.enum(decisionKinds), note: requiredText(1000, 'Say why, in a sentence: the person has a right to an explanation'), logId: idSchema.optional(), ...weighting, asOf: isoDateSchema.optional() }),
    decisionSchema,
  ),
  'fit.decisions': procedure('Decisions taken about a person, or on a position, with their basis', z.object({ personId: idSchema.optional(), positionId: idSchema.optional() }), z.array(decisionSchema)),
};

export const seaServiceSchema = z.object({
  id: z.string(),
  personId: z.string(),
  vesselName: z.string(),
  lengthM: num,
  grossTonnage: num,
  use: z.enum(VESSEL_USES).nullable(),
  department: z.enum(DEPARTMENTS),
  positionTitle: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  kind: z.enum(SEA_SERVICE_KINDS),
  source: z.enum(SEA_SERVICE_SOURCES),
});
export type SeaServiceEntry = z.infer<typeof seaServiceSchema>;

export const seaServiceInputSchema = z
  .object({
    personId: idSchema,
    vesselName: requiredText(100, 'Enter the vessel’s name'),
    lengthM: z.number({ message: 'Enter the length in metres' }).positive('More than 0 m').max(200, 'At most 200 m').nullish().transform((v) => v ?? null),
    grossTonnage: z.number({ message: 'Enter the gross tonnage' }).positive('More than 0').max(50_000, 'At most 50,000 GT').nullish().transform((v) => v ?? null),
    use: z.enum(VESSEL_USES, { message: 'Choose private, charter or both' }).nullish().transform((v) => v ?? null),
    department: z.enum(DEPARTMENTS, { message: 'Choose a department' }),
    positionTitle: requiredText(60, 'Enter the position held'),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    kind: z.enum(SEA_SERVICE_KINDS, { message: 'Choose the kind of service' }),
  })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: 'The end date is before the start date' });
export type SeaServiceInput = z.input<typeof seaServiceInputSchema>;

export const visaSchema = z.object({ id: z.string(), personId: z.string(), kind: z.enum(VISA_KINDS), expiresOn: z.string().nullable(), note: z.string().nullable() });
export const visaInputSchema = z.object({ personId: idSchema, kind: z.enum(VISA_KINDS, { message: 'Choose the kind of visa' }), expiresOn: optionalIsoDateSchema, note: optionalText(200) });
export type VisaInput = z.input<typeof visaInputSchema>;

export const outcomeSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  personId: z.string(),
  personName: z.string(),
  vessel: z.string(),
  positionTitle: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  completed: z.boolean(),
  leaveReason: z.enum(LEAVE_REASONS).nullable(),
  note: z.string().nullable(),
  rating: z.number().int().nullable(),
  wouldRehire: z.boolean().nullable(),
  success: z.boolean(),
  factors: byPredictor(num),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const outcomeInputSchema = z
  .object({
    assignmentId: idSchema,
    completed: z.boolean({ message: 'Say whether the contract was completed' }),
    leaveReason: z.enum(LEAVE_REASONS).nullish().transform((v) => v ?? null),
    note: optionalText(1000),
    rating: z.number().int('A whole number').min(1, 'From 1').max(5, 'To 5').nullish().transform((v) => v ?? null),
    wouldRehire: z.boolean().nullish().transform((v) => v ?? null),
  })
  .refine((v) => v.completed || v.leaveReason !== null, { path: ['leaveReason'], message: 'Say why they left early' });
export type OutcomeInput = z.input<typeof outcomeInputSchema>;

export const predictionModelSchema = z.object({
  id: z.string(),
  version: z.string(),
  shipped: z.boolean(),
  active: z.boolean(),
  coefficients: coefficientsSchema,
  n: z.number().int(),
  events: z.number().int(),
  fit: z.record(z.string(), z.unknown()),
  author: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type PredictionModel = z.infer<typeof predictionModelSchema>;

export const fitRecordProcedures = {
  'seaService.list': procedure("A person's sea service: their assignments in this fleet and the service recorded elsewhere", byIdSchema, z.array(seaServiceSchema)),
  'seaService.add': procedure('Record sea service (a vessel, position, dates and kind of service)', seaServiceInputSchema, seaServiceSchema),
  'seaService.archive': procedure('Remove a recorded sea-service entry (it is archived, not deleted)', byIdSchema, seaServiceSchema),
  'visas.list': procedure("A person's visas with their expiry", byIdSchema, z.array(visaSchema)),
  'visas.add': procedure('Record a visa a person holds', visaInputSchema, visaSchema),
  'visas.archive': procedure('Remove a visa (it is archived, not deleted)', byIdSchema, visaSchema),
  'outcomes.list': procedure(
    'Outcomes of ended assignments, and ended assignments still without one',
    z.object({ vesselId: idSchema.optional() }).default({}),
    z.object({ outcomes: z.array(outcomeSchema), pending: z.array(z.object({ assignmentId: z.string(), personId: z.string(), personName: z.string(), vessel: z.string(), positionTitle: z.string(), startDate: z.string(), endDate: z.string() })) }),
  ),
  'outcomes.record': procedure('Record how an ended assignment went (completed or left early and why, rating, would rehire)', outcomeInputSchema, outcomeSchema),
  'outcomes.archive': procedure('Withdraw a recorded outcome (archived, not deleted)', byIdSchema, z.object({ archived: z.boolean() })),
  'models.list': procedure('Prediction models: the shipped research defaults and those fitted to this fleet’s outcomes, with their data and fit', z.object({}).default({}), z.object({ models: z.array(predictionModelSchema), usable: z.number().int(), needed: z.number().int(), events: z.number().int(), nonEvents: z.number().int() })),
  'models.recalibrate': procedure("Fit the prediction model to this fleet's recorded outcomes by logistic regression (refused while there are too few)", z.object({}).default({}), predictionModelSchema),
  'models.activate': procedure('Choose the prediction model in use', byIdSchema, predictionModelSchema),
};
