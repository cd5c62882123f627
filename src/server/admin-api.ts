import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addOrg, createEnrolmentCode, listDevices, revokeDevice, type DeviceListing, type Org } from './admin';
import { compactFeeds, type CompactedFeed } from './compaction';
import { SyncError } from './errors';
import { sweepFiles, type SweepReport } from './file-sweep';
import { openStore, type Store } from './store';

/**
 * The administrator's commands, against the store directly or — when a server already runs on the same PGlite
 * folder, which one process at a time may open — through that server on the loopback address, with a secret it
 * wrote into the folder for its own operator (`server.json`, readable by its owner only).
 */
export interface AdminApi {
  addOrg(name: string): Promise<Org>;
  enrolmentCode(org: string, vesselId?: string): Promise<{ code: string; org: Org; vesselId: string | null; expiresAt: string }>;
  devices(): Promise<DeviceListing[]>;
  revoke(id: string): Promise<void>;
  /** Removes feed entries a later entry of the same cell supersedes (docs/sync.md#snapshots-and-compaction). */
  compact(feed?: string): Promise<CompactedFeed[]>;
  /** Removes files no row has named for the grace period, and uploads left unfinished (docs/sync.md#attachments). */
  sweep(dryRun: boolean): Promise<SweepReport>;
  close(): Promise<void>;
}

const directApi = (store: Store): AdminApi => ({
  addOrg: (name) => addOrg(store, name),
  enrolmentCode: (org, vesselId) => createEnrolmentCode(store, org, vesselId),
  devices: () => listDevices(store),
  revoke: (id) => revokeDevice(store, id),
  compact: (feed) => compactFeeds(store, feed),
  sweep: (dryRun) => sweepFiles(store, { dryRun }),
  close: () => store.close(),
});

const RUNNING_FILE = 'server.json';
const runningSchema = z.object({ port: z.number().int(), secret: z.string().min(32) });

function remoteApi(port: number, secret: string): AdminApi {
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${port}/admin/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-harmony-admin': secret },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { error?: { code: string; message: string } } & T;
    if (answer.error) throw new SyncError(answer.error.code as never, answer.error.message);
    return answer;
  };
  return {
    addOrg: (name) => call('org', { name }),
    enrolmentCode: (org, vesselId) => call('enrol', { org, vesselId }),
    devices: async () => (await call<{ devices: DeviceListing[] }>('devices', {})).devices,
    revoke: async (id) => void (await call('revoke', { id })),
    compact: async (feed) => (await call<{ feeds: CompactedFeed[] }>('compact', { feed })).feeds,
    sweep: (dryRun) => call<SweepReport>('sweep', { dryRun: String(dryRun) }),
    close: async () => undefined,
  };
}

export async function openAdminApi(options: { dataDir?: string; databaseUrl?: string }): Promise<AdminApi> {
  if (!options.databaseUrl && options.dataDir && existsSync(join(options.dataDir, RUNNING_FILE))) {
    const running = runningSchema.safeParse(JSON.parse(readFileSync(join(options.dataDir, RUNNING_FILE), 'utf8')));
    if (running.success) {
      const alive = await fetch(`http://127.0.0.1:${running.data.port}/health`).then((r) => r.ok, () => false);
      if (alive) return remoteApi(running.data.port, running.data.secret);
    }
  }
  return directApi(await openStore(options));
}

/** Registers the loopback admin routes (before the server listens); returns their secret. */
export function adminRoutes(app: FastifyInstance, store: Store): string {
  const secret = crypto.randomUUID() + crypto.randomUUID();
  const api = directApi(store);
  app.post('/admin/:action', async (request) => {
    const loopback = request.ip === '127.0.0.1' || request.ip === '::1' || request.ip === '::ffff:127.0.0.1';
    if (!loopback || request.headers['x-harmony-admin'] !== secret) throw new SyncError('FORBIDDEN', 'Administration is for the server’s own computer.');
    const body = z.record(z.string(), z.string().optional()).parse(request.body ?? {});
    switch ((request.params as { action: string }).action) {
      case 'org':
        return api.addOrg(body.name ?? '');
      case 'enrol':
        return api.enrolmentCode(body.org ?? '', body.vesselId);
      case 'devices':
        return { devices: await api.devices() };
      case 'revoke':
        await api.revoke(body.id ?? '');
        return { ok: true };
      case 'compact':
        return { feeds: await api.compact(body.feed) };
      case 'sweep':
        return api.sweep(body.dryRun === 'true');
      default:
        throw new SyncError('NOT_FOUND', 'No such administration command.');
    }
  });
  return secret;
}

/** Tells the operator's commands where the running server is; the returned function takes it back. */
export function announceRunning(dataDir: string, port: number, secret: string): () => void {
  const file = join(dataDir, RUNNING_FILE);
  writeFileSync(file, JSON.stringify({ port, secret }), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}
