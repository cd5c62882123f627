import { SHARED_FILE_TABLES } from '../shared/sync/shares';
import type { Sql } from './store';

/**
 * The rows that make each person's file on the server (docs/sync.md#sharing): their `people` row and the rows of
 * the file tables whose `person_id` is theirs, found through the index on person cells.
 */
export async function fileRowsOf(tx: Sql, personIds: string[]): Promise<{ tbl: string; row_id: string; person_id: string }[]> {
  if (personIds.length === 0) return [];
  const rows = await tx.query<{ tbl: string; row_id: string; person_id: string }>(
    `SELECT tbl, row_id, value #>> '{}' AS person_id FROM sync_cells
     WHERE col = 'person_id' AND (value #>> '{}') = ANY($2) AND tbl = ANY($1) ORDER BY tbl, row_id`,
    [[...SHARED_FILE_TABLES], personIds],
  );
  return [...personIds.map((id) => ({ tbl: 'people', row_id: id, person_id: id })), ...rows];
}
