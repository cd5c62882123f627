import { z } from 'zod';

/**
 * The versioned defaults of candidate fit and success prediction, shipped as readable JSON in `resources/fit/`
 * and checked with these schemas when loaded (docs/fit-and-prediction.md explains every number). Weights,
 * ranges and coefficients are data: a new version of a file changes the scoring without touching the engine.
 */

/** The six parts of a FitScore, in the order they are shown. */
export const SUB_SCORES = ['certificates', 'experience', 'availability', 'location', 'culture', 'engagement'] as const;
export type SubScoreName = (typeof SUB_SCORES)[number];

export const weightsSchema = z.strictObject(
  Object.fromEntries(SUB_SCORES.map((name) => [name, z.number({ message: `the weight of ${name} must be a number` })])) as Record<SubScoreName, z.ZodNumber>,
);
export type Weights = Record<SubScoreName, number>;

const versionSchema = z.string().regex(/^[a-z][a-z0-9.-]*$/);
const presetNameSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case words joined by hyphens');

export const presetsFileSchema = z
  .strictObject({
    version: versionSchema,
    presets: z
      .array(
        z.strictObject({
          name: presetNameSchema,
          label: z.string().min(1),
          weights: weightsSchema,
          /** Why these weights, in plain words. */
          why: z.string().min(1),
        }),
      )
      .min(1),
  })
  .superRefine((file, ctx) => {
    const names = new Set<string>();
    file.presets.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', path: ['presets', i, 'name'], message: `"${p.name}" appears twice` });
      names.add(p.name);
      const total = SUB_SCORES.reduce((sum, s) => sum + p.weights[s], 0);
      if (SUB_SCORES.some((s) => p.weights[s] < 0) || Math.abs(total - 1) > 1e-9) {
        ctx.addIssue({ code: 'custom', path: ['presets', i, 'weights'], message: `weights must be non-negative and add up to 1 (they add up to ${total})` });
      }
    });
  });
export type PresetsFile = z.infer<typeof presetsFileSchema>;

/** How each sub-score turns records into 0–1 (docs/fit-and-prediction.md#sub-scores). */
export const scoringConfigSchema = z.strictObject({
  version: versionSchema,
  certificates: z.strictObject({
    /** Days the first tour is taken to last when the position has no rotation. */
    tourDaysWithoutRotation: z.number().int().min(1).max(365),
    /** Credit of a certificate that expires during the first tour, or that is still awaiting review. */
    expiresDuringTourCredit: z.number().min(0).max(1),
    inReviewCredit: z.number().min(0).max(1),
  }),
  experience: z.strictObject({
    /** Months of fully relevant service that score 1. */
    fullMonths: z.number().positive(),
    sameRank: z.number().min(0).max(1),
    rankBelow: z.number().min(0).max(1),
    otherRankSameDepartment: z.number().min(0).max(1),
    /** Credit per kind of sea service. */
    kinds: z.strictObject({ onboard: z.number().min(0).max(1), sea: z.number().min(0).max(1), watchkeeping: z.number().min(0).max(1), standby: z.number().min(0).max(1), yard: z.number().min(0).max(1) }),
    sameUse: z.number().min(0).max(1),
    partlySameUse: z.number().min(0).max(1),
    otherUse: z.number().min(0).max(1),
    /** Factor used (and confidence lowered) when a vessel's size or use is unknown. */
    unknownFactor: z.number().min(0).max(1),
    /** Confidence of the part when nothing at all is on record. */
    noRecordConfidence: z.number().min(0).max(1),
  }),
  availability: z.strictObject({
    /** Notice assumed (and confidence lowered) when someone in post has no notice period on record. */
    defaultNoticeDays: z.number().int().min(0).max(365),
    unknownNoticeConfidence: z.number().min(0).max(1),
  }),
  location: z.strictObject({
    /** Credit where a visa expires during the first tour, or a short visa-free stay is all that is allowed. */
    expiresDuringTourCredit: z.number().min(0).max(1),
    shortStayCredit: z.number().min(0).max(1),
  }),
  culture: z.strictObject({
    /** SD outside a position's range at which the profile credit reaches 0. */
    rangeTolerance: z.number().positive(),
    /** Harmony points that move the team part from 0.5 to about 0.73 (a logistic scale). */
    harmonyScale: z.number().positive(),
    profileWeight: z.number().min(0).max(1),
    teamWeight: z.number().min(0).max(1),
    /** Confidence of the part when the result was compared with a norm of another population. */
    mixedNormConfidence: z.number().min(0).max(1),
    questionableConfidence: z.number().min(0).max(1),
  }),
  engagement: z.strictObject({
    validResult: z.number().min(0).max(1),
    questionableResult: z.number().min(0).max(1),
  }),
});
export type ScoringConfig = z.infer<typeof scoringConfigSchema>;

/** A target range of one domain in SD from the norm (null = open on that side), with its reason. */
export const traitRangeSchema = z
  .strictObject({
    scale: z.string().min(1),
    min: z.number().min(-4).max(4).nullable(),
    max: z.number().min(-4).max(4).nullable(),
    why: z.string().min(1),
  })
  .refine((r) => r.min === null || r.max === null || r.min <= r.max, { message: 'min must not be above max' })
  .refine((r) => r.min !== null || r.max !== null, { message: 'give min, max or both' });
export type TraitRange = z.infer<typeof traitRangeSchema>;

export const traitProfileSchema = z.strictObject({
  /** Lower-case position titles this profile applies to (docs/domain.md#departments-and-positions, or custom ones). */
  titles: z.array(z.string().min(1)).min(1),
  ranges: z.array(traitRangeSchema).min(1),
});
export type TraitProfile = z.infer<typeof traitProfileSchema>;

export const profilesFileSchema = z
  .strictObject({
    version: versionSchema,
    instrument: z.string().min(1),
    /** Used for a title no profile names. */
    fallback: z.strictObject({ ranges: z.array(traitRangeSchema).min(1) }),
    profiles: z.array(traitProfileSchema).min(1),
    sources: z.array(z.string().min(1)),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.profiles.forEach((p, i) =>
      p.titles.forEach((t, j) => {
        if (t !== t.trim().toLowerCase()) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'titles', j], message: 'titles are written lower-case' });
        if (seen.has(t)) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'titles', j], message: `"${t}" has two profiles` });
        seen.add(t);
      }),
    );
  });
export type ProfilesFile = z.infer<typeof profilesFileSchema>;

export const PREDICTORS = ['individual', 'team', 'environment', 'leader'] as const;
export type PredictorName = (typeof PREDICTORS)[number];

const coefficientSchema = z.strictObject({ estimate: z.number(), standardError: z.number().nonnegative().nullable() });
export type Coefficient = z.infer<typeof coefficientSchema>;

/** A prediction model's coefficients: log-odds, predictors centred at 0.5 (docs/fit-and-prediction.md#prediction). */
export const coefficientsSchema = z.strictObject({
  intercept: coefficientSchema,
  individual: coefficientSchema,
  team: coefficientSchema,
  environment: coefficientSchema,
  leader: coefficientSchema,
});
export type Coefficients = z.infer<typeof coefficientsSchema>;

const factorTableSchema = z.array(z.strictObject({ when: z.string().min(1), value: z.number().min(0).max(1) })).min(1);

export const predictionFileSchema = z.strictObject({
  version: versionSchema,
  coefficients: coefficientsSchema,
  /** Where each default comes from. */
  sources: z.strictObject({ intercept: z.string().min(1), individual: z.string().min(1), team: z.string().min(1), environment: z.string().min(1), leader: z.string().min(1) }),
  individual: z.strictObject({
    /** Weights of the traits in the retention composite (|ρ| with actual turnover, emotional stability = −N). */
    traits: z.array(z.strictObject({ scale: z.string().min(1), reversed: z.boolean(), weight: z.number().positive() })).min(1),
    parts: z.strictObject({ traits: z.number().min(0), profile: z.number().min(0), experience: z.number().min(0), certificates: z.number().min(0) }),
  }),
  environment: z.strictObject({
    /** Length bands (metres, lower bound inclusive) and their factor. */
    size: z.array(z.strictObject({ from: z.number().min(0), value: z.number().min(0).max(1) })).min(1),
    use: z.strictObject({ private: z.number().min(0).max(1), charter: z.number().min(0).max(1), both: z.number().min(0).max(1) }),
    /** Factor by the share of time on leave (weeks off ÷ cycle); none = no rotation. */
    rotation: z.strictObject({ none: z.number().min(0).max(1), leaveShareFull: z.number().gt(0).max(1) }),
    /** Factor by month of the start (1–12). */
    season: z.array(z.number().min(0).max(1)).length(12),
    notes: factorTableSchema,
  }),
  leader: z.strictObject({
    /** Extra weight of a domain where the crew member is below the head (asymmetric incongruence). */
    belowWeight: z.number().min(1),
    /** Distance (SD over the domains) at which congruence reaches 0. */
    maxDistance: z.number().positive(),
    /** Share of the part from the head's own agreeableness (leader characteristics weigh more than similarity). */
    headAgreeablenessShare: z.number().min(0).max(1),
  }),
  /** Outcomes needed before a recalibration: events per predictor (Peduzzi et al. 1996). */
  minEventsPerPredictor: z.number().int().min(1),
});
export type PredictionFile = z.infer<typeof predictionFileSchema>;

export const VISA_KINDS = ['b1b2', 'c1d', 'schengen', 'uk', 'australia-mcv', 'other'] as const;
export type VisaKind = (typeof VISA_KINDS)[number];

export const areasFileSchema = z.strictObject({
  version: versionSchema,
  areas: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        label: z.string().min(1),
        /** Nationalities (ISO alpha-3) with the right to work there. */
        nationalities: z.array(z.string().length(3)),
        /** Visas that let crew work there. */
        visas: z.array(z.enum(VISA_KINDS)),
        /** Nationalities that may stay a short while without a visa (partial credit). */
        shortStay: z.array(z.string().length(3)),
        /** Everyone may work aboard there (crew list only). */
        open: z.boolean(),
        why: z.string().min(1),
      }),
    )
    .min(1),
});
export type AreasFile = z.infer<typeof areasFileSchema>;
export type CruisingArea = AreasFile['areas'][number];

export const SEA_SERVICE_KINDS = ['onboard', 'sea', 'watchkeeping', 'standby', 'yard'] as const;
export type SeaServiceKind = (typeof SEA_SERVICE_KINDS)[number];

export const LEAVE_REASONS = ['personal', 'family', 'medical', 'crew-conflict', 'leadership', 'better-offer', 'rotation-or-leave', 'dismissed', 'vessel-change', 'other'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
