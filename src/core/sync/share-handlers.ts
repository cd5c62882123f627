import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { createShare, listShares, receivedShares, revokeShare, shareDirectory, type ShareServiceOptions } from './shares-service';

type ShareMethods = 'shares.directory' | 'shares.list' | 'shares.create' | 'shares.revoke' | 'shares.received';

export function shareHandlers(ctx: ServiceContext, options: ShareServiceOptions = {}): HandlerGroup<ShareMethods> {
  return {
    'shares.directory': () => shareDirectory(ctx, options),
    'shares.list': (input) => listShares(ctx, input, options),
    'shares.create': (input) => createShare(ctx, input, options),
    'shares.revoke': (input) => revokeShare(ctx, input.id, options),
    'shares.received': () => receivedShares(ctx),
  };
}
