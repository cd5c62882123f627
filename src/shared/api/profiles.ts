import { z } from 'zod';
import { indexNotComputedSchema, validityReasonSchema, verdictSchema } from '../psychometrics';
import { proctoringEventSchema, SCORE_LEVELS } from '../questionnaires';
import { assessmentContextSchema, normDescriptionSchema, normRefSchema } from './assessment-fields';
import { idSchema } from './fields';
import { procedure } from './procedure';

/**
 * The profile a person reads (docs/questionnaires.md#the-profile): the verdict first, the domains and facets
 * against a norm with their percentiles, and what they mean in the person's language (@bigfive-org/results).
 * A view of a stored result: choosing another norm or language never changes the result.
 */
const levelSchema = z.enum(SCORE_LEVELS).nullable();

const placedSchema = z.object({
  id: z.string(),
  name: z.string(),
  mean: z.number().nullable(),
  t: z.number().nullable(),
  percentile: z.number().nullable(),
  level: levelSchema,
  /** What the score means, paragraph by paragraph; empty when there is no text for it. */
  meaning: z.array(z.string()),
});

export const profileSchema = z.object({
  resultId: z.string(),
  personId: z.string(),
  personName: z.string(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  takenOn: z.string(),
  context: assessmentContextSchema,
  verdict: verdictSchema,
  reasons: z.array(validityReasonSchema),
  notComputed: z.array(indexNotComputedSchema),
  proctoring: z.array(proctoringEventSchema),
  /** How the questionnaire was taken, in words ("Answered in the kiosk in English over 3 days, paused twice"), or null for an import. */
  taken: z.string().nullable(),
  norm: normDescriptionSchema.nullable(),
  normRef: normRefSchema.nullable(),
  /** Why there are no percentiles or texts for the levels, in words. */
  normNote: z.string().nullable(),
  mixed: z.boolean(),
  language: z.string(),
  /** The languages the interpretation texts exist in. */
  languages: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Said when the texts are in another language than the one asked for. */
  languageNote: z.string().nullable(),
  domains: z.array(placedSchema.extend({ summary: z.string().nullable() })),
  facets: z.array(placedSchema.extend({ scale: z.string() })),
});
export type Profile = z.infer<typeof profileSchema>;

/** Which norm a profile is read against: the result's own choice or the best of its options, none, or one named. */
export const profileNormSchema = z.union([z.literal('default'), z.literal('none'), normRefSchema]);

const profileInput = { norm: profileNormSchema.default('default'), allowMixing: z.boolean().default(false), language: z.string().min(2).max(20).optional() };

export const profileProcedures = {
  'profiles.get': procedure('A result as a person reads it: verdict first, domains and facets against a norm, and what they mean in their language', z.object({ id: idSchema, ...profileInput }), profileSchema),
  'profiles.history': procedure(
    "A person's results of one instrument over time (each snapshot against the same norm), oldest first",
    z.object({ personId: idSchema, instrumentId: z.string().min(1).max(100), norm: profileNormSchema.default('default') }),
    z.object({
      norm: normDescriptionSchema.nullable(),
      domains: z.array(z.object({ id: z.string(), name: z.string() })),
      points: z.array(z.object({ resultId: z.string(), takenOn: z.string(), verdict: verdictSchema, t: z.array(z.number().nullable()), mean: z.array(z.number().nullable()) })),
    }),
  ),
  'profiles.pdf': procedure(
    'A one-page PDF of a profile for the person themselves, with or without the careless-responding detail',
    z.object({ id: idSchema, ...profileInput, careless: z.boolean().default(false) }),
    z.object({ fileName: z.string(), contentBase64: z.string() }),
  ),
};
