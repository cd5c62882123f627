import { z } from 'zod';
import { archivedFilterSchema, base64Length, byIdSchema } from './fields';
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

/**
 * The largest instrument definition read: ten times IPIP-NEO-120 with its texts in 39 languages (0.2 MB), and
 * small enough that checking it holds up nothing else for long.
 */
export const MAX_DEFINITION_BYTES = 2 * 1024 * 1024;

/** A definition file as bytes (base64), decoded strictly (UTF-8 or UTF-16) by the core. */
const definitionFileSchema = z.object({
  contentBase64: z.string().max(base64Length(MAX_DEFINITION_BYTES), 'The file is too large (at most 2 MB)'),
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
