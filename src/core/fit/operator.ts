import { hostname } from 'node:os';
import type { ServiceContext } from '../context';
import { actorName } from '../documents/store';

/**
 * Who is using the app, for the advisory log and decisions. There are no user accounts yet: this is the reviewer
 * name typed in Settings (or "unnamed user") on this computer. The one place a future sign-in replaces.
 */
export function currentOperator(ctx: ServiceContext): { operator: string; device: string } {
  return { operator: actorName(), device: hostname() };
}
