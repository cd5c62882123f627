/**
 * better-sqlite3 as the core uses it, but SQLite3 Multiple Ciphers underneath and every connection keyed as it
 * opens: what the core would be with an encrypted database. Loaded instead of `better-sqlite3` by the child of
 * database-encryption.bench.ts. The package is installed by hand for the measurement (`npm install --no-save
 * better-sqlite3-multiple-ciphers`), so it is required, not imported: the typecheck does not need it.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const Ciphered = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3;
const CIPHER = process.env.BENCH_CIPHER ?? 'none';
const KEY = 'a passphrase the keyring would give';

export default class KeyedDatabase extends Ciphered {
  constructor(file?: string | Buffer, options?: BetterSqlite3.Options) {
    super(file, options);
    if (CIPHER === 'none' || file === ':memory:' || file === undefined || file === '') return;
    this.pragma(`cipher = '${CIPHER}'`);
    if (CIPHER === 'sqlcipher') this.pragma('legacy = 4');
    this.pragma(`key = '${KEY}'`);
  }
}
