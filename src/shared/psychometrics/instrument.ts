import { z } from 'zod';

/**
 * The instrument definition format: what an inventory is (items, their scale, facet and keying, the response
 * range, texts per language). Validated on arrival from a file or over the API; cross-references are checked
 * here so that every consumer can trust a parsed definition.
 */

const idSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/** Text per language code (`en`, `pt-br`, …). */
export const localizedTextSchema = z.record(z.string().min(1), z.string());
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Keying as files write it: 1/-1, "+"/"-", "plus"/"minus" (case-insensitive). */
export function parseKeying(value: unknown): 1 | -1 | null {
  if (value === 1 || value === -1) return value;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (text === '1' || text === '+1' || text === '+' || text === 'plus') return 1;
  if (text === '-1' || text === '-' || text === 'minus') return -1;
  return null;
}

export const keyingSchema = z.unknown().transform((value, ctx) => {
  const keyed = parseKeying(value);
  if (keyed === null) {
    ctx.addIssue({ code: 'custom', message: `"${String(value)}" is not a keying; use 1/-1, +/- or plus/minus` });
    return z.NEVER;
  }
  return keyed;
});

export const instrumentItemSchema = z.object({
  id: idSchema,
  /** Other column names that mean this item in a responses file (item number, the source's own id…). */
  aliases: z.array(idSchema).default([]),
  text: localizedTextSchema.default({}),
  scale: idSchema,
  facet: idSchema.nullable().default(null),
  keyed: keyingSchema,
});

export const instrumentScaleSchema = z.object({
  id: idSchema,
  name: localizedTextSchema.default({}),
});

export const instrumentFacetSchema = z.object({
  id: idSchema,
  scale: idSchema,
  name: localizedTextSchema.default({}),
});

export const responseRangeSchema = z
  .object({
    min: z.number().int('must be a whole number'),
    max: z.number().int('must be a whole number'),
  })
  .refine((r) => r.max > r.min, { message: 'max must be greater than min', path: ['max'] });

export const instrumentDefinitionSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).optional(),
    version: z.string().min(1).default('1'),
    response: responseRangeSchema,
    /** Labels of the response options per language, lowest first. */
    responseLabels: z.record(z.string().min(1), z.array(z.string())).default({}),
    languages: z.array(z.string().trim().min(1, 'a language code must not be empty')).default([]),
    /** What the person reads before the first item, per language (the kiosk and invitations show it). */
    instructions: localizedTextSchema.default({}),
    source: z.string().optional(),
    license: z.string().optional(),
    scales: z.array(instrumentScaleSchema).min(1, 'an instrument needs at least one scale'),
    facets: z.array(instrumentFacetSchema).default([]),
    items: z.array(instrumentItemSchema).min(2, 'an instrument needs at least two items'),
  })
  .superRefine((def, ctx) => {
    const scaleIds = new Set<string>();
    def.scales.forEach((scale, i) => {
      if (scaleIds.has(scale.id)) ctx.addIssue({ code: 'custom', path: ['scales', i, 'id'], message: `scale "${scale.id}" is defined twice` });
      scaleIds.add(scale.id);
    });
    const facetScale = new Map<string, string>();
    def.facets.forEach((facet, i) => {
      if (facetScale.has(facet.id) || scaleIds.has(facet.id)) {
        ctx.addIssue({ code: 'custom', path: ['facets', i, 'id'], message: `"${facet.id}" is already the id of another scale or facet` });
      }
      if (!scaleIds.has(facet.scale)) {
        ctx.addIssue({ code: 'custom', path: ['facets', i, 'scale'], message: `facet "${facet.id}" belongs to scale "${facet.scale}", which is not defined` });
      }
      facetScale.set(facet.id, facet.scale);
    });
    const names = new Map<string, string>();
    const used = new Set<string>();
    def.items.forEach((item, i) => {
      [item.id, ...item.aliases].forEach((name, n) => {
        const key = name.toLowerCase();
        const owner = names.get(key);
        if (owner === undefined) {
          names.set(key, item.id);
          return;
        }
        const path = n === 0 ? ['items', i, 'id'] : ['items', i, 'aliases', n - 1];
        const message = n === 0 && owner === item.id ? `item "${item.id}" is defined twice` : `"${name}" already names item "${owner}"`;
        ctx.addIssue({ code: 'custom', path, message });
      });
      if (!scaleIds.has(item.scale)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'scale'], message: `item "${item.id}" belongs to scale "${item.scale}", which is not defined` });
      }
      used.add(item.scale);
      if (item.facet !== null) {
        const scale = facetScale.get(item.facet);
        if (scale === undefined) {
          ctx.addIssue({ code: 'custom', path: ['items', i, 'facet'], message: `item "${item.id}" belongs to facet "${item.facet}", which is not defined` });
        } else if (scale !== item.scale) {
          ctx.addIssue({ code: 'custom', path: ['items', i, 'facet'], message: `item "${item.id}" is in scale "${item.scale}" but its facet "${item.facet}" belongs to scale "${scale}"` });
        }
        used.add(item.facet);
      }
    });
    // Every language the definition offers must be complete: a person answering in it meets no item without text.
    def.languages.forEach((language, l) => {
      const missing = def.items.filter((item) => !item.text[language]?.trim()).map((item) => item.id);
      if (missing.length === def.items.length) ctx.addIssue({ code: 'custom', path: ['languages', l], message: `language "${language}" is offered but no item has a text in it` });
      else if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['languages', l], message: `language "${language}" has no text for item${missing.length > 1 ? 's' : ''} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}` });
      const labels = def.responseLabels[language];
      const options = def.response.max - def.response.min + 1;
      if (labels && labels.length !== options) ctx.addIssue({ code: 'custom', path: ['responseLabels', language], message: `has ${labels.length} labels for ${options} answer options` });
    });
    def.scales.forEach((scale, i) => {
      if (!used.has(scale.id)) ctx.addIssue({ code: 'custom', path: ['scales', i, 'id'], message: `scale "${scale.id}" has no items` });
    });
    def.facets.forEach((facet, i) => {
      if (!used.has(facet.id)) ctx.addIssue({ code: 'custom', path: ['facets', i, 'id'], message: `facet "${facet.id}" has no items` });
    });
  });

export type InstrumentDefinition = z.output<typeof instrumentDefinitionSchema>;
export type InstrumentDefinitionInput = z.input<typeof instrumentDefinitionSchema>;
export type InstrumentItem = InstrumentDefinition['items'][number];

/** What a list of instruments shows without the item texts. */
export const instrumentSummarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  version: z.string(),
  items: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  scales: z.array(z.object({ id: z.string(), name: z.string() })),
  facets: z.array(z.object({ id: z.string(), scale: z.string(), name: z.string() })),
  languages: z.array(z.string()),
  source: z.string().nullable(),
  license: z.string().nullable(),
});
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;
