import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  ATTACHMENT_SIZE_HEADER,
  attachmentDownloadQuerySchema,
  attachmentParamsSchema,
  attachmentStatusRequestSchema,
  attachmentUploadQuerySchema,
} from '../shared/sync/attachments';
import { MAX_BODY_BYTES } from '../shared/sync/protocol';
import type { DeviceRow } from './admin';
import { attachmentStatus, downloadChunk, uploadChunk } from './attachments';
import { SyncError } from './errors';
import type { Store } from './store';

export interface AttachmentRouteOptions {
  store: Store;
  deviceOf: (request: FastifyRequest) => Promise<DeviceRow>;
  parse: <S extends z.ZodType>(schema: S, value: unknown) => z.infer<S>;
}

/**
 * `POST /v1/attachments/status`, `GET /v1/attachments/:hash?offset=` and `PUT /v1/attachments/:hash?offset=&size=`
 * (docs/sync.md#attachments). Registered as its own plugin so that raw bytes are accepted on these routes only.
 */
export async function attachmentRoutes(app: FastifyInstance, options: AttachmentRouteOptions): Promise<void> {
  const { store, deviceOf, parse } = options;
  // The body limit stays the server's; a chunk's own bound is checked by uploadChunk, which says it in words.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => done(null, body));

  app.post('/v1/attachments/status', async (request) => {
    const device = await deviceOf(request);
    const body = parse(attachmentStatusRequestSchema, request.body);
    return { attachments: await attachmentStatus(store, device, body.hashes) };
  });

  app.get('/v1/attachments/:hash', async (request, reply) => {
    const device = await deviceOf(request);
    const { hash } = parse(attachmentParamsSchema, request.params);
    const { offset } = parse(attachmentDownloadQuerySchema, request.query);
    const chunk = await downloadChunk(store, device, hash, offset);
    return reply.header(ATTACHMENT_SIZE_HEADER, String(chunk.size)).type('application/octet-stream').send(chunk.data);
  });

  app.put('/v1/attachments/:hash', async (request) => {
    const device = await deviceOf(request);
    const { hash } = parse(attachmentParamsSchema, request.params);
    const query = parse(attachmentUploadQuerySchema, request.query);
    if (!Buffer.isBuffer(request.body)) throw new SyncError('VALIDATION', 'A chunk is sent as application/octet-stream.');
    const answer = await uploadChunk(store, device, hash, { ...query, data: request.body });
    if (answer.complete) request.log.info({ deviceId: device.id, hash, size: query.size }, 'attachment complete');
    return answer;
  });
}
