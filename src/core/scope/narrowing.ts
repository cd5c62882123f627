import { currentUser } from '../auth/caller';
import type { Department } from '../../shared/domain/crew';

/**
 * What the user of the call in progress may see, when it is less than everything (docs/security.md#scope).
 * - `vessels`: a user scoped to some vessels (`vesselIds`), or to a department (a head of department), or both.
 *   `vesselIds: null` keeps every vessel; `department` narrows assessment results, profiles and pulse and team
 *   figures to the people of that department.
 * - `self`: a crew member, who sees their own person record and nothing else.
 * Null (no caller, system work, or a user of the whole organisation) sees everything: the lists then run the
 * queries they always ran, with no predicate added.
 */
export type Narrowing =
  | { readonly kind: 'vessels'; readonly vesselIds: readonly string[] | null; readonly department: Department | null; readonly userId: string }
  | { readonly kind: 'self'; readonly personId: string | null; readonly userId: string };

export function currentNarrowing(): Narrowing | null {
  const user = currentUser();
  if (user === null) return null;
  if (user.role === 'crew_member') return { kind: 'self', personId: user.personId, userId: user.userId };
  const { vesselIds, department } = user.scope;
  if (vesselIds === null && department === null) return null;
  return { kind: 'vessels', vesselIds, department, userId: user.userId };
}

/** True when the call in progress sees only part of the organisation. */
export const isNarrowed = (): boolean => currentNarrowing() !== null;

/** The department a head of department is narrowed to, or null: their team figures count that department only. */
export function scopedDepartment(): Department | null {
  const narrowing = currentNarrowing();
  return narrowing?.kind === 'vessels' ? narrowing.department : null;
}
