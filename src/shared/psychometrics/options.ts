import { z } from 'zod';
import { populationSchema } from './norms';

/**
 * Cut-offs of the validity verdict. Every cut-off can be switched off with null. Defaults and the evidence
 * behind them are in docs/psychometrics.md#validity-verdict.
 */
const cutoff = (value: number) => z.number().finite().nullable().default(value);
const fraction = (value: number) => z.number().min(0).max(1).nullable().default(value);

export const validityThresholdsSchema = z
  .object({
    /** Share of items answered below which the answers are questionable / invalid. */
    answered: z.object({ questionable: fraction(0.8), invalid: fraction(0.5) }).prefault({}),
    /** Longest run of identical answers, as a share of the items (at least 4 items). Flag when ≥ cut-off. */
    longstring: z.object({ questionable: fraction(0.1), invalid: fraction(0.25) }).prefault({}),
    /** IRV as a share of the response range (max − min). Flag when below: little variation = straight-lining. */
    irv: z.object({ questionable: fraction(0.15), invalid: fraction(0.05) }).prefault({}),
    /** Mahalanobis D² above the χ² quantile (k df) at these confidences. Likert data are not normal: relative. */
    mahalanobis: z
      .object({ questionable: z.number().gt(0).lt(1).nullable().default(0.99), invalid: z.number().gt(0).lt(1).nullable().default(null) })
      .prefault({}),
    /**
     * Even-odd index (higher = less consistent; by facet when the instrument has facets). Flag when above. With
     * IPIP-NEO-120's 4-item facets each half is two items, so Johnson's .30 consistency rule (300 items) flags
     * too many attentive people; 0 means the halves do not agree at all.
     */
    evenOdd: z.object({ questionable: cutoff(0), invalid: cutoff(0.5) }).prefault({}),
    /** Psychometric synonyms (within-person r over highly correlated pairs). Flag when below. */
    psychSyn: z.object({ questionable: cutoff(0), invalid: cutoff(-0.3) }).prefault({}),
    /** Psychometric antonyms (attentive people are strongly negative). Flag when above. */
    psychAnt: z.object({ questionable: cutoff(0), invalid: cutoff(0.5) }).prefault({}),
    /** Response time (Huang et al. 2012): seconds per item below the threshold on average, or rushed pages. */
    responseTime: z
      .object({
        thresholdMs: z.number().positive().default(2000),
        pageSize: z.number().int().positive().default(10),
        /** Rushed pages (page time < threshold × items) from which the answers are questionable. */
        rushedPages: z.number().int().positive().nullable().default(1),
        /** Invalid when the whole questionnaire took less than threshold × items answered. */
        rushedOverall: z.boolean().default(true),
      })
      .prefault({}),
    /** This many questionable findings together make the verdict invalid. */
    questionableForInvalid: z.number().int().positive().nullable().default(3),
  })
  .prefault({});
export type ValidityThresholds = z.output<typeof validityThresholdsSchema>;
export type ValidityThresholdsInput = z.input<typeof validityThresholdsSchema>;

export const analysisOptionsSchema = z
  .object({
    /** careless::psychsyn critical value (|r| > critval, strict); psychant uses −critval. docs/psychometrics.md#5-careless-responding. */
    psychsynCritval: z.number().gt(0).lt(1).default(0.6),
    /** careless::mahad confidence for the χ² flag. docs/psychometrics.md#5-careless-responding. */
    mahadConfidence: z.number().gt(0).lt(1).default(0.99),
    /** Who answered: checked against the norm table's population (docs/psychometrics.md#2-scale-scores-and-norms). */
    respondents: populationSchema.default('unspecified'),
    /**
     * The fewest respondents Mahalanobis D² and psychometric synonyms and antonyms are computed from; null = the
     * default, max(100, 3 × items) (docs/psychometrics.md#5-careless-responding).
     */
    comparisonMinimum: z.number().int().min(2).nullable().default(null),
    /** Compare with a norm group of another population anyway (the result says so). */
    allowNormMismatch: z.boolean().default(false),
    thresholds: validityThresholdsSchema,
  })
  .prefault({});
export type AnalysisOptions = z.output<typeof analysisOptionsSchema>;
export type AnalysisOptionsInput = z.input<typeof analysisOptionsSchema>;
