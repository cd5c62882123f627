import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createShareRequestSchema } from '../shared/sync/shares';
import type { DeviceRow } from './admin';
import { createShare, listShares, revokeShare, shareDirectory } from './shares';
import type { Store } from './store';

interface ShareRouteDeps {
  store: Store;
  now: () => number;
  deviceOf: (request: FastifyRequest) => Promise<DeviceRow>;
  parse: <S extends z.ZodType>(schema: S, body: unknown) => z.infer<S>;
}

/**
 * The share routes (docs/sync.md#sharing): `GET /v1/orgs` (whom a device may share with), `GET /v1/shares`,
 * `POST /v1/shares` and `POST /v1/shares/:id/revoke`. Each is checked against the device's tenants in shares.ts.
 */
export function shareRoutes(app: FastifyInstance, { store, now, deviceOf, parse }: ShareRouteDeps): void {
  app.get('/v1/orgs', async (request) => ({ orgs: await shareDirectory(store, await deviceOf(request)) }));

  app.get('/v1/shares', async (request) => ({ shares: await listShares(store, await deviceOf(request)) }));

  app.post('/v1/shares', async (request) => {
    const device = await deviceOf(request);
    const body = parse(createShareRequestSchema, request.body);
    const share = await createShare(store, device, body.personId, body.to, now());
    request.log.info({ deviceId: device.id, shareId: share.id, to: share.to.id }, 'share created');
    return { share };
  });

  app.post('/v1/shares/:id/revoke', async (request) => {
    const device = await deviceOf(request);
    const { id } = parse(z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a share id holds letters, digits and dashes') }), request.params);
    const share = await revokeShare(store, device, id, now());
    request.log.info({ deviceId: device.id, shareId: share.id }, 'share revoked');
    return { share };
  });
}
