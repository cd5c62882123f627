import { z } from 'zod';
import { populationSchema, responseRangeSchema } from '../psychometrics';

/**
 * `harmony team --json` (README: the `harmony team` command): exactly this shape, strict, full double precision,
 * null where a figure is undefined. The `team.analyzeFiles` procedure returns it and the CLI prints it.
 */
const num = z.number().nullable();

export const teamStatsSchema = z.strictObject({ n: z.number().int().nonnegative(), mean: num, sd: num, sdPop: num, min: num, max: num, range: num });
export type TeamStats = z.infer<typeof teamStatsSchema>;

export const severitySchema = z.enum(['info', 'notice', 'warning']);

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

/** A file's text as the CLI read it, with its name for messages. Never a path: the core reads no caller's files. */
const MAX_TEXT = 256 * 1024 * 1024;
export const textFileSchema = z.object({
  name: z.string().trim().min(1).max(255),
  text: z.string().max(MAX_TEXT, 'The file is too large (at most 256 MB)'),
});

export const teamFilesInputSchema = z.object({
  instrument: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('builtin'), id: z.string().min(1).max(100) }),
    z.object({ kind: z.literal('definition'), file: textFileSchema }),
    z.object({ kind: z.literal('keys'), file: textFileSchema }),
  ]),
  /** The response range: required with a keys file, an override otherwise (data coded 0–4, say). */
  range: responseRangeSchema.nullable().default(null),
  responses: textFileSchema,
  norms: textFileSchema.nullable().default(null),
  /** `id,team`: which respondent belongs to which team (a respondent may be in several teams). */
  teams: textFileSchema,
  respondents: populationSchema.default('unspecified'),
  allowNormMismatch: z.boolean().default(false),
});
export type TeamFilesInput = z.input<typeof teamFilesInputSchema>;
