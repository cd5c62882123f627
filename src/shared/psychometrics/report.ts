import { z } from 'zod';

/**
 * The analysis report: exactly the shape `harmony analyze --json` prints (issue 3 §9). Figures that are
 * undefined (too few answers, zero variance, no norms) are null, never NaN. Strict objects, so a field that
 * drifts from the documented shape fails the contract check in tests.
 */
const num = z.number().nullable();

export const alphaFiguresSchema = z.strictObject({
  raw: num,
  std: num,
  g6: num,
  averageR: num,
  signalNoise: num,
  ase: num,
  medianR: num,
  varR: num,
});

export const itemStatsSchema = z.strictObject({
  item: z.string(),
  n: z.number().int(),
  mean: num,
  sd: num,
  rawR: num,
  stdR: num,
  rCor: num,
  rDrop: num,
  alphaIfDropped: z.strictObject({ raw: num, std: num, g6: num, averageR: num }),
});

export const reliabilitySchema = z.strictObject({
  items: z.number().int(),
  alpha: alphaFiguresSchema,
  omega: z.strictObject({ total: num, hierarchical: num }).nullable(),
  itemStats: z.array(itemStatsSchema),
});
export type ReliabilityReport = z.infer<typeof reliabilitySchema>;

export const scaleScoreSchema = z.strictObject({ mean: num, sum: num, z: num, t: num, percentile: num });

export const carelessReportSchema = z.strictObject({
  longstringMax: num,
  longstringAvg: num,
  irv: num,
  mahalanobis: num,
  mahalanobisFlag: z.boolean().nullable(),
  evenOdd: num,
  evenOddFacets: num,
  psychSyn: num,
  psychAnt: num,
});

export type CarelessReport = z.infer<typeof carelessReportSchema>;

export const responseTimeReportSchema = z.strictObject({
  totalSeconds: num,
  medianSeconds: num,
  itemsUnderThreshold: z.number().int(),
  pageTimeIndex: z.number().int(),
});

export const verdicts = ['valid', 'questionable', 'invalid'] as const;
export const verdictSchema = z.enum(verdicts);
export type Verdict = z.infer<typeof verdictSchema>;

/** The indices a verdict's reasons and its "not computed" list name (careless responding and response time). */
export const validityIndices = [
  'answered',
  'longstringMax',
  'irv',
  'mahalanobis',
  'evenOdd',
  'evenOddFacets',
  'psychSyn',
  'psychAnt',
  'comparisonGroup',
  'secondsPerItem',
  'pageTimeIndex',
  'proctoringCritical',
  'proctoringHigh',
  'proctoringMedium',
] as const;
export type ValidityIndex = (typeof validityIndices)[number];
export const validityIndexSchema = z.enum(validityIndices);

export const validityReasonSchema = z.strictObject({
  index: validityIndexSchema,
  value: z.number(),
  cutoff: z.number(),
  message: z.string(),
});
export type ValidityReason = z.infer<typeof validityReasonSchema>;

/** An index that is switched on but has no value for this person, and why (too small a group, no item pairs…). */
export const indexNotComputedSchema = z.strictObject({ index: validityIndexSchema, message: z.string() });
export type IndexNotComputed = z.infer<typeof indexNotComputedSchema>;

export const personReportSchema = z.strictObject({
  id: z.string(),
  answered: z.number().int(),
  scales: z.record(z.string(), scaleScoreSchema),
  facets: z.record(z.string(), scaleScoreSchema),
  careless: carelessReportSchema,
  responseTime: responseTimeReportSchema.nullable(),
  validity: z.strictObject({ verdict: verdictSchema, reasons: z.array(validityReasonSchema), notComputed: z.array(indexNotComputedSchema) }),
});
export type PersonReport = z.infer<typeof personReportSchema>;

export const analysisReportSchema = z.strictObject({
  instrument: z.strictObject({ id: z.string(), items: z.number().int(), min: z.number().int(), max: z.number().int() }),
  scales: z.record(z.string(), reliabilitySchema),
  facets: z.record(z.string(), reliabilitySchema),
  people: z.array(personReportSchema),
});
export type AnalysisReport = z.infer<typeof analysisReportSchema>;

/** A scale's or facet's line in the readable report: reliability with Feldt's interval and the total score. */
export const reliabilityLineSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  items: z.number().int(),
  /** Items left out for lack of variance. */
  dropped: z.array(z.string()),
  alpha: z.strictObject({ raw: num, std: num, g6: num, averageR: num }),
  feldt: z.strictObject({ lower: num, upper: num }),
  omegaTotal: num,
  total: z.strictObject({ mean: num, sd: num }),
});

const itemPairSchema = z.strictObject({ first: z.string(), second: z.string(), r: num });

/** What the readable report of an analysis adds to the JSON report (`harmony analyze` without --json). */
export const analysisSummarySchema = z.strictObject({
  /** The instrument's name, or its id. */
  title: z.string(),
  scales: z.array(reliabilityLineSchema),
  facets: z.array(reliabilityLineSchema),
  /** Psychometric synonyms and antonyms: how many pairs pass the critical value, and the strongest pairs. */
  pairs: z.strictObject({
    critval: z.number(),
    synonyms: z.number().int(),
    antonyms: z.number().int(),
    strongest: z.array(itemPairSchema),
    strongestNegative: z.array(itemPairSchema),
  }),
});
export type AnalysisSummary = z.infer<typeof analysisSummarySchema>;
