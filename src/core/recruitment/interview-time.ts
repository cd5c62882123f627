import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { AppError } from '../api/errors';

/**
 * An interview is set in the wall-clock time of where it is held (a captain in Antibes, a candidate in Manila):
 * stored as the UTC instant plus the zone, and shown back in that zone.
 */
export function instantOf(localTime: string, timeZone: string): string {
  const [date, time] = localTime.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const zoned = new TZDate(y, m - 1, d, hh, mm, timeZone);
  // A time skipped when the clocks go forward does not exist there; TZDate would quietly move it.
  if (zoned.getFullYear() !== y || zoned.getMonth() !== m - 1 || zoned.getDate() !== d || zoned.getHours() !== hh || zoned.getMinutes() !== mm) {
    const message = `${time} on that day does not exist in ${timeZone} (the clocks change); choose another time`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'localTime', message }] });
  }
  return new Date(zoned.getTime()).toISOString();
}

/** The instant as it reads in the zone: "2026-12-03 10:00". */
export const localTimeOf = (instant: string, timeZone: string): string => format(new TZDate(Date.parse(instant), timeZone), 'yyyy-MM-dd HH:mm');
