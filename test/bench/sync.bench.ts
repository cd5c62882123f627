import { openDatabase, type LocalDatabase } from '../../src/core/db/database';
import { write } from '../../src/core/db/writes';
import { syncOnce } from '../../src/core/sync/run';
import { httpTransport } from '../../src/core/sync/transport';
import { createEnrolmentCode, enrol } from '../../src/server/admin';
import { postgresMissing, startPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-core';
import { testServer, type TestServer } from '../helpers/sync-server';
import { attachmentThroughput } from './attachment-throughput';
import type { Benchmark, Reporter } from './harness';

/**
 * docs/sync.md#measurements. A device's rows go to the server, then to a fresh device (initial sync); 1,000 edits
 * then travel the same way (incremental); ten devices push at once against PostgreSQL (throughput); a 5 MB scan
 * is sent and fetched (attachment-throughput.ts).
 * SYNC_BENCH_ROWS sets the number of rows on PostgreSQL (100,000 by default), SYNC_BENCH_PGLITE_ROWS on PGlite (10,000).
 */
const ROWS = Number(process.env.SYNC_BENCH_ROWS ?? 100_000);
/** PGlite pushes about 4,000 fields a second on the shared machine: a smaller set keeps the run in minutes. */
const PGLITE_ROWS = Number(process.env.SYNC_BENCH_PGLITE_ROWS ?? 10_000);

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
  const source = await device(server, dir, `source-${store}`);
  insertPeople(source.db, rows, 'Person');
  let start = performance.now();
  await source.sync();
  report({ label: `${store}: first push of ${rows.toLocaleString('en')} people (${(rows * 17).toLocaleString('en')} fields)`, value: seconds(start), unit: 's' });
  const fresh = await device(server, dir, `fresh-${store}`);
  start = performance.now();
  await fresh.sync();
  report({ label: `${store}: initial sync of ${rows.toLocaleString('en')} people to a fresh device`, value: seconds(start), unit: 's', target: rows === 100_000 ? '< 30 s' : undefined });
  write(source.db.sqlite, () => source.db.sqlite.prepare("UPDATE people SET phone = '+44 1' WHERE rowid IN (SELECT rowid FROM people LIMIT 1000)").run());
  start = performance.now();
  await source.sync();
  await fresh.sync();
  report({ label: `${store}: incremental sync of 1,000 edits (push on one device, pull on another)`, value: seconds(start) * 1000, unit: 'ms', target: '< 1000 ms' });
  source.db.close();
  fresh.db.close();
}

const bench: Benchmark = {
  name: 'Sync',
  async run(report) {
    const dir = tempDir('harmony-sync-bench-');
    const server = await testServer();
    try {
      await attachmentThroughput(report, dir.path, 'PGlite', server);
      await initialAndIncremental(report, dir.path, 'PGlite', server, PGLITE_ROWS);
    } finally {
      await server.close();
    }
    const missing = postgresMissing();
    if (missing) {
      report({ label: `PostgreSQL: skipped (${missing})`, value: 0, unit: '' });
      dir.remove();
      return;
    }
    const postgres = await startPostgres();
    const pgServer = await testServer({ databaseUrl: postgres.url });
    try {
      await attachmentThroughput(report, dir.path, 'PostgreSQL', pgServer);
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
