import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { MIGRATIONS } from './migrations';

/**
 * The server's database: embedded PGlite in a data folder by default, PostgreSQL when a connection URL is given.
 * The same SQL runs on both (docs/sync.md#the-server); nothing here is specific to one of them.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Store extends Sql {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding the session-level advisory lock `key`, or answers null at once when another holder has
   * it (another server on the same PostgreSQL, or another caller in this process). Unlike a transaction, this lets
   * `fn` commit as it goes.
   */
  tryLocked<T>(key: number, fn: () => Promise<T>): Promise<{ value: T } | null>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection URL; when absent, PGlite in `dataDir` (in memory when that is absent too). */
  databaseUrl?: string;
  dataDir?: string;
}

type Rows = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Runs `fn` under the session-level advisory lock `key` of the session `rows` queries, or answers null when it is held. */
async function holdingAdvisoryLock<T>(rows: Rows, key: number, fn: () => Promise<T>): Promise<{ value: T } | null> {
  const [row] = await rows('SELECT pg_try_advisory_lock($1) AS got', [key]);
  if (row?.got !== true) return null;
  try {
    return { value: await fn() };
  } finally {
    await rows('SELECT pg_advisory_unlock($1)', [key]);
  }
}

function pgliteStore(dataDir: string | undefined): Store {
  const db = new PGlite(dataDir);
  // PGlite's one session takes an advisory lock again and again, so the keys held here are also kept in a set.
  const held = new Set<number>();
  // PGlite runs one statement at a time; a transaction holds it until it ends, so queries are queued behind it.
  return {
    kind: 'pglite',
    query: async (text, params) => (await db.query(text, params)).rows as never,
    transaction: (fn) => db.transaction((tx) => fn({ query: async (text, params) => (await tx.query(text, params)).rows as never })),
    async tryLocked(key, fn) {
      if (held.has(key)) return null;
      held.add(key);
      try {
        return await holdingAdvisoryLock(async (text, params) => (await db.query<Record<string, unknown>>(text, params)).rows, key, fn);
      } finally {
        held.delete(key);
      }
    },
    close: () => db.close(),
  };
}

function postgresStore(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    kind: 'postgres',
    query: async (text, params) => (await pool.query(text, params)).rows,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async (text, params) => (await client.query(text, params)).rows });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async tryLocked(key, fn) {
      // The lock belongs to this connection's session, held aside while `fn` uses the others; a connection that
      // dies releases it with its session.
      const client = await pool.connect();
      try {
        return await holdingAdvisoryLock(async (text, params) => (await client.query(text, params)).rows, key, fn);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens the store and brings its schema up to date (several servers may start at once on one PostgreSQL). */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl ? postgresStore(options.databaseUrl) : pgliteStore(options.dataDir);
  try {
    await store.transaction(async (tx) => {
      // One migrator at a time across processes: a transaction-scoped advisory lock.
      await tx.query('SELECT pg_advisory_xact_lock(7418201)');
      await tx.query('CREATE TABLE IF NOT EXISTS server_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set((await tx.query<{ version: number }>('SELECT version FROM server_migrations')).map((r) => r.version));
      for (const [index, sql] of MIGRATIONS.entries()) {
        if (done.has(index + 1)) continue;
        for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
        await tx.query('INSERT INTO server_migrations (version) VALUES ($1)', [index + 1]);
      }
      await tx.query("INSERT INTO server_meta (key, value) VALUES ('server_id', $1) ON CONFLICT (key) DO NOTHING", [randomServerId()]);
    });
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

const randomServerId = (): string => crypto.randomUUID().replaceAll('-', '').slice(0, 16);

export async function serverIdOf(store: Sql): Promise<string> {
  const [row] = await store.query<{ value: string }>("SELECT value FROM server_meta WHERE key = 'server_id'");
  return row!.value;
}
