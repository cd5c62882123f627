import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

export interface InsertAll<T extends Table> {
  /** `INSERT INTO t (every column) VALUES (@field, …)`, one named parameter per field of the table's row. */
  sql: string;
  /** A whole row as that statement's parameters, each value stored as drizzle stores it (JSON as text, booleans as 0/1). */
  parameters(row: T['$inferSelect']): Record<string, unknown>;
}

/**
 * An INSERT of every column of a table, for a prepared statement that bulk writes run many times over (drizzle's
 * builder costs more per row). The column list comes from the table's definition, so a column added there is
 * written too: nobody keeps a second list that could silently leave it out.
 */
export function insertAll<T extends Table>(table: T): InsertAll<T> {
  const columns = Object.entries(getTableColumns(table));
  return {
    sql: `INSERT INTO "${getTableName(table)}" (${columns.map(([, column]) => `"${column.name}"`).join(', ')}) VALUES (${columns.map(([field]) => `@${field}`).join(', ')})`,
    parameters: (row) => {
      const parameters: Record<string, unknown> = {};
      for (const [field, column] of columns) {
        const value = (row as Record<string, unknown>)[field];
        if (value === undefined) throw new Error(`${getTableName(table)}.${column.name}: the row has no ${field}`);
        parameters[field] = value === null ? null : column.mapToDriverValue(value);
      }
      return parameters;
    },
  };
}
