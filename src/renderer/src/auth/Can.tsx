import type { ReactNode } from 'react';
import type { Capability } from '../../../shared/auth/roles';
import { useCan } from './session';

/**
 * Shows its children only to a user whose role holds the capability: buttons that write are not offered to a
 * role that may only read. Hiding is for clarity, not protection: the core refuses the call anyway.
 */
export function Can({ need, children }: { need: Capability; children: ReactNode }) {
  return useCan(need) ? children : null;
}
