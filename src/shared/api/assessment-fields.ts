import { z } from 'zod';
import { groupings, populationSchema, validityThresholdsSchema } from '../psychometrics';
import { idSchema } from './fields';

/** The instrument an import scores with unless another is chosen. */
export const DEFAULT_INSTRUMENT_ID = 'ipip-neo-120';

/**
 * Who answered a stored questionnaire. Applicants describe themselves more favourably than crew in post
 * (Birkeland et al. 2006, docs/psychometrics.md#2-scale-scores-and-norms), so every result carries it and norms are
 * matched on it.
 */
export const assessmentContexts = ['applicant', 'incumbent'] as const;
export const assessmentContextSchema = z.enum(assessmentContexts, { message: 'Choose who answered: applicants or crew in post' });
export type AssessmentContext = z.infer<typeof assessmentContextSchema>;

/** A scale score as stored: the mean of answered items and the sum when complete (docs/psychometrics.md#2-scale-scores-and-norms). */
export const storedScaleScoreSchema = z.object({ mean: z.number().nullable(), sum: z.number().nullable() });
export type StoredScaleScore = z.infer<typeof storedScaleScoreSchema>;

/** How local norm groups are formed from stored results (issue 3 §3). */
export const groupingSchema = z.enum(groupings);

/** The norm a result is placed against: an imported table, or a local group computed from stored results. */
export const normRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), id: idSchema }),
  z.object({ kind: z.literal('local'), by: groupingSchema, group: z.string().min(1).max(200), population: assessmentContextSchema }),
]);
export type NormRef = z.infer<typeof normRefSchema>;

/**
 * Who Mahalanobis D² and psychometric synonyms and antonyms compared a stored result with: `size` people (the
 * batch, plus `reference` stored results when the batch alone was too small), against the `minimum` they need.
 */
export const storedComparisonSchema = z.object({ size: z.number().int(), minimum: z.number().int(), reference: z.number().int() });
export type StoredComparison = z.infer<typeof storedComparisonSchema>;

export const DEFAULT_MIN_GROUP_SIZE = 30;

/**
 * Settings of the assessments screen: the validity cut-offs (defaults and their evidence in
 * docs/psychometrics.md#validity-verdict) and the smallest local group that yields percentiles (default 30:
 * docs/psychometrics.md#2-scale-scores-and-norms).
 */
export const assessmentSettingsSchema = z.object({
  minGroupSize: z
    .number({ message: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(2, 'A group needs at least 2 people for a standard deviation')
    .max(100_000, 'At most 100000')
    .default(DEFAULT_MIN_GROUP_SIZE),
  thresholds: validityThresholdsSchema,
});
export type AssessmentSettings = z.output<typeof assessmentSettingsSchema>;
export type AssessmentSettingsInput = z.input<typeof assessmentSettingsSchema>;

/** A norm's identity wherever it is shown: the population kind is always explicit. */
/** Where a norm comes from: a table someone imported, or a group computed from stored results. */
export const NORM_ORIGINS = ['imported', 'local'] as const;
export type NormOrigin = (typeof NORM_ORIGINS)[number];

export const normDescriptionSchema = z.object({
  origin: z.enum(NORM_ORIGINS),
  label: z.string(),
  population: populationSchema,
  source: z.string(),
  n: z.number().int().nullable(),
});
export type NormDescription = z.infer<typeof normDescriptionSchema>;
