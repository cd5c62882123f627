import { z } from 'zod';
import {
  analysisOptionsSchema,
  analysisReportSchema,
  analysisSummarySchema,
  instrumentDefinitionSchema,
  instrumentSummarySchema,
  normTableSchema,
  responseRangeSchema,
} from '../psychometrics';
import { textFileSchema } from './fields';
import { procedure } from './procedure';

/** Respondents as rows of values in the order of `items` (the presentation order); null = unanswered. */
const responseTableSchema = z.object({
  items: z.array(z.string().min(1)).min(1),
  rows: z.array(z.object({ id: z.string().min(1), values: z.array(z.number().nullable()) })),
});

const fileOf = z.object({ file: textFileSchema });

export const analyzeInputSchema = z.object({
  /**
   * A built-in instrument id (see psychometrics.instruments), a whole definition, a definition file (JSON), or a
   * keys file (`item,scale,keyed[,facet]`, which needs `range`; the instrument is named after the file).
   */
  instrument: z.union([z.string().min(1), instrumentDefinitionSchema, z.object({ definitionFile: textFileSchema }), z.object({ keysFile: textFileSchema })]),
  /** As rows, or a responses CSV (`id`, then one column per item in presentation order). */
  responses: z.union([responseTableSchema.extend({ rows: responseTableSchema.shape.rows.min(1, 'there are no respondents') }), fileOf]),
  /** Per item, in milliseconds (docs/psychometrics.md#6-response-time): rows, or a CSV (`id`, then item columns). */
  responseTimes: z.union([responseTableSchema, fileOf]).nullable().default(null),
  /** A norm table, or its CSV (`scale,mean,sd[,n,source,label,population]`). */
  norms: z.union([normTableSchema, fileOf]).nullable().default(null),
  /** Overrides the instrument's response range (data coded 0–4, say). */
  range: responseRangeSchema.nullable().default(null),
  options: analysisOptionsSchema,
  /** What to add to the report: the figures of the readable summary, and one CSV row per respondent. */
  include: z.object({ summary: z.boolean().default(false), csv: z.boolean().default(false) }).default({ summary: false, csv: false }),
});
export type AnalyzeInput = z.input<typeof analyzeInputSchema>;

export const psychometricsProcedures = {
  'psychometrics.instruments': procedure('The built-in instruments, without item texts', z.object({}).default({}), z.array(instrumentSummarySchema)),
  'psychometrics.instrument': procedure(
    'One built-in instrument with its items, texts in every language and keys',
    z.object({ id: z.string().min(1) }),
    instrumentDefinitionSchema,
  ),
  'psychometrics.analyze': procedure(
    'Score responses and analyse reliability, careless responding, response time and validity (runs as a task)',
    analyzeInputSchema,
    // The report `harmony analyze --json` prints, plus what a person should know about the analysis.
    analysisReportSchema.extend({ notices: z.array(z.string()), summary: analysisSummarySchema.optional(), csv: z.string().optional() }),
  ),
};
