import { z } from 'zod';
import { DEPARTMENTS } from '../domain/crew';
import { verdictSchema } from '../psychometrics';
import { evidenceLevels, teamStatisticSchema, traitSchema, volatilityPartIds } from '../team/model';
import { assessmentContextSchema, DEFAULT_INSTRUMENT_ID, normDescriptionSchema, normRefSchema } from './assessment-fields';
import { idSchema, isoDateSchema } from './fields';
import { procedure } from './procedure';
import { insightEvidenceSchema, severitySchema, teamFilesInputSchema, teamReportSchema, teamStatsSchema } from './team-report';

export * from './team-report';

/**
 * Team dynamics of a vessel's crew (issue 11; docs/team-dynamics.md): composition, person–team fit, harmony,
 * volatility, rotation pairs and a diagnosis. Every figure is advisory.
 */

/** Whose figures: the crew in post on the date, those aboard that day by rotation, or one department. */
export const teamGroupSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('crew') }),
  z.object({ kind: z.literal('aboard') }),
  z.object({ kind: z.literal('department'), department: z.enum(DEPARTMENTS) }),
]);
export type TeamGroup = z.infer<typeof teamGroupSchema>;

/** The norm: the default choice (the same rule as the Assessments screen), none (raw scores only), or a named one. */
export const teamNormChoiceSchema = z.union([z.literal('default'), z.literal('none'), normRefSchema]);
export type TeamNormChoice = z.infer<typeof teamNormChoiceSchema>;

export const teamNormOptionSchema = z.object({ ref: normRefSchema, norm: normDescriptionSchema, sufficient: z.boolean() });
export type TeamNormOption = z.infer<typeof teamNormOptionSchema>;

const num = z.number().nullable();

export const teamMemberSchema = z.object({
  personId: z.string(),
  name: z.string(),
  positionTitle: z.string(),
  department: z.enum(DEPARTMENTS),
  aboard: z.boolean(),
  /** The latest result that is not invalid, or null (then `missingReason` says why). */
  result: z
    .object({
      id: z.string(),
      takenOn: z.string(),
      context: assessmentContextSchema,
      verdict: verdictSchema,
      /** Questionable only because too few results are stored to check it for random answering. */
      unchecked: z.boolean(),
    })
    .nullable(),
  missingReason: z.string().nullable(),
  /** Why this member has no score against the norm (another population's norms…), or null. */
  notPlaced: z.string().nullable(),
  /** Per domain, in the order of `domains`: raw mean and z (null where undefined). */
  raw: z.array(num),
  z: z.array(num),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

const scaleFiguresSchema = z.object({ id: z.string(), name: z.string(), raw: teamStatsSchema, z: teamStatsSchema.nullable() });

export const harmonyComponentSchema = z.object({
  id: z.string(),
  label: z.string(),
  trait: traitSchema,
  statistic: teamStatisticSchema,
  value: z.number(),
  n: z.number().int(),
  subScore: z.number(),
  weight: z.number(),
  contribution: z.number(),
  effect: num,
  evidence: z.enum(evidenceLevels),
  source: z.string(),
  why: z.string(),
});

export const insightSchema = z.object({ id: z.string(), severity: severitySchema, message: z.string(), advice: z.string().nullable(), evidence: insightEvidenceSchema });
export type TeamInsight = z.infer<typeof insightSchema>;

export const volatilitySchema = z.object({
  version: z.string(),
  index: num,
  parts: z.array(
    z.object({ id: z.enum(volatilityPartIds), label: z.string(), value: num, score: num, weight: z.number(), contribution: num, formula: z.string(), source: z.string(), note: z.string() }),
  ),
  trend: z.array(z.object({ month: z.string(), turnover: num, churn: num, index: num })),
});

export const teamDynamicsSchema = z.object({
  vessel: z.object({ id: z.string(), name: z.string() }),
  asOf: z.string(),
  group: teamGroupSchema,
  instrument: z.object({ id: z.string(), name: z.string() }),
  normOptions: z.array(teamNormOptionSchema),
  /** The norm in use, or null with the reason. */
  norm: z.object({ ref: normRefSchema, description: normDescriptionSchema, mixed: z.boolean() }).nullable(),
  noNorm: z.string().nullable(),
  members: z.array(teamMemberSchema),
  domains: z.array(scaleFiguresSchema),
  facets: z.array(scaleFiguresSchema.extend({ scale: z.string() })),
  memberFit: z.array(
    z.object({ personId: z.string(), distance: num, profileR: num, differences: z.array(z.object({ scale: z.string(), z: z.number(), rest: z.number() })) }),
  ),
  harmony: z.object({ score: z.number(), band: z.string(), version: z.string(), components: z.array(harmonyComponentSchema) }).nullable(),
  harmonyNote: z.string().nullable(),
  harmonyVersion: z.string(),
  diagnosis: z.array(insightSchema),
  volatility: volatilitySchema,
  /** From the Team climate pulse survey (docs/questionnaires.md#pulse-surveys): monthly crew means, each from enough answers to show. */
  cohesion: z.object({ available: z.boolean(), message: z.string(), series: z.array(z.object({ month: z.string(), mean: z.number(), n: z.number().int() })) }),
  rotationPairs: z.array(
    z.object({
      days: z.number().int(),
      crews: z.array(z.object({ members: z.array(z.string()), domains: z.array(z.object({ id: z.string(), raw: teamStatsSchema, z: teamStatsSchema.nullable() })) })).length(2),
    }),
  ),
  advisory: z.string(),
});
export type TeamDynamics = z.infer<typeof teamDynamicsSchema>;

export const teamFleetRowSchema = z.object({
  vesselId: z.string(),
  name: z.string(),
  crew: z.number().int(),
  aboard: z.number().int(),
  withResults: z.number().int(),
  harmony: z.object({ score: z.number(), band: z.string() }).nullable(),
  /** The most serious insight, in a few words, or null. */
  concern: z.string().nullable(),
});

const teamQuery = { asOf: isoDateSchema.optional(), instrumentId: z.string().min(1).max(100).default(DEFAULT_INSTRUMENT_ID) };

export const teamProcedures = {
  'team.fleet': procedure(
    "Every live vessel's crew today: size, results, harmony index and the first concern, against the default norm",
    z.object(teamQuery).default({ instrumentId: DEFAULT_INSTRUMENT_ID }),
    z.object({ asOf: z.string(), harmonyVersion: z.string(), rows: z.array(teamFleetRowSchema) }),
  ),
  'team.dynamics': procedure(
    "A vessel's team dynamics on a date for the whole crew, those aboard or one department: composition, fit, harmony, volatility, rotation pairs, diagnosis",
    z.object({ vesselId: idSchema, group: teamGroupSchema.default({ kind: 'crew' }), norm: teamNormChoiceSchema.default('default'), allowMixing: z.boolean().default(false), ...teamQuery }),
    teamDynamicsSchema,
  ),
  'team.analyzeFiles': procedure(
    'Team figures from an instrument, a responses CSV, optional norms and an `id,team` CSV, given as texts (what `harmony team` prints)',
    teamFilesInputSchema,
    z.object({ report: teamReportSchema, notices: z.array(z.string()) }),
  ),
};
