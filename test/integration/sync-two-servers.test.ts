import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LocalDatabase } from '../../src/core/db/database';
import { write } from '../../src/core/db/writes';
import { syncOnce } from '../../src/core/sync/run';
import { httpTransport } from '../../src/core/sync/transport';
import { addOrg, createEnrolmentCode, enrol } from '../../src/server/admin';
import { openStore, type Store } from '../../src/server/store';
import { postgresMissing, startPostgres, type TempPostgres } from '../helpers/postgres';
import { serverProcess } from '../helpers/sync-server';
import { tempDir } from '../helpers/temp-core';

/**
 * docs/sync.md#the-server: the server keeps nothing of its own beside its database, so two server processes on
 * one PostgreSQL serve the same laptops — each laptop's pushes and pulls alternate between them, several at once.
 */
const missing = postgresMissing();
let postgres: TempPostgres;
let store: Store;
const servers: { child: ChildProcess; url: string }[] = [];
const scratch = tempDir('harmony-two-servers-');

describe.skipIf(missing !== null)(`two server processes on one PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    postgres = await startPostgres();
    store = await openStore({ databaseUrl: postgres.url });
    servers.push(...(await Promise.all([serverProcess({ DATABASE_URL: postgres.url }), serverProcess({ DATABASE_URL: postgres.url })])));
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    await store?.close();
    postgres?.stop();
    scratch.remove();
  });

  it('laptops that alternate between them, several at once, end with the same rows', async () => {
    const org = await addOrg(store, 'Two Servers');
    const laptops: { db: LocalDatabase; token: string }[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { token } = await enrol(store, (await createEnrolmentCode(store, org.id)).code, `laptop ${i}`);
      laptops.push({ db: openDatabase({ file: `${scratch.path}/${i}.db` }), token });
    }
    const sync = (laptop: (typeof laptops)[number], server: number) => syncOnce(() => laptop.db.sqlite, httpTransport(servers[server]!.url, laptop.token));
    for (let round = 0; round < 3; round += 1) {
      for (const [i, laptop] of laptops.entries()) {
        write(laptop.db.sqlite, () => {
          const now = new Date().toISOString();
          laptop.db.sqlite
            .prepare("INSERT INTO vessels (id, name, kind, length_m, flag, use, cruising_areas, created_at, updated_at) VALUES (?, ?, 'motor', 40, 'MLT', 'private', '[]', ?, ?)")
            .run(crypto.randomUUID(), `Laptop ${i} round ${round}`, now, now);
          laptop.db.sqlite.prepare('UPDATE vessels SET home_port = ?, updated_at = ?').run(`Port ${i}.${round}`, now);
        });
      }
      await Promise.all(laptops.map((laptop, i) => sync(laptop, (i + round) % 2)));
    }
    for (const [i, laptop] of laptops.entries()) await sync(laptop, i % 2);
    const contents = laptops.map((laptop) => laptop.db.sqlite.prepare('SELECT id, name, home_port FROM vessels ORDER BY id').all());
    expect(contents[0]).toHaveLength(12);
    for (const other of contents.slice(1)) expect(other).toEqual(contents[0]);
    for (const laptop of laptops) laptop.db.close();
  }, 120_000);
});
