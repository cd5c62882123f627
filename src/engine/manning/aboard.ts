import { dayNumber } from '../../shared/domain/dates';
import { phaseOnDay, rotaDays, type RotaAssignment } from './rotation';

/**
 * Who is aboard on a date: the assignments (of a vessel, say) whose person is in an "on" period that day.
 * Archived assignments must be left out by the caller. Extra fields of each assignment (ids, names, positions)
 * come back untouched, so callers keep what they passed in.
 */
export function aboardOn<T extends RotaAssignment>(assignments: readonly T[], date: string): T[] {
  const day = dayNumber(date);
  return assignments.filter((a) => phaseOnDay(rotaDays(a), day) === 'aboard');
}
