import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { KioskView, ParsedInput, SessionSummary } from '../../shared/api';
import { todayIsoDate } from '../../shared/domain/dates';
import type { ProctoringEvent, ReportedEvent } from '../../shared/questionnaires';
import { assessReported } from '../../engine/questionnaires';
import { AppError } from '../api/errors';
import type { ServiceContext } from '../context';
import { drizzleCondition, sessionCondition } from '../scope/sql';
import { newId, nowIso } from '../db/ids';
import { assessmentResults, people, proctoringEvents, questionnaireSessions, sessionAnswers } from '../db/schema';
import { write } from '../db/writes';
import { hashExitCode, isOperator } from './operator';
import { assertLanguage, questionnaireOf } from './questionnaire';
import { answersOf, nextUnanswered, sessionRow, summarise, type SessionRow } from './session-store';
import { languageName } from '../../shared/domain/languages';

/**
 * Sessions (docs/questionnaires.md#sessions): started for a person and a questionnaire, answered an item at a
 * time with every answer written as it is given, so a crash or a closed window loses nothing and the session
 * resumes at the next unanswered item.
 */
export type NewSession = Omit<typeof questionnaireSessions.$inferInsert, 'id' | 'items' | 'instrumentVersion'> & { exitCode?: string | undefined };

export function livePerson(ctx: ServiceContext, personId: string): { id: string; name: string; givenNames: string } {
  const person = ctx.db().select({ id: people.id, givenNames: people.givenNames, surname: people.surname, archivedAt: people.archivedAt }).from(people).where(eq(people.id, personId)).get();
  if (!person) throw new AppError('NOT_FOUND', `Person ${personId} does not exist`);
  const name = `${person.givenNames} ${person.surname}`;
  if (person.archivedAt !== null) throw new AppError('CONFLICT', `${name} is archived: restore them before they answer a questionnaire.`);
  return { id: person.id, name, givenNames: person.givenNames };
}

/** A person's result of an instrument today would clash with one stored already (one live result a day). */
export function assertNoResultToday(ctx: ServiceContext, personId: string, instrumentId: string, name: string): void {
  const clash = ctx
    .db()
    .select({ id: assessmentResults.id })
    .from(assessmentResults)
    .where(and(eq(assessmentResults.personId, personId), eq(assessmentResults.instrumentId, instrumentId), eq(assessmentResults.takenOn, todayIsoDate()), isNull(assessmentResults.archivedAt)))
    .get();
  if (clash) throw new AppError('CONFLICT', `${name} already has a result of this questionnaire today; archive it first or start again tomorrow.`);
}

/** Creates a session (inside the caller's write) and returns its id. */
export function insertSession(ctx: ServiceContext, values: NewSession): string {
  const q = questionnaireOf(ctx, values.kind, values.instrumentId, undefined, true);
  assertLanguage(q, values.language);
  const { exitCode, ...rest } = values;
  const id = newId();
  if (exitCode !== undefined) releaseKiosk(ctx);
  ctx
    .db()
    .insert(questionnaireSessions)
    .values({ ...rest, id, instrumentId: q.id, instrumentVersion: q.version, items: q.items, exitCodeHash: exitCode === undefined ? null : hashExitCode(exitCode), kioskLocked: exitCode !== undefined })
    .run();
  return id;
}

/** Another session held the kiosk: a new hand-over takes it (the operator is at the keyboard). */
function releaseKiosk(ctx: ServiceContext): void {
  const held = ctx.db().select({ id: questionnaireSessions.id, status: questionnaireSessions.status }).from(questionnaireSessions).where(eq(questionnaireSessions.kioskLocked, true)).get();
  if (!held) return;
  ctx
    .db()
    .update(questionnaireSessions)
    .set({ kioskLocked: false, ...(held.status === 'open' ? { status: 'paused' as const, pauses: sql`${questionnaireSessions.pauses} + 1` } : {}) })
    .where(eq(questionnaireSessions.id, held.id))
    .run();
}

export function startSession(ctx: ServiceContext, input: ParsedInput<'sessions.start'>): SessionSummary {
  const person = livePerson(ctx, input.personId);
  const id = write(ctx.sqlite(), () => {
    const q = questionnaireOf(ctx, 'assessment', input.instrumentId, undefined, true);
    assertNoResultToday(ctx, person.id, q.id, person.name);
    return insertSession(ctx, {
      kind: 'assessment',
      mode: 'kiosk',
      personId: person.id,
      instrumentId: q.id,
      language: input.language,
      context: input.context,
      pageSize: input.pageSize,
      dueOn: input.dueOn ?? null,
      exitCode: input.exitCode,
    });
  });
  return summarise(ctx, sessionRow(ctx, id));
}

function assertAnswerable(row: SessionRow): void {
  if (row.status === 'finished') throw new AppError('CONFLICT', 'This questionnaire is finished: its answers can no longer change.');
  if (row.status === 'paused') throw new AppError('CONFLICT', 'This questionnaire is paused: the operator hands the laptop over again to go on.');
  if (row.mode === 'remote') throw new AppError('CONFLICT', 'This questionnaire is answered through its invitation file, not here.');
}

export function setLanguage(ctx: ServiceContext, sessionId: string, language: string): SessionSummary {
  write(ctx.sqlite(), () => {
    const row = sessionRow(ctx, sessionId);
    assertAnswerable(row);
    if (answersOf(ctx, sessionId).size > 0) throw new AppError('CONFLICT', 'The language can only be chosen before the first answer.');
    assertLanguage(questionnaireOf(ctx, row.kind, row.instrumentId, row.instrumentVersion), language);
    ctx.db().update(questionnaireSessions).set({ language }).where(eq(questionnaireSessions.id, sessionId)).run();
  });
  return summarise(ctx, sessionRow(ctx, sessionId));
}

/** One answer, one small write: the answer replaces an earlier one to the item, and its time is added to the item's. */
export function answer(ctx: ServiceContext, input: ParsedInput<'sessions.answer'>) {
  return write(ctx.sqlite(), () => {
    const row = sessionRow(ctx, input.sessionId);
    assertAnswerable(row);
    const q = questionnaireOf(ctx, row.kind, row.instrumentId, row.instrumentVersion);
    if (!row.items.includes(input.item)) {
      throw new AppError('VALIDATION', `"${input.item}" is not an item of ${q.title} (items are named ${row.items[0]}…${row.items.at(-1)}).`, { issues: [{ path: 'item', message: 'not an item of this questionnaire' }] });
    }
    const { min, max } = q.range;
    if (!Number.isInteger(input.value) || input.value < min || input.value > max) {
      throw new AppError('VALIDATION', `The answer ${input.value} is outside ${q.title}'s range: give a whole number from ${min} to ${max}.`, { issues: [{ path: 'value', message: `outside ${min}–${max}` }] });
    }
    const at = nowIso();
    ctx
      .db()
      .insert(sessionAnswers)
      .values({ sessionId: row.id, item: input.item, value: input.value, ms: input.ms, answeredAt: at })
      .onConflictDoUpdate({
        target: [sessionAnswers.sessionId, sessionAnswers.item],
        set: { value: input.value, ms: sql`${sessionAnswers.ms} + ${input.ms}`, answeredAt: at, revisions: sql`${sessionAnswers.revisions} + 1` },
      })
      .run();
    if (row.startedAt === null) ctx.db().update(questionnaireSessions).set({ startedAt: at }).where(eq(questionnaireSessions.id, row.id)).run();
    const answered = answersOf(ctx, row.id);
    return { answered: answered.size, items: row.items.length, next: nextUnanswered(row.items, answered) };
  });
}

export function recordEvent(ctx: ServiceContext, sessionId: string, event: ReportedEvent): ProctoringEvent {
  const { severity, detail } = assessReported(event);
  const stored: ProctoringEvent = { kind: event.kind, severity, at: nowIso(), item: event.item, detail };
  write(ctx.sqlite(), () => {
    const row = sessionRow(ctx, sessionId);
    if (row.status === 'finished') throw new AppError('CONFLICT', 'This questionnaire is finished.');
    ctx.db().insert(proctoringEvents).values({ sessionId, ...stored }).run();
  });
  return stored;
}

export function eventsOf(ctx: ServiceContext, sessionId: string): ProctoringEvent[] {
  return ctx
    .db()
    .select({ kind: proctoringEvents.kind, severity: proctoringEvents.severity, at: proctoringEvents.at, item: proctoringEvents.item, detail: proctoringEvents.detail })
    .from(proctoringEvents)
    .where(eq(proctoringEvents.sessionId, sessionId))
    .orderBy(proctoringEvents.at, proctoringEvents.id)
    .all();
}

/** The operator hands the laptop over (again): the kiosk holds the screen for this session until the exit code is entered. */
export function handOver(ctx: ServiceContext, input: ParsedInput<'sessions.handOver'>): SessionSummary {
  write(ctx.sqlite(), () => {
    const row = sessionRow(ctx, input.sessionId);
    if (row.status === 'finished') throw new AppError('CONFLICT', 'This questionnaire is finished already.');
    if (row.mode === 'remote') throw new AppError('CONFLICT', 'This questionnaire was sent as an invitation; its answers come back as a file.');
    if (row.personId) livePerson(ctx, row.personId);
    releaseKiosk(ctx);
    ctx
      .db()
      .update(questionnaireSessions)
      .set({ status: 'open', kioskLocked: true, exitCodeHash: hashExitCode(input.exitCode), ...(input.pageSize ? { pageSize: input.pageSize } : {}) })
      .where(eq(questionnaireSessions.id, row.id))
      .run();
  });
  return summarise(ctx, sessionRow(ctx, input.sessionId));
}

/** Leaving the kiosk needs the operator's exit code; an unfinished session is paused and can be resumed days later. */
export function leave(ctx: ServiceContext, sessionId: string, exitCode: string): SessionSummary {
  const row = sessionRow(ctx, sessionId);
  if (!isOperator(row, exitCode)) throw new AppError('FORBIDDEN', 'That is not the exit code set when the laptop was handed over.', { issues: [{ path: 'exitCode', message: 'wrong exit code' }] });
  return release(ctx, row);
}

/** The kiosk lets go of a session: paused when it is not finished. Only the operator gets here (visibility.ts). */
export function release(ctx: ServiceContext, row: SessionRow): SessionSummary {
  const sessionId = row.id;
  write(ctx.sqlite(), () => {
    const pausing = row.status === 'open';
    ctx
      .db()
      .update(questionnaireSessions)
      .set({ kioskLocked: false, ...(pausing ? { status: 'paused' as const, pauses: sql`${questionnaireSessions.pauses} + 1` } : {}) })
      .where(eq(questionnaireSessions.id, sessionId))
      .run();
  });
  return summarise(ctx, sessionRow(ctx, sessionId));
}

/** What the kiosk shows: the questionnaire in the session's language, the answers so far, and where to go on. */
export function kioskView(ctx: ServiceContext, sessionId: string): KioskView {
  const row = sessionRow(ctx, sessionId);
  const q = questionnaireOf(ctx, row.kind, row.instrumentId, row.instrumentVersion);
  const text = q.text(row.language);
  const answered = answersOf(ctx, row.id);
  const person = row.personId ? livePersonOrNull(ctx, row.personId) : null;
  return {
    session: summarise(ctx, row),
    greeting: person?.givenNames ?? null,
    title: q.title,
    languages: q.languages.map((id) => ({ id, name: languageName(id, id) })),
    instructions: text.instructions,
    range: q.range,
    labels: text.labels,
    pageSize: row.pageSize,
    items: text.items,
    answers: Object.fromEntries([...answered].map(([item, a]) => [item, a.value])),
    next: nextUnanswered(row.items, answered),
  };
}

function livePersonOrNull(ctx: ServiceContext, personId: string) {
  return ctx.db().select({ givenNames: people.givenNames }).from(people).where(eq(people.id, personId)).get() ?? null;
}

export function listSessions(ctx: ServiceContext, input: ParsedInput<'sessions.list'>): SessionSummary[] {
  const where: SQL[] = [];
  if (input.personId) where.push(eq(questionnaireSessions.personId, input.personId));
  if (input.campaignId) where.push(eq(questionnaireSessions.campaignId, input.campaignId));
  if (input.status) where.push(eq(questionnaireSessions.status, input.status));
  if (input.kind) where.push(eq(questionnaireSessions.kind, input.kind));
  const inScope = drizzleCondition(sessionCondition('questionnaire_sessions'));
  if (inScope) where.push(inScope);
  const rows = ctx
    .db()
    .select()
    .from(questionnaireSessions)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(questionnaireSessions.createdAt), desc(questionnaireSessions.id))
    .limit(input.limit)
    .all();
  return rows.map((row) => summarise(ctx, row));
}
