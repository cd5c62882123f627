import type { ScoringConfig } from '../../shared/fit/model';
import { dayNumber, isoDay } from '../team/days';
import type { PositionData } from './types';

/**
 * The first tour of a new person: from the planned start for the "on" weeks of the position's rotation, or for a
 * fixed number of days when it does not rotate (docs/fit-and-prediction.md#the-position-and-the-first-tour).
 * Certificates, visas and availability are all judged over it: something that runs out during it is a problem
 * today.
 */
export interface Tour {
  start: string;
  end: string;
  startDay: number;
  endDay: number;
  days: number;
}

export function firstTour(position: Pick<PositionData, 'startDate' | 'rotation'>, config: ScoringConfig): Tour {
  const days = position.rotation ? position.rotation.weeksOn * 7 : config.certificates.tourDaysWithoutRotation;
  const startDay = dayNumber(position.startDate);
  const endDay = startDay + days - 1;
  return { start: position.startDate, end: isoDay(endDay), startDay, endDay, days };
}
