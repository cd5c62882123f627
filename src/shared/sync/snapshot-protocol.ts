import { z } from 'zod';
import { HLC_PATTERN } from './hlc';
import { cellValueSchema, feedSchema, readerSchemaVersion } from './protocol';

/**
 * A first sync of a feed from a snapshot of the server's projection (docs/sync.md#snapshots-and-compaction):
 * whole rows, each cell with its clock stamp, in pages ordered by (table, row id). Both ends parse these on arrival.
 */

/** Rows in a snapshot page unless the device asks for fewer. */
export const DEFAULT_SNAPSHOT_ROWS = 2000;
export const MAX_SNAPSHOT_ROWS = 5000;

const name = z.string().min(1).max(64).regex(/^[a-z_]+$/);
const hlc = z.string().regex(HLC_PATTERN, 'not a clock stamp');
const rowKeySchema = z.object({ table: name, rowId: z.string().min(1).max(64) });
export type SnapshotKey = z.infer<typeof rowKeySchema>;

export const snapshotRequestSchema = z.object({
  schemaVersion: readerSchemaVersion,
  feed: feedSchema,
  /** The feed sequence number the snapshot was started at; null to start one. */
  asOf: z.number().int().nonnegative().nullable(),
  /** The last row of the previous page (keyset cursor); null for the first page. */
  after: rowKeySchema.nullable(),
  limit: z.number().int().min(1).max(MAX_SNAPSHOT_ROWS).optional(),
});
export type SnapshotRequest = z.infer<typeof snapshotRequestSchema>;

/**
 * Whole rows of one table with the same columns, each row's values in `columns` order: a first sync of 100,000
 * rows is mostly values, so column names travel once a group. Most cells of a row were written by one change, so
 * a row carries that stamp (and the base its writer had seen) once; its fifth member lists only the cells whose
 * stamp differs, by column name, as [hlc, base] (null when none does).
 */
export const snapshotGroupSchema = z
  .object({
    table: name,
    columns: z.array(name).min(1),
    rows: z.array(z.tuple([z.string().min(1).max(64), hlc, hlc.nullable(), z.array(cellValueSchema), z.record(name, z.tuple([hlc, hlc.nullable()])).nullable()])),
  })
  .superRefine((group, context) => {
    for (const [index, row] of group.rows.entries()) {
      if (row[3].length !== group.columns.length) context.addIssue({ code: 'custom', path: ['rows', index], message: `has ${row[3].length} values for ${group.columns.length} columns` });
      for (const column of Object.keys(row[4] ?? {})) {
        if (!group.columns.includes(column)) context.addIssue({ code: 'custom', path: ['rows', index], message: `stamps a column it has no value for (${column})` });
      }
    }
  });
export type SnapshotGroup = z.infer<typeof snapshotGroupSchema>;

export const snapshotPageSchema = z.object({
  feed: feedSchema,
  /** Where the feed's incremental pull continues once the last page is applied. */
  asOf: z.number().int().nonnegative(),
  /** True when the server started the snapshot again from the first row (the one asked for was too old). */
  restarted: z.boolean(),
  groups: z.array(snapshotGroupSchema),
  /** The keyset cursor of the next page; null on the last. */
  next: rowKeySchema.nullable(),
  serverTime: z.number(),
});
export type SnapshotPage = z.infer<typeof snapshotPageSchema>;
