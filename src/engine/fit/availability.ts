import type { ScoringConfig } from '../../shared/fit/model';
import { dayNumber, isoDay } from '../team/days';
import type { Tour } from './tour';
import type { CandidateData, SubScore } from './types';
import { dayText } from './words';

/**
 * Availability (docs/fit-and-prediction.md#availability): the share of the first tour the person is free — no
 * live assignment over it. Someone in post with no end date can leave after their notice from the scoring date;
 * without a notice period on record a default is assumed and the confidence lowered.
 */
export function availabilityScore(candidate: Pick<CandidateData, 'bookings' | 'noticeDays'>, tour: Tour, asOf: string, config: ScoringConfig['availability']): SubScore {
  const out: SubScore = { name: 'availability', score: null, confidence: 1, strengths: [], gaps: [], notes: [] };
  const today = dayNumber(asOf);
  const blocked: Array<[number, number]> = [];
  for (const booking of candidate.bookings) {
    const start = dayNumber(booking.startDate);
    let end: number;
    if (booking.endDate !== null) end = dayNumber(booking.endDate);
    else if (start <= today) {
      const notice = candidate.noticeDays ?? config.defaultNoticeDays;
      if (candidate.noticeDays === null) {
        out.confidence = Math.min(out.confidence, config.unknownNoticeConfidence);
        out.notes.push(`Their notice period is not on record; ${config.defaultNoticeDays} days are assumed.`);
      }
      end = today + notice - 1;
    } else end = Number.POSITIVE_INFINITY;
    const from = Math.max(start, tour.startDay);
    const to = Math.min(end, tour.endDay);
    if (from > to) continue;
    blocked.push([from, to]);
    if (start <= tour.startDay) out.gaps.push(`Not free until ${dayText(isoDay(Math.min(end, tour.endDay) + 1))} (${booking.label}${booking.endDate === null && start <= today ? `, ${candidate.noticeDays ?? config.defaultNoticeDays} days’ notice` : ''})`);
    else out.gaps.push(`Booked from ${dayText(booking.startDate)} (${booking.label})`);
  }
  blocked.sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [from, to] of blocked) {
    const start = Math.max(from, reach + 1);
    if (to >= start) busy += to - start + 1;
    reach = Math.max(reach, to);
  }
  out.score = 1 - busy / tour.days;
  if (busy === 0) out.strengths.push(`Free from ${dayText(tour.start)} for the whole first tour`);
  return out;
}
