import { sql, type SQL } from 'drizzle-orm';

/** Text sorts as people read it: "Deckhand 2" before "Deckhand 10", accents and case aside (as the tables do). */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The values of a vocabulary in the order of their words, so a column of words sorts as it reads. */
export function inWordOrder<T extends string>(labels: Record<T, string>): T[] {
  return (Object.keys(labels) as T[]).sort((a, b) => collator.compare(labels[a], labels[b]));
}

/** An ORDER BY term for a column holding a vocabulary's values: its place in the order of their words. */
export function byLabel<T extends string>(column: SQL, labels: Record<T, string>): SQL {
  const cases = inWordOrder(labels).map((value, place) => sql`WHEN ${value} THEN ${place}`);
  return sql`CASE ${column} ${sql.join(cases, sql` `)} END`;
}

/** The same for hand-written SQL: `column` is a column name of ours, the values are quoted. */
export function byLabelSql<T extends string>(column: string, labels: Record<T, string>): string {
  const cases = inWordOrder(labels).map((value, place) => `WHEN '${value.replaceAll("'", "''")}' THEN ${place}`);
  return `CASE ${column} ${cases.join(' ')} END`;
}
