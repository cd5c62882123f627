import { z } from 'zod';
import { populationSchema } from '../psychometrics';
import { textFileSchema } from './fields';
import { analyzeInputSchema } from './psychometrics';

/**
 * `harmony team --json` (docs/team-dynamics.md#9-harmony-team): exactly this shape, strict, full double precision,
 * null where a figure is undefined. The `team.analyzeFiles` procedure returns it and the CLI prints it.
 */
const num = z.number().nullable();

export const teamStatsSchema = z.strictObject({ n: z.number().int().nonnegative(), mean: num, sd: num, sdPop: num, min: num, max: num, range: num });
export type TeamStats = z.infer<typeof teamStatsSchema>;

export const INSIGHT_SEVERITIES = ['info', 'notice', 'warning'] as const;
export type InsightSeverity = (typeof INSIGHT_SEVERITIES)[number];
export const severitySchema = z.enum(INSIGHT_SEVERITIES);

export const insightEvidenceSchema = z.strictObject({
  /** The figure in a captain's words. */
  figure: z.string(),
  value: num,
  threshold: num,
  research: z.string().nullable(),
  /** Members the figure rests on, and the share of the group with a valid result. */
  n: z.number().int().nonnegative(),
  validShare: num,
  /** Members it names (ids). */
  members: z.array(z.string()),
});

export const teamReportEntrySchema = z.strictObject({
  members: z.array(z.string()),
  scales: z.record(z.string(), z.strictObject({ raw: teamStatsSchema, z: teamStatsSchema.nullable() })),
  memberFit: z.array(z.strictObject({ id: z.string(), distance: num, profileR: num })),
  harmony: z
    .strictObject({
      score: z.number().min(0).max(100),
      version: z.string(),
      components: z.array(z.strictObject({ id: z.string(), value: z.number(), weight: z.number(), contribution: z.number(), source: z.string() })),
    })
    .nullable(),
  diagnosis: z.array(z.strictObject({ id: z.string(), severity: severitySchema, message: z.string(), evidence: insightEvidenceSchema })),
});
export const teamReportSchema = z.strictObject({ teams: z.record(z.string(), teamReportEntrySchema) });
export type TeamReport = z.infer<typeof teamReportSchema>;

/**
 * `harmony team`'s data: the data part of `psychometrics.analyze` (instrument, responses, norms, range — files as
 * bytes, decoded strictly by the core) and the `id,team` file. Never a path: the core reads no caller's files.
 */
export const teamFilesInputSchema = analyzeInputSchema.pick({ instrument: true, responses: true, norms: true, range: true }).extend({
  /** `id,team`: which respondent belongs to which team (a respondent may be in several teams). */
  teams: textFileSchema,
  respondents: populationSchema.default('unspecified'),
  allowNormMismatch: z.boolean().default(false),
});
export type TeamFilesInput = z.input<typeof teamFilesInputSchema>;
