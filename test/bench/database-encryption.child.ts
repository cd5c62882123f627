/**
 * One variant of database-encryption.bench.ts, in a process of its own: the core's real work on a fresh data
 * folder — open (create and migrate), import 10,000 people, the crew list, a backup, and opening again at 10,000
 * people. BENCH_CIPHER names the variant: unset for the app's own better-sqlite3; `none`, `sqlcipher` or
 * `chacha20` for SQLite3 Multiple Ciphers, loaded in its place (database-encryption.shim.ts). Prints one JSON
 * line of figures.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { percentile, sample } from './harness';

const PEOPLE = 10_000;
/** Sign-in is not what is measured: cheap password hashes. */
const options = { passwordCost: { ln: 4, r: 8, p: 1 } };
const OWNER = { username: 'owner', displayName: 'Bench Owner', password: 'bench-password-1' };

if (process.env.BENCH_CIPHER) {
  const shim = pathToFileURL(join(import.meta.dirname, 'database-encryption.shim.ts')).href;
  const hook = `export async function resolve(specifier, context, next) {
    return next(specifier === 'better-sqlite3' ? ${JSON.stringify(shim)} : specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
// Imported only now: whatever loads the core before the hook is registered would get the app's better-sqlite3.
const { createCore } = await import('../../src/core/core');
const { tempDir } = await import('../helpers/temp-core');
const { peopleCsv } = await import('./fleet-data');

const figures: Record<string, number> = {};
const dir = tempDir('harmony-dbcrypt-');
try {
  let started = performance.now();
  let core = createCore({ dataDir: dir.path, ...options });
  await core.call('system.health', {});
  figures.open = performance.now() - started;
  let owner = core.withSession((await core.call('auth.createOwner', OWNER)).token!);

  started = performance.now();
  await owner.call('people.import', { contentBase64: Buffer.from(peopleCsv(PEOPLE)).toString('base64') });
  figures.import = performance.now() - started;

  const firstPage = await sample(30, () => owner.call('people.list', { limit: 100 }));
  figures.listP50 = percentile(firstPage, 50);
  figures.listP95 = percentile(firstPage, 95);
  const sorted = await sample(10, () => owner.call('people.list', { limit: 100, sort: 'nationality' }));
  figures.sortedP50 = percentile(sorted, 50);
  const search = await sample(30, () => owner.call('people.list', { limit: 100, search: 'mar' }));
  figures.searchP50 = percentile(search, 50);

  const backups = await sample(3, () => owner.call('backups.create', {}));
  figures.backup = percentile(backups, 50);
  await core.close();

  started = performance.now();
  core = createCore({ dataDir: dir.path, ...options });
  owner = await core.signIn(OWNER.username, OWNER.password);
  await owner.call('people.list', { limit: 100 });
  figures.reopen = performance.now() - started;
  await core.close();
  // Whether the file on disk is really encrypted: a plain SQLite file starts with its format's name.
  const fd = openSync(join(dir.path, 'harmony.db'), 'r');
  const head = Buffer.alloc(16);
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  figures.encrypted = head.toString('latin1') === 'SQLite format 3\0' ? 0 : 1;
} finally {
  dir.remove();
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
