import { eq } from 'drizzle-orm';
import type { ProgressState, SessionSummary } from '../../shared/api';
import { todayIsoDate } from '../../shared/domain/dates';
import { notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { questionnaireSessions } from '../db/schema';
import { statement } from '../db/statements';
import { instrumentName } from '../psychometrics/instruments';
import { pulseSurvey } from './pulse-surveys';

export type SessionRow = typeof questionnaireSessions.$inferSelect;

export function sessionRow(ctx: ServiceContext, id: string): SessionRow {
  const row = ctx.db().select().from(questionnaireSessions).where(eq(questionnaireSessions.id, id)).get();
  if (!row) throw notFound('session', id);
  return row;
}

/** The stored answers of a session, by item. */
export function answersOf(ctx: ServiceContext, sessionId: string): Map<string, { value: number; ms: number; answeredAt: string }> {
  const rows = statement(ctx.sqlite(), 'SELECT item, value, ms, answered_at AS answeredAt FROM session_answers WHERE session_id = ?').all(sessionId) as Array<{
    item: string;
    value: number;
    ms: number;
    answeredAt: string;
  }>;
  return new Map(rows.map(({ item, ...rest }) => [item, rest]));
}

/** The index of the first item in presentation order without an answer, or null. */
export function nextUnanswered(items: readonly string[], answered: { has(item: string): boolean }): number | null {
  const index = items.findIndex((item) => !answered.has(item));
  return index < 0 ? null : index;
}

/** Where a person stands: completed, expired (due date passed first), in progress, or invited. */
export function progressOf(row: Pick<SessionRow, 'status' | 'dueOn'>, answered: number, today = todayIsoDate()): ProgressState {
  if (row.status === 'finished') return 'completed';
  if (row.dueOn !== null && today > row.dueOn) return 'expired';
  return answered > 0 ? 'inProgress' : 'invited';
}

function titleOf(ctx: ServiceContext, row: SessionRow): string {
  if (row.kind === 'assessment') return instrumentName(ctx, row.instrumentId);
  try {
    return pulseSurvey(ctx, row.instrumentId, row.instrumentVersion).title.en!;
  } catch {
    return row.instrumentId;
  }
}

export function summarise(ctx: ServiceContext, row: SessionRow): SessionSummary {
  const answered = (statement(ctx.sqlite(), 'SELECT count(*) AS n FROM session_answers WHERE session_id = ?').get(row.id) as { n: number }).n;
  const person = row.personId
    ? (statement(ctx.sqlite(), "SELECT given_names || ' ' || surname AS name FROM people WHERE id = ?").get(row.personId) as { name: string } | undefined)
    : undefined;
  // An anonymous session's answers leave it when it finishes: it counts as fully answered then.
  const shownAnswered = row.status === 'finished' && row.anonymous ? row.items.length : answered;
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    personId: row.personId,
    personName: person?.name ?? null,
    instrumentId: row.instrumentId,
    instrumentName: titleOf(ctx, row),
    instrumentVersion: row.instrumentVersion,
    language: row.language,
    context: row.context,
    status: row.status,
    progress: progressOf(row, shownAnswered),
    answered: shownAnswered,
    items: row.items.length,
    kioskLocked: row.kioskLocked,
    pauses: row.pauses,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    dueOn: row.dueOn,
    resultId: row.resultId,
    campaignId: row.campaignId,
    vesselId: row.vesselId,
    department: row.department,
    anonymous: row.anonymous,
    importedAt: row.importedAt,
    createdAt: row.createdAt,
  };
}
