import { hostname } from 'node:os';
import { actorName } from '../documents/store';

/**
 * Who is using the app, for the advisory log and decisions: the signed-in user's name (or the system's reason), and
 * this computer's host name.
 */
export function currentOperator(): { operator: string; device: string } {
  return { operator: actorName(), device: hostname() };
}
