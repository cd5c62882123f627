import { z } from 'zod';

/**
 * Who a norm group (or a batch of respondents) is. Applicants describe themselves more favourably than
 * volunteers or incumbents (d = .45 for C, .44 for ES; Birkeland et al. 2006,
 * docs/psychometrics.md#2-scale-scores-and-norms), so comparing one with the other inflates percentiles: the engine
 * refuses to do it silently.
 */
export const populations = ['applicant', 'incumbent', 'volunteer', 'unspecified'] as const;
export const populationSchema = z.enum(populations);
export type Population = z.infer<typeof populationSchema>;

export const normRowSchema = z.object({
  scale: z.string().min(1),
  mean: z.number().finite(),
  sd: z.number().finite().positive('must be greater than 0'),
  n: z.number().int().positive().nullable().default(null),
  source: z.string().nullable().default(null),
  label: z.string().nullable().default(null),
});
export type NormRow = z.output<typeof normRowSchema>;

/** One comparison group: a mean and SD per scale or facet (docs/psychometrics.md#2-scale-scores-and-norms). */
export const normTableSchema = z
  .object({
    label: z.string().nullable().default(null),
    population: populationSchema.default('unspecified'),
    source: z.string().nullable().default(null),
    rows: z.array(normRowSchema).min(1, 'a norm table needs at least one scale'),
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.rows.forEach((row, i) => {
      if (seen.has(row.scale)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'scale'], message: `scale "${row.scale}" appears twice in one norm group` });
      seen.add(row.scale);
    });
  });
export type NormTable = z.output<typeof normTableSchema>;
export type NormTableInput = z.input<typeof normTableSchema>;
