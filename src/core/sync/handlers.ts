import type { HandlerGroup } from '../api/dispatcher';
import type { ServiceContext } from '../context';
import { recordSyncAction } from './sync-audit';
import { enrolDevice, listConflicts, reverseConflict, setSyncInterval, startAutomaticSync, syncNow, syncStatus, type SyncServiceOptions } from './service';

type SyncMethods = 'sync.status' | 'sync.enrol' | 'sync.now' | 'sync.setInterval' | 'sync.conflicts' | 'sync.reverse';

export function syncHandlers(ctx: ServiceContext, options: SyncServiceOptions = {}): HandlerGroup<SyncMethods> {
  startAutomaticSync(ctx, options);
  return {
    'sync.status': () => syncStatus(ctx),
    'sync.enrol': (input) => enrolDevice(ctx, input, options),
    'sync.now': () => {
      recordSyncAction(ctx, 'sync_requested', 'Sync now');
      return syncNow(ctx, options);
    },
    'sync.setInterval': (input) => setSyncInterval(ctx, input.minutes, options),
    'sync.conflicts': (input) => listConflicts(ctx, input.includeReversed),
    'sync.reverse': (input) => reverseConflict(ctx, input.id),
  };
}
