import { z } from 'zod';
import {
  analysisOptionsSchema,
  analysisReportSchema,
  instrumentDefinitionSchema,
  instrumentSummarySchema,
  normTableSchema,
  responseRangeSchema,
} from '../psychometrics';
import { procedure } from './procedure';

/** Respondents as rows of values in the order of `items` (the presentation order); null = unanswered. */
const responseTableSchema = z.object({
  items: z.array(z.string().min(1)).min(1),
  rows: z.array(z.object({ id: z.string().min(1), values: z.array(z.number().nullable()) })),
});

export const analyzeInputSchema = z.object({
  /** A built-in instrument id (see psychometrics.instruments) or a whole definition. */
  instrument: z.union([z.string().min(1), instrumentDefinitionSchema]),
  responses: responseTableSchema.extend({ rows: responseTableSchema.shape.rows.min(1, 'there are no respondents') }),
  /** Per item, in milliseconds (SPEC §6). */
  responseTimes: responseTableSchema.nullable().default(null),
  norms: normTableSchema.nullable().default(null),
  /** Overrides the instrument's response range (data coded 0–4, say). */
  range: responseRangeSchema.nullable().default(null),
  options: analysisOptionsSchema,
});

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
    analysisReportSchema.extend({ notices: z.array(z.string()) }),
  ),
};
