import type { ValidityThresholds, Verdict } from '../../shared/psychometrics';
import type { ProctoringEvent, ReportedEvent, Severity } from '../../shared/questionnaires';
import { verdictOf, type Finding } from './validity';

/**
 * Proctoring events and what they do to a verdict (docs/questionnaires.md#proctoring-events). The severity of
 * an event is decided here, from its kind and duration, never by the page that reports it.
 */

/** Idle spells shorter than this are not reported; from `IDLE_MEDIUM_SECONDS` they weigh more. */
export const IDLE_REPORT_SECONDS = 120;
export const IDLE_MEDIUM_SECONDS = 600;
/** A run of this many answers, each faster than the response-time threshold, is a fast streak; twice as long weighs more. */
export const FAST_STREAK_MIN = 5;
export const FAST_STREAK_HIGH = 10;
/** Medium events that together make the answers questionable. */
export const MEDIUM_EVENTS_QUESTIONABLE = 3;

const minutes = (seconds: number) => (seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);
const atItem = (item: string | null) => (item ? ` at item ${item.replace(/^i(\d+)$/, '$1')}` : '');

/** The severity and words of an event a page reported. */
export function assessReported(event: ReportedEvent): { severity: Severity; detail: string } {
  switch (event.kind) {
    case 'focusLost':
      return { severity: 'medium', detail: `The questionnaire lost focus${atItem(event.item)}: another window or tab was brought forward.` };
    case 'idle':
      return { severity: event.seconds >= IDLE_MEDIUM_SECONDS ? 'medium' : 'low', detail: `No answer or key for ${minutes(event.seconds)}${atItem(event.item)}.` };
    case 'paste':
      return { severity: 'high', detail: `Something was pasted${atItem(event.item)}; answers are given with keys or clicks, so pasting suggests a tool filling the form.` };
    case 'syntheticInput':
      return { severity: 'critical', detail: `An answer${atItem(event.item)} came from a script, not from a key or a click.` };
  }
}

export interface TimedAnswer {
  item: string;
  ms: number | null;
  at: string;
}

/** Runs of at least FAST_STREAK_MIN answers in presentation order, each faster than `thresholdMs`. */
export function fastStreaks(answers: readonly TimedAnswer[], thresholdMs: number): ProctoringEvent[] {
  const events: ProctoringEvent[] = [];
  let start = -1;
  const close = (end: number) => {
    const length = end - start;
    if (start >= 0 && length >= FAST_STREAK_MIN) {
      const first = answers[start]!;
      const last = answers[end - 1]!;
      events.push({
        kind: 'fastStreak',
        severity: length >= FAST_STREAK_HIGH ? 'high' : 'medium',
        at: last.at,
        item: first.item,
        detail: `${length} answers in a row, each faster than ${thresholdMs / 1000} s (items ${first.item.replace(/^i/, '')} to ${last.item.replace(/^i/, '')}): too fast to read them.`,
      });
    }
    start = -1;
  };
  answers.forEach((answer, i) => {
    const fast = answer.ms !== null && answer.ms < thresholdMs;
    if (fast && start < 0) start = i;
    if (!fast) close(i);
  });
  close(answers.length);
  return events;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The findings proctoring events add to a verdict: critical ones make it invalid, high ones questionable, medium ones from three on. */
export function proctoringFindings(events: readonly ProctoringEvent[]): Finding[] {
  const of = (severity: Severity) => events.filter((e) => e.severity === severity);
  const findings: Finding[] = [];
  const critical = of('critical');
  if (critical.length > 0) {
    findings.push({ index: 'proctoringCritical', value: critical.length, cutoff: 1, level: 'invalid', message: `${plural(critical.length, 'critical proctoring event', 'critical proctoring events')} while answering: ${critical[0]!.detail}` });
  }
  const high = of('high');
  if (high.length > 0) {
    findings.push({ index: 'proctoringHigh', value: high.length, cutoff: 1, level: 'questionable', message: `${plural(high.length, 'serious proctoring event', 'serious proctoring events')} while answering: ${high[0]!.detail}` });
  }
  const medium = of('medium');
  if (medium.length >= MEDIUM_EVENTS_QUESTIONABLE) {
    findings.push({
      index: 'proctoringMedium',
      value: medium.length,
      cutoff: MEDIUM_EVENTS_QUESTIONABLE,
      level: 'questionable',
      message: `${medium.length} proctoring events of medium weight while answering (${MEDIUM_EVENTS_QUESTIONABLE} or more count), such as: ${medium[0]!.detail}`,
    });
  }
  return findings;
}

/** A verdict with the proctoring findings added, by the same rule as every other finding. */
export function withProctoring(findings: readonly Finding[], events: readonly ProctoringEvent[], thresholds: ValidityThresholds): { verdict: Verdict; findings: Finding[] } {
  const all = [...findings, ...proctoringFindings(events)];
  return { verdict: verdictOf(all, thresholds), findings: all };
}
