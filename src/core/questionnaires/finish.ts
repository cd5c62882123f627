import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { todayIsoDate } from '../../shared/domain/dates';
import type { ProctoringEvent } from '../../shared/questionnaires';
import { fastStreaks, pulseMean } from '../../engine/questionnaires';
import { AppError } from '../api/errors';
import type { TaskHandle } from '../api/tasks';
import type { ServiceContext } from '../context';
import { nowIso } from '../db/ids';
import { pulseResponses, questionnaireSessions, sessionAnswers } from '../db/schema';
import { longWrite } from '../db/writes';
import { scoreAndStore } from '../psychometrics/score-store';
import { readAssessmentSettings } from '../psychometrics/settings';
import { questionnaireOf } from './questionnaire';
import { answersOf, sessionRow, type SessionRow } from './session-store';
import { eventsOf } from './sessions';

/**
 * Finishing a session (docs/questionnaires.md#scoring-on-completion): an assessment is scored in the worker pool
 * and stored as an append-only snapshot — scores, careless indices, response times, proctoring events and the
 * verdict with them — screened against the stored reference group of the same instrument and population; a
 * pulse survey is stored as its answers and their mean, without a person when it is anonymous.
 */
export interface GivenAnswer {
  item: string;
  value: number;
  ms: number | null;
  at: string;
}

/** The app that scored it: stored with every snapshot. */
export const engineVersion = (ctx: ServiceContext) => `harmony-crew ${ctx.state.appVersion}`;

/** Stores the snapshot of a finished session; runs inside the caller's long write. */
export async function completeSession(ctx: ServiceContext, row: SessionRow, given: readonly GivenAnswer[], task: TaskHandle): Promise<string | null> {
  const byItem = new Map(given.map((a) => [a.item, a]));
  const missing = row.items.filter((item) => !byItem.has(item));
  if (missing.length > 0) {
    throw new AppError('CONFLICT', `${missing.length} of ${row.items.length} items are not answered yet (the first is ${missing[0]}); every item needs an answer before the questionnaire is finished.`);
  }
  const ordered = row.items.map((item) => byItem.get(item)!);
  const finishedAt = nowIso();
  let resultId: string | null = null;
  if (row.kind === 'assessment') {
    const q = questionnaireOf(ctx, 'assessment', row.instrumentId);
    if (q.version !== row.instrumentVersion) {
      throw new AppError('CONFLICT', `This questionnaire was started with version ${row.instrumentVersion} of ${q.title}, and the app now has version ${q.version}: it cannot be scored as it was answered.`);
    }
    const { thresholdMs } = readAssessmentSettings(ctx).thresholds.responseTime;
    const proctoring: ProctoringEvent[] = [...eventsOf(ctx, row.id), ...fastStreaks(ordered, thresholdMs)].sort((a, b) => a.at.localeCompare(b.at));
    const stored = await scoreAndStore(
      ctx,
      {
        instrument: q.instrument!,
        items: row.items,
        rows: [
          {
            personId: row.personId!,
            takenOn: todayIsoDate(),
            values: ordered.map((a) => a.value),
            times: ordered.map((a) => a.ms),
            snapshot: { sessionId: row.id, language: row.language, engineVersion: engineVersion(ctx), proctoring, pauses: row.pauses, startedAt: row.startedAt },
          },
        ],
        context: row.context!,
        normRef: null,
        sourceFile: null,
      },
      task,
    );
    resultId = stored.ids[0]!;
  } else {
    storePulse(ctx, row, ordered);
  }
  ctx
    .db()
    .update(questionnaireSessions)
    .set({ status: 'finished', finishedAt, resultId, startedAt: row.startedAt ?? ordered[0]?.at ?? finishedAt })
    .where(eq(questionnaireSessions.id, row.id))
    .run();
  return resultId;
}

function storePulse(ctx: ServiceContext, row: SessionRow, ordered: readonly GivenAnswer[]): void {
  const survey = questionnaireOf(ctx, 'pulse', row.instrumentId, row.instrumentVersion).survey!;
  const answers = Object.fromEntries(ordered.map((a) => [a.item, a.value]));
  ctx
    .db()
    .insert(pulseResponses)
    .values({
      // Random, so that neither the id nor the order of the rows tells who answered when.
      id: randomInt(1, 2 ** 47),
      surveyId: survey.id,
      surveyVersion: survey.version,
      vesselId: row.vesselId!,
      department: row.department,
      period: row.period!,
      personId: row.anonymous ? null : row.personId,
      answers,
      mean: pulseMean(survey, answers)!,
    })
    .run();
  // Anonymous answers leave the session once they are stored without it: no link to a person remains.
  if (row.anonymous) ctx.db().delete(sessionAnswers).where(eq(sessionAnswers.sessionId, row.id)).run();
}

export async function finishSession(ctx: ServiceContext, sessionId: string, task: TaskHandle): Promise<{ resultId: string | null; sessionId: string }> {
  const resultId = await longWrite(ctx.sqlite(), 'Scoring a questionnaire', async () => {
    const row = sessionRow(ctx, sessionId);
    if (row.status === 'finished') throw new AppError('CONFLICT', 'This questionnaire is finished already.');
    if (row.mode === 'remote') throw new AppError('CONFLICT', 'This questionnaire was sent as an invitation; import the answers file it produces.');
    const given = [...answersOf(ctx, sessionId)].map(([item, a]) => ({ item, value: a.value, ms: a.ms, at: a.answeredAt }));
    return completeSession(ctx, row, given, task);
  });
  return { resultId, sessionId };
}
