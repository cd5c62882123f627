import { spawn, type ChildProcess } from 'node:child_process';
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

/**
 * A sync server in a process of its own (test/helpers/sync-server-process.ts), as an office runs it, with `env`
 * added to this one's (DATABASE_URL, or a PGlite folder); resolves once it listens.
 */
export function serverProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/sync-server-process.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /port (\d+)/.exec(out);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
}
