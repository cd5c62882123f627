import { format } from 'date-fns';
import { formatDate as formatCalendarDate } from '../../shared/domain/dates';

/** A moment (an ISO timestamp) in the viewer's local time, its date written as `formatDate` writes dates. */
export function formatDateTime(iso: string): string {
  const moment = new Date(iso);
  return Number.isNaN(moment.getTime()) ? iso : format(moment, 'd MMM yyyy, HH:mm');
}

/** A `YYYY-MM-DD` calendar date as the app shows every date ("1 Nov 2026"); a dash when there is none. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  return formatCalendarDate(isoDate);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
