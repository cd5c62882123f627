import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Benchmark } from './harness';

/**
 * Issue 14: should the database itself be encrypted? The candidate is SQLite3 Multiple Ciphers through
 * better-sqlite3-multiple-ciphers (the same API as better-sqlite3). This runs the core's real work once per
 * variant, each in its own process: the app's better-sqlite3; Multiple Ciphers without a key (the cost of the
 * other build alone); keyed with SQLCipher's scheme (AES-256-CBC, HMAC-SHA512 per page); keyed with its default
 * (ChaCha20-Poly1305). The decision and its reasons: docs/security.md#the-database.
 *
 * The package is not a dependency: `npm install --no-save better-sqlite3-multiple-ciphers` first (it builds
 * SQLite from source when no prebuilt binary can be fetched). Without it only the first variant runs.
 */
const CHILD = join(import.meta.dirname, 'database-encryption.child.ts');
const VARIANTS = [
  ['better-sqlite3 (the app today)', undefined],
  ['Multiple Ciphers, no key', 'none'],
  ['Multiple Ciphers, SQLCipher (AES-256-CBC + HMAC)', 'sqlcipher'],
  ['Multiple Ciphers, ChaCha20-Poly1305', 'chacha20'],
] as const;

const LABELS: Record<string, [string, string]> = {
  open: ['open a new database (create, migrate)', 'ms'],
  import: ['import 10,000 people', 'ms'],
  listP50: ['crew list, first page of 100, p50', 'ms'],
  listP95: ['crew list, first page of 100, p95', 'ms'],
  sortedP50: ['crew list sorted by nationality (everyone), p50', 'ms'],
  searchP50: ['crew list, name typed "mar", p50', 'ms'],
  backup: ['backup (VACUUM INTO) at 10,000 people, p50', 'ms'],
  reopen: ['open again at 10,000 people and list', 'ms'],
  encrypted: ['the database file is encrypted (1) or plain (0)', ''],
};
/** Each variant runs this many times, the variants in turn, and the median is reported (the machine is shared). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function installed(): boolean {
  try {
    createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
    return true;
  } catch {
    return false;
  }
}

const bench: Benchmark = {
  name: 'Database encryption: the core on better-sqlite3 against SQLite3 Multiple Ciphers (10,000 people)',
  async run(report) {
    const available = installed();
    const variants = VARIANTS.filter(([name, cipher]) => {
      if (!cipher || available) return true;
      console.warn(`  ${name}: skipped (npm install --no-save better-sqlite3-multiple-ciphers to measure it)`);
      return false;
    });
    const runs = new Map<string, Array<Record<string, number>>>(variants.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, cipher] of variants) {
        const output = execFileSync(process.execPath, ['--import', 'tsx', CHILD], {
          env: { ...process.env, ...(cipher ? { BENCH_CIPHER: cipher } : {}) },
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        });
        runs.get(name)!.push(JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, number>);
      }
    }
    for (const [key, [label, unit]] of Object.entries(LABELS)) {
      for (const [name] of variants) report({ label: `${name}: ${label}`, value: median(runs.get(name)!.map((figures) => figures[key]!)), unit });
    }
  },
};
export default bench;
