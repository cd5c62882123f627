import { z } from 'zod';
import { archivedFilterSchema, byIdSchema } from './fields';
import { procedure } from './procedure';

/** An instrument results can be scored with: built in (no record id) or an imported custom definition. */
export const instrumentRecordSchema = z.object({
  id: z.string().nullable(),
  key: z.string(),
  name: z.string(),
  version: z.string(),
  items: z.number().int(),
  scales: z.number().int(),
  facets: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  builtin: z.boolean(),
  archivedAt: z.string().nullable(),
});
export type InstrumentRecord = z.infer<typeof instrumentRecordSchema>;

/** A definition file as bytes (base64), decoded strictly as UTF-8 by the core. */
const definitionFileSchema = z.object({
  contentBase64: z.string().max(14 * 1024 * 1024, 'The file is too large (at most 10 MB)'),
  fileName: z.string().max(255).optional(),
});

export const instrumentProcedures = {
  'instruments.list': procedure(
    'The instruments results can be scored with: built-in ones and imported custom definitions',
    z.object({ archived: archivedFilterSchema }),
    z.array(instrumentRecordSchema),
  ),
  'instruments.import': procedure(
    'Import a custom instrument definition (JSON: id, version, response range, scales, facets, items with keys); problems are named by path',
    definitionFileSchema,
    instrumentRecordSchema,
  ),
  'instruments.archive': procedure('Archive a custom instrument (its stored results stay readable)', byIdSchema, instrumentRecordSchema),
  'instruments.restore': procedure('Restore an archived custom instrument', byIdSchema, instrumentRecordSchema),
};
