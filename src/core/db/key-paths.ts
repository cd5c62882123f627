import { getTableName } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';

/** SQL that reads a value of the row named by an alias, e.g. `(row) => \`${row}."person_id"\``. */
export type RowSql = (row: string) => string;

/**
 * How a row leads to a value found on it or on a row it points at: `direct` says where a table holds the value
 * itself, and otherwise each single-column foreign key is followed, at most `depth` steps, as nested subqueries
 * (a review → its document → its person; an outcome → its assignment → its position → its vessel).
 */
export function followKeys(table: SQLiteTable, depth: number, direct: (table: SQLiteTable) => RowSql | null): RowSql | null {
  const own = direct(table);
  if (own || depth === 0) return own;
  for (const key of getTableConfig(table).foreignKeys) {
    const reference = key.reference();
    if (reference.columns.length !== 1) continue;
    const parent = reference.foreignTable;
    const through = followKeys(parent, depth - 1, direct);
    if (!through) continue;
    const alias = `k${depth}`;
    return (row) =>
      `(SELECT ${through(alias)} FROM main."${getTableName(parent)}" ${alias} WHERE ${alias}."${reference.foreignColumns[0]!.name}" = ${row}."${reference.columns[0]!.name}")`;
  }
  return null;
}
