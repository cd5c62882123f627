import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import type { z } from 'zod';
import { auditCopyRequestSchema } from '../shared/sync/audit-copy';
import { enrolRequestSchema, MAX_BODY_BYTES, pullRequestSchema, pushRequestSchema, type SyncErrorBody } from '../shared/sync/protocol';
import { deviceOfToken, enrol } from './admin';
import { recordAuditHead } from './audit-heads';
import { auditCopyHead, storeAuditCopy } from './audit-copies';
import { attachmentRoutes } from './attachment-routes';
import { SyncError } from './errors';
import { checkReader, pull, push } from './exchange';
import { shareRoutes } from './share-routes';
import { snapshotPage } from './snapshot';
import { serverIdOf, type Store } from './store';
import { snapshotRequestSchema } from '../shared/sync/snapshot-protocol';

export interface AppOptions {
  store: Store;
  /** pino options; `false` for none (tests). */
  logger?: LoggerOptions | false;
  /** Requests per minute per device token (or address, before enrolment). */
  rateLimit?: number;
  /** The server's clock; tests move it. */
  now?: () => number;
}

/**
 * The sync server's HTTP face (docs/sync.md#the-server): `GET /health`, `POST /v1/enrol`, `/v1/push`, `/v1/pull`,
 * `/v1/snapshot`.
 * Stateless over its store, so several instances may serve one PostgreSQL. Every body is parsed with the shared
 * zod schemas; every refusal is `{ error: { code, message } }` and leaves nothing half applied.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const serverId = await serverIdOf(store);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BODY_BYTES });

  await app.register(rateLimit, {
    max: options.rateLimit ?? 600,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.headers.authorization ?? request.ip,
    errorResponseBuilder: () => ({ error: { code: 'RATE_LIMITED', message: 'Too many requests from this device; it will try again shortly.' } }) as never,
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof SyncError) {
      void reply.status(error.status).send({ error: { code: error.code, message: error.message, ...error.extra } } satisfies SyncErrorBody);
      return;
    }
    const fastifyError = error as { code?: string; statusCode?: number };
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      void reply.status(413).send({ error: { code: 'TOO_LARGE', message: `A request may carry at most ${MAX_BODY_BYTES} bytes.` } });
    } else if (fastifyError.statusCode === 429) {
      void reply.status(429).send(error);
    } else if (fastifyError.statusCode !== undefined && fastifyError.statusCode < 500) {
      void reply.status(400).send({ error: { code: 'VALIDATION', message: (error as Error).message } });
    } else {
      request.log.error({ err: error }, 'request failed');
      void reply.status(500).send({ error: { code: 'INTERNAL', message: 'The server failed to handle this request; it has been logged.' } });
    }
  });

  const parse = <S extends z.ZodType>(schema: S, body: unknown): z.infer<S> => {
    const result = schema.safeParse(body);
    if (!result.success) {
      throw new SyncError('VALIDATION', result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).slice(0, 5).join('; '));
    }
    return result.data;
  };
  const deviceOf = (request: FastifyRequest) => deviceOfToken(store, /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1], serverId);

  app.get('/health', async () => ({ ok: true, store: store.kind, serverId, time: now() }));

  app.post('/v1/enrol', async (request) => {
    const body = parse(enrolRequestSchema, request.body);
    const enrolled = await enrol(store, body.code, body.name);
    request.log.info({ deviceId: enrolled.deviceId, tenants: enrolled.tenants }, 'device enrolled');
    return { serverId, deviceId: enrolled.deviceId, token: enrolled.token, homeFeed: enrolled.home, tenants: enrolled.tenants };
  });

  app.post('/v1/push', async (request) => {
    const device = await deviceOf(request);
    const body = parse(pushRequestSchema, request.body);
    const acknowledged = await push(store, device, body, now());
    if (body.auditHead) await recordAuditHead(store, device.id, body.auditHead);
    request.log.info({ deviceId: device.id, changes: body.changes.length, acknowledged }, 'push');
    return { acknowledged, serverTime: now() };
  });

  app.get('/v1/audit', async (request) => auditCopyHead(store, await deviceOf(request)));

  app.post('/v1/audit', async (request) => {
    const device = await deviceOf(request);
    const head = await storeAuditCopy(store, device, parse(auditCopyRequestSchema, request.body));
    request.log.info({ deviceId: device.id, branch: head.branch, seq: head.seq }, 'audit copy');
    return head;
  });

  app.post('/v1/pull', async (request) => {
    const device = await deviceOf(request);
    const body = parse(pullRequestSchema, request.body);
    checkReader(body.schemaVersion);
    const page = await pull(store, device, body.cursors, body.limit);
    return { ...page, serverTime: now() };
  });

  shareRoutes(app, { store, now, deviceOf, parse });
  await app.register(attachmentRoutes, { store, deviceOf, parse });
  app.post('/v1/snapshot', async (request) => {
    const device = await deviceOf(request);
    const body = parse(snapshotRequestSchema, request.body);
    checkReader(body.schemaVersion);
    return snapshotPage(store, device, body, now());
  });

  return app;
}
