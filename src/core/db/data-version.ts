import type Database from 'better-sqlite3';
import { statement } from './statements';

/**
 * A token that changes whenever the database may have changed: this connection's writes (`total_changes()`) and
 * commits by any other connection (`PRAGMA data_version`). Figures derived from many rows can be kept under it
 * and recomputed only after a change; a restored database is a new connection, so it never matches an old token.
 */
export function dataVersion(sqlite: Database.Database): string {
  const own = (statement(sqlite, 'SELECT total_changes() AS n').get() as { n: number }).n;
  const others = sqlite.pragma('data_version', { simple: true }) as number;
  return `${own}:${others}`;
}

const caches = new WeakMap<Database.Database, Map<string, { version: string; value: unknown }>>();

/** `compute()` once per key and data version of this connection. */
export function cachedByDataVersion<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  const version = dataVersion(sqlite);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  cache.set(key, { version, value });
  // A failed computation is not kept: the next call tries again.
  if (value instanceof Promise) value.catch(() => cache.delete(key));
  return value;
}
