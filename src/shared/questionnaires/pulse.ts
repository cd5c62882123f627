import { z } from 'zod';

/**
 * A pulse survey definition (docs/questionnaires.md#pulse-surveys): a few statements written for Harmony Crew,
 * answered on a 1–5 agreement scale, with the constructs they are written after and their sources. Shipped as
 * versioned files in resources/pulse and checked against this schema when read; an edited definition is imported
 * as a new version.
 */
const text = z.string().trim().min(1, 'must not be empty');

export const pulseItemSchema = z.object({
  id: z.string().trim().regex(/^[a-z][a-z0-9-]{0,39}$/, 'use lower-case letters, digits and dashes, starting with a letter'),
  /** The statement per language; English is required. */
  text: z.record(z.string().min(2), text).refine((t) => 'en' in t, { message: 'needs an English text ("en")' }),
  /** −1 for a statement that agrees with the opposite of the construct ("I dread the next watch"). */
  keyed: z.union([z.literal(1), z.literal(-1)]).default(1),
});

export const pulseSourceSchema = z.object({ citation: text, note: text.optional() });

export const pulseSurveySchema = z
  .object({
    id: z.string().trim().regex(/^[a-z][a-z0-9-]{1,39}$/, 'use lower-case letters, digits and dashes, starting with a letter'),
    version: text,
    title: z.record(z.string().min(2), text).refine((t) => 'en' in t, { message: 'needs an English title ("en")' }),
    /** What it measures, in a captain's words. */
    construct: text,
    instructions: z.record(z.string().min(2), text).refine((t) => 'en' in t, { message: 'needs English instructions ("en")' }),
    response: z.object({ min: z.literal(1), max: z.literal(5), labels: z.record(z.string().min(2), z.array(text).length(5)) }),
    items: z.array(pulseItemSchema).min(5, 'a pulse survey has 5 to 8 statements').max(8, 'a pulse survey has 5 to 8 statements'),
    sources: z.array(pulseSourceSchema).min(1, 'name the source of the construct'),
    /** Suggested days between rounds. */
    everyDays: z.number().int().min(7).max(92).default(28),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `statement "${item.id}" is defined twice` });
      seen.add(item.id);
    });
    const languages = Object.keys(s.response.labels);
    if (!languages.includes('en')) ctx.addIssue({ code: 'custom', path: ['response', 'labels'], message: 'needs English answer labels ("en")' });
    for (const language of languages) {
      s.items.forEach((item, i) => {
        if (!(language in item.text)) ctx.addIssue({ code: 'custom', path: ['items', i, 'text', language], message: `has no ${language} text, but the answer labels are given in ${language}` });
      });
    }
  });
export type PulseSurvey = z.output<typeof pulseSurveySchema>;
export type PulseSurveyInput = z.input<typeof pulseSurveySchema>;

/** The fewest answers an anonymous figure is shown for; a breakdown never narrows below it either. */
export const ANONYMOUS_MINIMUM = 5;
