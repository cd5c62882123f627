import { z } from 'zod';
import { ROTATION_PATTERN } from '../domain/crew';
import { isCountryCode } from '../domain/countries';
import { isIsoDate } from '../domain/dates';

/** Field schemas shared by the domain procedures; forms validate with these same schemas. */
export const idSchema = z.string().min(1, 'Missing id').max(64);

/**
 * A required date. Blank gets its own message: in the app a date picker only ever sends a whole date or nothing,
 * and its placeholder follows the computer's language, so the message must not name a format the picker does not
 * show. Text in another shape (CSV, the CLI, the API) is told the format.
 */
export const isoDateSchema = z
  .string()
  .trim()
  .min(1, 'Enter the date')
  .refine((value) => value === '' || isIsoDate(value), { message: 'Enter a date as YYYY-MM-DD' });

/** An optional date: blank (as a cleared form field sends it) is null. */
export const optionalIsoDateSchema = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isIsoDate(value), { message: 'Enter a date as YYYY-MM-DD' });

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'Choose a country: its name, or its three-letter code such as GBR' });

/** Optional free text: blank becomes null, so "cleared" and "never given" are the same. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

export const requiredText = (max: number, message: string) => z.string().trim().min(1, message).max(max, `At most ${max} characters`);

/** A rotation as people write it, "weeks on:weeks off" (e.g. 4:2), or null for none. */
export const rotationSchema = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || ROTATION_PATTERN.test(value), { message: 'Write a rotation as weeks on:off, e.g. 4:2' });

/** Which records a list shows: without the archived ones, with them, or only them. */
export const ARCHIVED_FILTERS = ['exclude', 'include', 'only'] as const;
export const archivedFilterSchema = z.enum(ARCHIVED_FILTERS).default('exclude');
export type ArchivedFilter = z.infer<typeof archivedFilterSchema>;

/** Fields every stored record carries. */
export const recordStamps = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
};

export const byIdSchema = z.object({ id: idSchema });

/** The most bytes of a CSV file the app reads (an import, or `harmony analyze`'s responses). */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;
/** The length of the base64 text of `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/** A CSV file as bytes (base64): the core decodes it strictly (UTF-8 or UTF-16), so a wrong encoding is caught, not mangled. */
export const csvFileSchema = z.object({
  contentBase64: z.string().max(base64Length(MAX_CSV_BYTES), 'The file is too large (at most 64 MB)'),
  fileName: z.string().max(255).optional(),
});

/** A text file a caller read for the core (its name is only shown in messages). */
export const textFileSchema = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().max(base64Length(MAX_CSV_BYTES), 'The file is too large (at most 64 MB)'),
});
export type TextFile = z.infer<typeof textFileSchema>;

/** A generated CSV for the caller to save (the renderer downloads it as a Blob). */
export const csvDownloadSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().nonnegative() });
