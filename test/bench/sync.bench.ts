import { openDatabase, type LocalDatabase } from '../../src/core/db/database';
import { write } from '../../src/core/db/writes';
import { syncOnce } from '../../src/core/sync/run';
import { httpTransport, type SyncTransport } from '../../src/core/sync/transport';
import { addOrg, createEnrolmentCode, enrol } from '../../src/server/admin';
import { openStore, type StoreOptions } from '../../src/server/store';
import { postgresMissing, startPostgres } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-core';
import { serverProcess, testServer, type TestServer } from '../helpers/sync-server';
import { attachmentThroughput } from './attachment-throughput';
import type { Benchmark, Reporter } from './harness';
import { seedPeople } from './sync-seed';

/**
 * docs/sync.md#measurements. The server's store is given 100,000 people rows (as pushes would have left them); a
 * sync server then runs as its own process, as it does for an office, and a fresh device takes its initial sync
 * (a snapshot); 1,000 edits then travel from a second device to the first (incremental); ten devices push at once
 * against PostgreSQL (throughput); a 5 MB scan is sent and fetched (attachment-throughput.ts). SYNC_BENCH_ROWS sets the number of rows (100,000 by default);
 * SYNC_BENCH_POSTGRES=0 leaves PostgreSQL out.
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

interface BenchDevice {
  db: LocalDatabase;
  sync: () => Promise<unknown>;
  push: () => Promise<unknown>;
}

function benchDevice(db: LocalDatabase, transport: SyncTransport): BenchDevice {
  const pushOnly = { ...transport, pull: async () => ({ feeds: [], tenants: [], serverTime: Date.now() }) };
  return { db, sync: () => syncOnce(() => db.sqlite, transport, { batch: 5000 }), push: () => syncOnce(() => db.sqlite, pushOnly, { batch: 5000 }) };
}

async function device(server: TestServer, dir: string, name: string): Promise<BenchDevice> {
  const enrolled = await enrol(server.store, (await createEnrolmentCode(server.store, server.org.id)).code, name);
  return benchDevice(openDatabase({ file: `${dir}/${name}.db` }), httpTransport(server.url, enrolled.token));
}

const seconds = (start: number) => (performance.now() - start) / 1000;

/** Seeds a store, starts a server process on it, and measures an initial and an incremental sync. */
async function initialAndIncremental(report: Reporter, dir: string, label: string, storeOptions: StoreOptions, rows: number): Promise<void> {
  const store = await openStore(storeOptions);
  const org = await addOrg(store, `Bench ${crypto.randomUUID().slice(0, 8)}`);
  const template = openDatabase({ file: `${dir}/template-${label}.db` });
  insertPeople(template, 1, 'Template');
  await seedPeople(store, `org:${org.id}`, template, rows);
  template.close();
  const codes = [(await createEnrolmentCode(store, org.id)).code, (await createEnrolmentCode(store, org.id)).code];
  // PGlite opens its folder in one process at a time: the server process takes it over.
  await store.close();
  const server = await serverProcess(storeOptions.databaseUrl ? { DATABASE_URL: storeOptions.databaseUrl } : { SYNC_DATA_DIR: storeOptions.dataDir! });
  try {
    const join = async (code: string, name: string) => {
      const enrolled = await httpTransport(server.url, null).enrol(server.url, { code, name });
      return benchDevice(openDatabase({ file: `${dir}/${name}-${label}.db` }), httpTransport(server.url, enrolled.token));
    };
    const fresh = await join(codes[0]!, 'fresh');
    let start = performance.now();
    await fresh.sync();
    report({ label: `${label}: initial sync of ${rows.toLocaleString('en')} people to a fresh device`, value: seconds(start), unit: 's', target: rows === 100_000 ? '< 30 s' : undefined });
    const count = fresh.db.sqlite.prepare('SELECT count(*) AS n FROM people').get() as { n: number };
    if (count.n !== rows) throw new Error(`The fresh device holds ${count.n} people, not ${rows}.`);
    const second = await join(codes[1]!, 'second');
    await second.sync();
    write(second.db.sqlite, () => second.db.sqlite.prepare("UPDATE people SET phone = '+44 1' WHERE rowid IN (SELECT rowid FROM people LIMIT 1000)").run());
    start = performance.now();
    await second.sync();
    await fresh.sync();
    report({ label: `${label}: incremental sync of 1,000 edits (push on one device, pull on another)`, value: seconds(start) * 1000, unit: 'ms', target: '< 1000 ms' });
    const edited = fresh.db.sqlite.prepare("SELECT count(*) AS n FROM people WHERE phone = '+44 1'").get() as { n: number };
    if (edited.n !== 1000) throw new Error(`The first device shows ${edited.n} of the 1,000 edits.`);
    fresh.db.close();
    second.db.close();
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }
}

const bench: Benchmark = {
  name: 'Sync',
  async run(report) {
    const dir = tempDir('harmony-sync-bench-');
    try {
      const attachmentServer = await testServer();
      try {
        await attachmentThroughput(report, dir.path, 'PGlite', attachmentServer);
      } finally {
        await attachmentServer.close();
      }
      await initialAndIncremental(report, dir.path, 'PGlite', { dataDir: `${dir.path}/server` }, ROWS);
      const missing = process.env.SYNC_BENCH_POSTGRES === '0' ? 'SYNC_BENCH_POSTGRES=0' : postgresMissing();
      if (missing) {
        report({ label: `PostgreSQL: skipped (${missing})`, value: 0, unit: '' });
        return;
      }
      const postgres = await startPostgres();
      try {
        await initialAndIncremental(report, dir.path, 'PostgreSQL', { databaseUrl: postgres.url }, ROWS);
        const pgServer = await testServer({ databaseUrl: postgres.url });
        try {
          await attachmentThroughput(report, dir.path, 'PostgreSQL', pgServer);
          const devices = await Promise.all(Array.from({ length: 10 }, (_, i) => device(pgServer, dir.path, `pg${i}`)));
          for (const [i, d] of devices.entries()) insertPeople(d.db, 2000, `D${i}x`);
          // Push only: each device's sync would also pull the nine others' changes.
          const start = performance.now();
          await Promise.all(devices.map((d) => d.push()));
          report({ label: 'PostgreSQL: push throughput, 10 devices at once (2,000 people each)', value: (10 * 2000 * 17) / seconds(start), unit: 'fields/s' });
          for (const d of devices) d.db.close();
        } finally {
          await pgServer.close();
        }
      } finally {
        postgres.stop();
      }
    } finally {
      dir.remove();
    }
  },
};
export default bench;
