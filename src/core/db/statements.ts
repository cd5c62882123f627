import type Database from 'better-sqlite3';

/**
 * Prepared statements cached per connection and SQL text: the crew list builds its SQL from the filters in use,
 * and preparing is a large part of a query that should take a few milliseconds.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = sqlite.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
