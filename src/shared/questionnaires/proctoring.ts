import { z } from 'zod';

/**
 * Proctoring events recorded while a questionnaire is answered (docs/questionnaires.md#proctoring-events). The
 * kiosk and the invitation page report what they see; the core gives each its severity, so a page cannot play
 * an event down. Fast streaks are worked out by the core from the stored response times.
 */
export const reportedEventKinds = ['focusLost', 'idle', 'paste', 'syntheticInput'] as const;
export const proctoringKinds = [...reportedEventKinds, 'fastStreak'] as const;
export type ProctoringKind = (typeof proctoringKinds)[number];
export type ReportedEventKind = (typeof reportedEventKinds)[number];

/** How a score reads against the norm: which interpretation text it gets (docs/questionnaires.md#the-profile). */
export const SCORE_LEVELS = ['low', 'neutral', 'high'] as const;
export type ScoreLevel = (typeof SCORE_LEVELS)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

/** What a page reports: the kind, how long (idle, focus away), and the item on screen. */
export const reportedEventSchema = z.object({
  kind: z.enum(reportedEventKinds),
  /** Seconds of the idle spell or of the time away; 0 when the page cannot know yet. */
  seconds: z.number().min(0).max(30 * 86_400).default(0),
  item: z.string().min(1).max(100).nullable().default(null),
});
export type ReportedEvent = z.output<typeof reportedEventSchema>;

export const proctoringEventSchema = z.object({
  kind: z.enum(proctoringKinds),
  severity: severitySchema,
  /** ISO 8601 UTC. */
  at: z.string(),
  item: z.string().nullable(),
  /** In words: "The window lost focus at item 12", "7 answers in a row faster than 2 s each". */
  detail: z.string(),
});
export type ProctoringEvent = z.infer<typeof proctoringEventSchema>;
