import { z } from 'zod';
import { normRowSchema, populationSchema } from '../psychometrics';
import { DEFAULT_INSTRUMENT_ID } from './assessment-fields';
import { archivedFilterSchema, base64Length, byIdSchema, csvFileSchema, recordStamps, requiredText } from './fields';
import { procedure } from './procedure';

/**
 * What a person says about an imported norm table. The population kind is required: applicant norms differ
 * from volunteer norms (docs/psychometrics.md#2-scale-scores-and-norms), so a table of unknown population is never
 * accepted.
 */
export const normMetadataSchema = z.object({
  instrumentId: z.string().min(1).default(DEFAULT_INSTRUMENT_ID),
  label: requiredText(120, 'Name the norm group, e.g. "Johnson 2014 US internet sample"'),
  population: populationSchema.extract(['volunteer', 'applicant', 'incumbent'], { message: 'Choose who the norm group is: volunteers, applicants or crew in post' }),
  source: requiredText(300, 'Say where the figures come from (publication, data set)'),
});
export type NormMetadataInput = z.input<typeof normMetadataSchema>;

export const normTableRecordSchema = z.object({
  ...recordStamps,
  instrumentId: z.string(),
  label: z.string(),
  population: populationSchema,
  source: z.string(),
  n: z.number().int().nullable(),
  rows: z.array(normRowSchema),
});
export type NormTableRecord = z.infer<typeof normTableRecordSchema>;

/** A norm table has a row per scale and facet: a few kilobytes. */
export const MAX_NORM_TABLE_BYTES = 1024 * 1024;
const normFileSchema = csvFileSchema.extend({
  contentBase64: z.string().max(base64Length(MAX_NORM_TABLE_BYTES), 'The file is too large for a norm table (at most 1 MB)'),
});

export const normsProcedures = {
  'norms.import': procedure(
    'Import a norm table from a CSV `scale,mean,sd[,n]` with its label, population and source; a bad file is refused naming row and column',
    normFileSchema.extend(normMetadataSchema.shape),
    normTableRecordSchema,
  ),
  'norms.list': procedure(
    'Imported norm tables, by instrument and label',
    z.object({ instrumentId: z.string().min(1).optional(), archived: archivedFilterSchema }),
    z.array(normTableRecordSchema),
  ),
  'norms.archive': procedure('Archive a norm table (it can be restored)', byIdSchema, normTableRecordSchema),
  'norms.restore': procedure('Restore an archived norm table', byIdSchema, normTableRecordSchema),
};
