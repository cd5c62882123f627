import { openDatabase, type LocalDatabase } from '../../src/core/db/database';
import { write } from '../../src/core/db/writes';
import { syncOnce } from '../../src/core/sync/run';
import { httpTransport } from '../../src/core/sync/transport';
import { createEnrolmentCode, enrol } from '../../src/server/admin';
import { postgresMissing, startPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-core';
import { testServer, type TestServer } from '../helpers/sync-server';
import type { Benchmark, Reporter } from './harness';
import { seedPeople } from './sync-seed';

/**
 * docs/sync.md#measurements. The server is given 100,000 people rows (as pushes would have left them), then a fresh
 * device takes its initial sync (a snapshot); 1,000 edits then travel from a second device to the first
 * (incremental); ten devices push at once against PostgreSQL (throughput).
 * SYNC_BENCH_ROWS sets the number of rows (100,000 by default); SYNC_BENCH_POSTGRES=0 leaves PostgreSQL out.
 */
const ROWS = Number(process.env.SYNC_BENCH_ROWS ?? 100_000);

function insertPeople(db: LocalDatabase, count: number, tag: string): void {
  const now = new Date().toISOString();
  write(db.sqlite, () => {
    const insert = db.sqlite.prepare(
      "INSERT INTO people (id, given_names, surname, date_of_birth, nationalities, languages, email, sort_key, created_at, updated_at) VALUES (?, ?, ?, '1990-01-01', '[\"GBR\"]', '[\"English\"]', ?, ?, ?, ?)",
    );
    for (let i = 0; i < count; i += 1) insert.run(crypto.randomUUID(), `Given${i}`, `${tag}${i}`, `${tag}${i}@example.org`, `${tag}${i} given${i}`, now, now);
  });
}

async function device(server: TestServer, dir: string, name: string): Promise<{ db: LocalDatabase; sync: () => Promise<unknown>; push: () => Promise<unknown> }> {
  const enrolled = await enrol(server.store, (await createEnrolmentCode(server.store, server.org.id)).code, name);
  const db = openDatabase({ file: `${dir}/${name}.db` });
  const transport = httpTransport(server.url, enrolled.token);
  const pushOnly = { ...transport, pull: async () => ({ feeds: [], tenants: [], serverTime: Date.now() }) };
  return { db, sync: () => syncOnce(() => db.sqlite, transport, { batch: 5000 }), push: () => syncOnce(() => db.sqlite, pushOnly, { batch: 5000 }) };
}

const seconds = (start: number) => (performance.now() - start) / 1000;

async function initialAndIncremental(report: Reporter, dir: string, store: string, server: TestServer, rows: number): Promise<void> {
  const template = openDatabase({ file: `${dir}/template-${store}.db` });
  insertPeople(template, 1, 'Template');
  await seedPeople(server.store, `org:${server.org.id}`, template, rows);
  template.close();
  const fresh = await device(server, dir, `fresh-${store}`);
  let start = performance.now();
  await fresh.sync();
  report({ label: `${store}: initial sync of ${rows.toLocaleString('en')} people to a fresh device`, value: seconds(start), unit: 's', target: rows === 100_000 ? '< 30 s' : undefined });
  const count = fresh.db.sqlite.prepare('SELECT count(*) AS n FROM people').get() as { n: number };
  if (count.n !== rows) throw new Error(`The fresh device holds ${count.n} people, not ${rows}.`);
  const source = await device(server, dir, `second-${store}`);
  await source.sync();
  write(source.db.sqlite, () => source.db.sqlite.prepare("UPDATE people SET phone = '+44 1' WHERE rowid IN (SELECT rowid FROM people LIMIT 1000)").run());
  start = performance.now();
  await source.sync();
  await fresh.sync();
  report({ label: `${store}: incremental sync of 1,000 edits (push on one device, pull on another)`, value: seconds(start) * 1000, unit: 'ms', target: '< 1000 ms' });
  const edited = fresh.db.sqlite.prepare("SELECT count(*) AS n FROM people WHERE phone = '+44 1'").get() as { n: number };
  if (edited.n !== 1000) throw new Error(`The first device shows ${edited.n} of the 1,000 edits.`);
  source.db.close();
  fresh.db.close();
}

const bench: Benchmark = {
  name: 'Sync',
  async run(report) {
    const dir = tempDir('harmony-sync-bench-');
    const server = await testServer();
    try {
      await initialAndIncremental(report, dir.path, 'PGlite', server, ROWS);
    } finally {
      await server.close();
    }
    const missing = process.env.SYNC_BENCH_POSTGRES === '0' ? 'SYNC_BENCH_POSTGRES=0' : postgresMissing();
    if (missing) {
      report({ label: `PostgreSQL: skipped (${missing})`, value: 0, unit: '' });
      dir.remove();
      return;
    }
    const postgres = await startPostgres();
    const pgServer = await testServer({ databaseUrl: postgres.url });
    try {
      await initialAndIncremental(report, dir.path, 'PostgreSQL', pgServer, ROWS);
      const devices = await Promise.all(Array.from({ length: 10 }, (_, i) => device(pgServer, dir.path, `pg${i}`)));
      for (const [i, d] of devices.entries()) insertPeople(d.db, 2000, `D${i}x`);
      // Push only: each device's sync would also pull the nine others' changes.
      const start = performance.now();
      await Promise.all(devices.map((d) => d.push()));
      report({ label: 'PostgreSQL: push throughput, 10 devices at once (2,000 people each)', value: (10 * 2000 * 17) / seconds(start), unit: 'fields/s' });
      for (const d of devices) d.db.close();
    } finally {
      await pgServer.close();
      postgres.stop();
      dir.remove();
    }
  },
};
export default bench;
