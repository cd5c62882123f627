import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { adminRoutes, announceRunning } from './admin-api';
import { buildApp } from './app';
import { scheduleHousekeeping, type Housekeeping } from './housekeeping';
import { openStore, type Store } from './store';

export interface ServeOptions {
  port: number;
  host?: string;
  /** PGlite data folder (ignored when `databaseUrl` is given). */
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
  /** Hours between housekeeping rounds (compaction, then the sweep of files); 0 for none. A day by default. */
  housekeepingHours?: number;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** Stops taking requests, lets those in flight finish, then closes the store. */
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!options.databaseUrl && options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const store = await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const app = await buildApp({
    store,
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.authorization'] },
  });
  const secret = adminRoutes(app, store);
  let withdraw = (): void => undefined;
  let housekeeping: Housekeeping | null = null;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      withdraw();
      await housekeeping?.stop();
      await app.close();
      await store.close();
    })());
  try {
    const url = await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
    const address = app.server.address();
    if (!options.databaseUrl && options.dataDir && address && typeof address === 'object') withdraw = announceRunning(options.dataDir, address.port, secret);
    const hours = options.housekeepingHours ?? 24;
    if (hours > 0) housekeeping = scheduleHousekeeping(store, { hours, log: app.log.child({ task: 'housekeeping' }) });
    return { url, app, store, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** SIGINT and SIGTERM close the server gracefully once; a second signal ends the process at once. */
export function closeOnSignals(server: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(1);
      stopping = true;
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
