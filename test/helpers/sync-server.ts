import type { FastifyInstance } from 'fastify';
import { addOrg, createEnrolmentCode } from '../../src/server/admin';
import { buildApp } from '../../src/server/app';
import { openStore, type Store, type StoreOptions } from '../../src/server/store';

export interface TestServer {
  store: Store;
  app: FastifyInstance;
  url: string;
  org: { id: string; name: string };
  code(vesselId?: string): Promise<string>;
  close(): Promise<void>;
}

/** A sync server on a free loopback port over its own store (in-memory PGlite unless told otherwise). */
export async function testServer(options: StoreOptions & { now?: () => number; orgName?: string } = {}): Promise<TestServer> {
  const store = await openStore(options);
  const app = await buildApp({ store, logger: process.env.SYNC_TEST_LOG ? { level: 'error' } : false, rateLimit: 100_000, now: options.now });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const org = await addOrg(store, options.orgName ?? `Fleet ${crypto.randomUUID().slice(0, 8)}`);
  return {
    store,
    app,
    url,
    org,
    code: async (vesselId) => (await createEnrolmentCode(store, org.id, vesselId)).code,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
