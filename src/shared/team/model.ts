import { z } from 'zod';

/**
 * The versioned defaults of team dynamics, shipped as readable JSON in `resources/team/` and checked with these
 * schemas when loaded (docs/team-dynamics.md explains every number). Weights are data, not code: a new version
 * of a file changes the index without touching the engine, and the screen names the version it used.
 */

/** A trait a component reads: a scale of the instrument, reversed for its opposite (emotional stability = −N). */
export const traitSchema = z.strictObject({
  scale: z.string().min(1),
  reversed: z.boolean(),
  /** The trait in a captain's words, lower case ("agreeableness", "emotional stability"). */
  name: z.string().min(1),
});
export type Trait = z.infer<typeof traitSchema>;

/** mean: the crew's average; sd: its spread (n − 1); min: its lowest member. */
export const teamStatistics = ['mean', 'sd', 'min'] as const;
export const teamStatisticSchema = z.enum(teamStatistics);
export type TeamStatistic = z.infer<typeof teamStatisticSchema>;

/** checked: read in the study's abstract or record; secondary: only in a secondary source; provisional: no checked size. */
export const evidenceLevels = ['checked', 'secondary', 'provisional'] as const;

export const harmonyComponentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case words joined by hyphens'),
  label: z.string().min(1),
  trait: traitSchema,
  statistic: teamStatisticSchema,
  weight: z.number().positive().max(1),
  /** The effect size as the study reports it (signed), or null when none has been checked. */
  effect: z.number().min(-1).max(1).nullable(),
  evidence: z.enum(evidenceLevels),
  /** The study and its effect size, quoted. */
  source: z.string().min(1),
  /** Why it matters, in plain words. */
  why: z.string().min(1),
});
export type HarmonyComponentSpec = z.infer<typeof harmonyComponentSchema>;

export const diagnosisThresholdsSchema = z.strictObject({
  /** The lowest member's agreeableness or emotional stability, in SD from the norm: a notice at or below. */
  lowMinimumZ: z.number(),
  /** … and a warning at or below this. */
  veryLowMinimumZ: z.number(),
  /** The crew's average agreeableness or conscientiousness, in SD from the norm: a notice at or below. */
  lowMeanZ: z.number(),
  /** A spread sub-score (share of random crews of the same size with a wider spread, 0–100) at or below. */
  wideSpreadScore: z.number().min(0).max(100),
  /** The χ² probability above which a member's distance from the rest is named (0.95). */
  apartProbability: z.number().gt(0).lt(1),
  /** A harmony index at or below this gets a notice. */
  lowHarmony: z.number().min(0).max(100),
  /** Below this share of members with a valid result, every figure is marked as resting on too few people. */
  minValidShare: z.number().min(0).max(1),
  /** Fewer members with results than this make every insight low-confidence. */
  minMembers: z.number().int().min(2),
  /** Leavers per 12 months ÷ mean headcount at or above this gets a notice. */
  highTurnover: z.number().positive(),
});
export type DiagnosisThresholds = z.infer<typeof diagnosisThresholdsSchema>;

export const harmonyModelSchema = z
  .strictObject({
    version: z.string().regex(/^[a-z][a-z0-9.-]*$/),
    components: z.array(harmonyComponentSchema).min(1),
    /** Bands the index is read in (the components together predict at most r ≈ .4): ascending `from`, the first 0. */
    bands: z.array(z.strictObject({ from: z.number().min(0).max(100), label: z.string().min(1) })).min(1),
    thresholds: diagnosisThresholdsSchema,
  })
  .superRefine((model, ctx) => {
    const total = model.components.reduce((sum, c) => sum + c.weight, 0);
    if (Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['components'], message: `the weights add up to ${total}, not 1` });
    const ids = new Set<string>();
    model.components.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['components', i, 'id'], message: `"${c.id}" appears twice` });
      ids.add(c.id);
    });
    if (model.bands[0]?.from !== 0) ctx.addIssue({ code: 'custom', path: ['bands', 0, 'from'], message: 'the first band starts at 0' });
    model.bands.forEach((b, i) => {
      if (i > 0 && b.from <= model.bands[i - 1]!.from) ctx.addIssue({ code: 'custom', path: ['bands', i, 'from'], message: 'bands must ascend' });
    });
  });
export type HarmonyModel = z.infer<typeof harmonyModelSchema>;

export const volatilityPartIds = ['turnover', 'rotationChurn', 'pulseVariability'] as const;
export type VolatilityPartId = (typeof volatilityPartIds)[number];

export const volatilityModelSchema = z
  .strictObject({
    version: z.string().regex(/^[a-z][a-z0-9.-]*$/),
    /** The trailing window of turnover and of the index, in months. */
    windowMonths: z.number().int().min(1).max(36),
    parts: z
      .array(
        z.strictObject({
          id: z.enum(volatilityPartIds),
          label: z.string().min(1),
          weight: z.number().positive().max(1),
          /** The value that scores 100 (part score = 100 · min(1, value / full)). */
          full: z.number().positive(),
          formula: z.string().min(1),
          source: z.string().min(1),
        }),
      )
      .length(volatilityPartIds.length),
  })
  .superRefine((model, ctx) => {
    const total = model.parts.reduce((sum, p) => sum + p.weight, 0);
    if (Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', path: ['parts'], message: `the weights add up to ${total}, not 1` });
    for (const id of volatilityPartIds) {
      if (!model.parts.some((p) => p.id === id)) ctx.addIssue({ code: 'custom', path: ['parts'], message: `part "${id}" is missing` });
    }
  });
export type VolatilityModel = z.infer<typeof volatilityModelSchema>;
