import { z } from 'zod';
import { carelessReportSchema, indexNotComputedSchema, populationSchema, responseTimeReportSchema, validityReasonSchema, verdictSchema } from '../psychometrics';
import {
  assessmentContextSchema,
  assessmentSettingsSchema,
  DEFAULT_INSTRUMENT_ID,
  groupingSchema,
  normDescriptionSchema,
  normRefSchema,
  storedComparisonSchema,
  storedScaleScoreSchema,
} from './assessment-fields';
import { proctoringEventSchema } from '../questionnaires';
import { archivedFilterSchema, byIdSchema, csvFileSchema, idSchema, recordStamps } from './fields';
import { importProblemSchema } from './people';
import { procedure } from './procedure';

export * from './assessment-fields';

/** How a row of a responses file was matched to a person: by the person's id, e-mail or name. */
export const MATCH_KINDS = ['id', 'email', 'name'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** A responses CSV for people already in the database, with how to read it (issue 3 §3 import). */
export const resultsImportInputSchema = csvFileSchema.extend({
  instrumentId: z.string().min(1).default(DEFAULT_INSTRUMENT_ID),
  /** Chosen by the user for the whole file: applicants or crew in post (docs/psychometrics.md#2-scale-scores-and-norms). */
  context: assessmentContextSchema,
  /** The norm the results open on; null = none chosen yet. */
  normRef: normRefSchema.nullable().default(null),
});
export type ResultsImportInput = z.input<typeof resultsImportInputSchema>;

export const resultsImportReportSchema = z.object({
  /** When present, nothing can be imported (encoding, header, columns that are not the instrument's items). */
  fileProblems: z.array(importProblemSchema),
  rows: z.number().int().nonnegative(),
  validRows: z.number().int().nonnegative(),
  rowProblems: z.array(importProblemSchema),
  preview: z.array(
    z.object({
      line: z.number().int(),
      personId: z.string(),
      personName: z.string(),
      matchedBy: z.enum(MATCH_KINDS),
      takenOn: z.string(),
      answered: z.number().int(),
    }),
  ),
});
export type ResultsImportReport = z.infer<typeof resultsImportReportSchema>;

export const resultRowSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  takenOn: z.string(),
  context: assessmentContextSchema,
  answered: z.number().int(),
  items: z.number().int(),
  /** The verdict the result was given when it was scored: it never changes. */
  verdict: verdictSchema,
  reasons: z.number().int(),
  /** Questionable only because no group was large enough to check it for random answering: no sign of careless answering. */
  unchecked: z.boolean(),
  /** The verdict under the validity rules in force now, from the stored indices: a view beside the one given. */
  currentVerdict: verdictSchema,
  archivedAt: z.string().nullable(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

/** Columns the results list sorts by, in the core (it shows a page at a time). */
export const RESULT_LIST_SORTS = ['takenOn', 'person', 'context', 'answered', 'verdict'] as const;
export type ResultListSort = (typeof RESULT_LIST_SORTS)[number];

export const resultListInputSchema = z.object({
  /** Words of the person's name or e-mail, each matching the start of one, any case and accents (as the crew list). */
  search: z.string().trim().max(200).default(''),
  personId: idSchema.optional(),
  context: assessmentContextSchema.optional(),
  /** The verdict the results were given. */
  verdict: verdictSchema.optional(),
  /** Only results whose verdict under the current validity rules differs from the one they were given. */
  verdictChanged: z.boolean().default(false),
  archived: archivedFilterSchema,
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Newest first unless another column is chosen; ties go newest first. */
  sort: z.enum(RESULT_LIST_SORTS).default('takenOn'),
  descending: z.boolean().default(true),
});
export type ResultListInput = z.input<typeof resultListInputSchema>;

const namedScoreSchema = storedScaleScoreSchema.extend({ id: z.string(), name: z.string() });

export const resultDetailSchema = z.object({
  ...recordStamps,
  personId: z.string(),
  personName: z.string(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  instrumentVersion: z.string(),
  takenOn: z.string(),
  context: assessmentContextSchema,
  answered: z.number().int(),
  items: z.number().int(),
  scales: z.array(namedScoreSchema),
  facets: z.array(namedScoreSchema.extend({ scale: z.string() })),
  careless: carelessReportSchema,
  responseTime: responseTimeReportSchema.nullable(),
  verdict: verdictSchema,
  reasons: z.array(validityReasonSchema),
  /** Questionable only because no group was large enough to check it for random answering: no sign of careless answering. */
  unchecked: z.boolean(),
  /** Indices switched on that had no value for this person, and why. */
  notComputed: z.array(indexNotComputedSchema),
  /** Who Mahalanobis D² and psychometric synonyms compared the person with; null for results stored before it was kept. */
  comparison: storedComparisonSchema.nullable(),
  /** The verdict and reasons under the validity rules in force now (a view: the stored verdict never changes). */
  currentVerdict: verdictSchema,
  currentReasons: z.array(validityReasonSchema),
  normRef: normRefSchema.nullable(),
  batchSize: z.number().int(),
  sourceFile: z.string().nullable(),
  /** A questionnaire taken in the app: how it was taken, in words, and its proctoring events; null for an import. */
  session: z.object({ id: z.string(), taken: z.string(), language: z.string(), engineVersion: z.string(), proctoring: z.array(proctoringEventSchema) }).nullable(),
});
export type ResultDetail = z.infer<typeof resultDetailSchema>;

/** placed: scores against the norm; belowMinimum: the local group is too small; mismatch: another population. */
export const PLACEMENT_STATUSES = ['placed', 'belowMinimum', 'mismatch'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

const placedScoreSchema = z.object({ id: z.string(), name: z.string(), mean: z.number().nullable(), z: z.number().nullable(), t: z.number().nullable(), percentile: z.number().nullable() });

export const normPlacementSchema = z.object({
  norm: normDescriptionSchema,
  /**
   * placed: scores against the norm; belowMinimum: the local group is too small (no percentiles); mismatch: the
   * norm describes another population and mixing was not asked for
   * (docs/psychometrics.md#2-scale-scores-and-norms).
   */
  status: z.enum(PLACEMENT_STATUSES),
  /** Why there are no scores, or what a person must know about them (mixing, missing rows). */
  messages: z.array(z.string()),
  /** True when the result was compared with norms of another population because the user asked for it. */
  mixed: z.boolean(),
  scales: z.array(placedScoreSchema),
  facets: z.array(placedScoreSchema.extend({ scale: z.string() })),
});
export type NormPlacement = z.infer<typeof normPlacementSchema>;

export const normOptionSchema = z.object({ ref: normRefSchema, norm: normDescriptionSchema, sameFor: z.boolean(), sufficient: z.boolean() });
export type NormOption = z.infer<typeof normOptionSchema>;

export const localGroupSchema = z.object({
  group: z.string(),
  population: populationSchema,
  n: z.number().int(),
  sufficient: z.boolean(),
  message: z.string().nullable(),
  scales: z.array(z.object({ scale: z.string(), name: z.string(), n: z.number().int(), mean: z.number().nullable(), sd: z.number().nullable() })),
});
export type LocalGroup = z.infer<typeof localGroupSchema>;

export const assessmentProcedures = {
  'assessments.importPreview': procedure(
    'Check a responses CSV against people in the database without storing anything: a per-row report',
    resultsImportInputSchema,
    resultsImportReportSchema,
  ),
  'assessments.import': procedure(
    'Score the valid rows of a responses CSV in the worker pool and store them in one transaction (a task: progress, cancellable)',
    resultsImportInputSchema,
    z.object({
      imported: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
      batchId: z.string(),
      report: resultsImportReportSchema,
      /** What the analysis of the batch says a person should know (no synonym pairs found, dropped items…). */
      notices: z.array(z.string()),
    }),
  ),
  'assessments.list': procedure(
    'Stored results filtered by person, context, verdict and archive state, newest first, a page at a time',
    resultListInputSchema,
    z.object({ total: z.number().int().nonnegative(), rows: z.array(resultRowSchema) }),
  ),
  'assessments.get': procedure('One stored result with its scores, careless indices and validity reasons', byIdSchema, resultDetailSchema),
  'assessments.archive': procedure('Archive a result (it can be restored)', byIdSchema, resultRowSchema),
  'assessments.restore': procedure('Restore an archived result', byIdSchema, resultRowSchema),
  'assessments.normOptions': procedure(
    'The norms a result can be placed against: imported tables and its local groups, each with its population',
    byIdSchema,
    z.array(normOptionSchema),
  ),
  'assessments.place': procedure(
    'Place a result against a norm: z, T and percentile, or why not (group below the minimum, another population)',
    z.object({ id: idSchema, norm: normRefSchema, allowMixing: z.boolean().default(false) }),
    normPlacementSchema,
  ),
  'assessments.localGroups': procedure(
    'Local norm groups from the latest valid result per person: by position, department or applicants vs incumbents',
    z.object({ instrumentId: z.string().min(1).default(DEFAULT_INSTRUMENT_ID), by: groupingSchema, minGroupSize: z.number().int().min(2).optional() }),
    z.object({ by: groupingSchema, minGroupSize: z.number().int(), results: z.number().int(), excludedInvalid: z.number().int(), groups: z.array(localGroupSchema) }),
  ),
  'assessments.settings': procedure('The validity cut-offs and the minimum local group size', z.object({}).default({}), assessmentSettingsSchema),
  'assessments.updateSettings': procedure('Change the validity cut-offs or the minimum local group size', assessmentSettingsSchema, assessmentSettingsSchema),
};
