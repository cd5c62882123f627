import { and, asc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { ParsedInput, PulseResults, PulseSchedule, SessionSummary } from '../../shared/api';
import { addDaysIso, dayNumber, isoFromDayNumber, todayIsoDate } from '../../shared/domain/dates';
import type { Department } from '../../shared/domain/crew';
import { words } from '../../shared/words';
import { ANONYMOUS_MINIMUM } from '../../shared/questionnaires';
import { aggregate, breakdown, roundStart } from '../../engine/questionnaires';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { departmentCondition, drizzleCondition, vesselCondition } from '../scope/sql';
import { nowIso } from '../db/ids';
import { pulseResponses, pulseSchedules, vessels } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { pulseSurvey, surveySummary, shippedSurveys } from './pulse-surveys';
import { sessionRow, summarise } from './session-store';
import { insertSession, livePerson } from './sessions';

/**
 * Pulse surveys on a schedule per vessel (docs/questionnaires.md#pulse-surveys): rounds of `everyDays` from a
 * first day; answers taken in the kiosk or through an invitation. Anonymous figures rest on at least five answers
 * and are never broken down below five (engine/questionnaires/anonymity.ts).
 */
type ScheduleRow = typeof pulseSchedules.$inferSelect;

/** The round of a schedule under way on a day (the first round when the schedule has not begun). */
export function roundOf(schedule: Pick<ScheduleRow, 'startOn' | 'everyDays'>, day = todayIsoDate()): { from: string; to: string } {
  const start = dayNumber(schedule.startOn);
  const from = isoFromDayNumber(Math.max(start, roundStart(start, schedule.everyDays, dayNumber(day))));
  return { from, to: addDaysIso(from, schedule.everyDays - 1) };
}

function vesselName(ctx: ServiceContext, vesselId: string): string {
  const vessel = ctx.db().select({ name: vessels.name, archivedAt: vessels.archivedAt }).from(vessels).where(eq(vessels.id, vesselId)).get();
  if (!vessel) throw notFound('vessel', vesselId);
  return vessel.name;
}

function scheduleView(ctx: ServiceContext, row: ScheduleRow): PulseSchedule {
  return {
    id: row.id,
    vesselId: row.vesselId,
    vesselName: vesselName(ctx, row.vesselId),
    surveyId: row.surveyId,
    surveyTitle: pulseSurvey(ctx, row.surveyId).title.en!,
    everyDays: row.everyDays,
    startOn: row.startOn,
    anonymous: row.anonymous,
    round: roundOf(row),
    archivedAt: row.archivedAt,
  };
}

function scheduleRow(ctx: ServiceContext, id: string): ScheduleRow {
  const row = ctx.db().select().from(pulseSchedules).where(eq(pulseSchedules.id, id)).get();
  if (!row) throw notFound('pulseSchedule', id);
  return row;
}

export function listSchedules(ctx: ServiceContext, input: ParsedInput<'pulse.schedules'>): PulseSchedule[] {
  const where: SQL[] = [];
  if (input.vesselId) where.push(eq(pulseSchedules.vesselId, input.vesselId));
  if (input.archived === 'exclude') where.push(isNull(pulseSchedules.archivedAt));
  if (input.archived === 'only') where.push(isNotNull(pulseSchedules.archivedAt));
  const inScope = drizzleCondition(vesselCondition('pulse_schedules.vessel_id'));
  if (inScope) where.push(inScope);
  return ctx
    .db()
    .select()
    .from(pulseSchedules)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(pulseSchedules.createdAt))
    .all()
    .map((row) => scheduleView(ctx, row));
}

export function createSchedule(ctx: ServiceContext, input: ParsedInput<'pulse.schedule'>): PulseSchedule {
  vesselName(ctx, input.vesselId);
  pulseSurvey(ctx, input.surveyId);
  const id = write(ctx.sqlite(), () => {
    const live = ctx
      .db()
      .select({ id: pulseSchedules.id })
      .from(pulseSchedules)
      .where(and(eq(pulseSchedules.vesselId, input.vesselId), eq(pulseSchedules.surveyId, input.surveyId), isNull(pulseSchedules.archivedAt)))
      .get();
    if (live) throw new AppError('CONFLICT', 'This survey is scheduled on this vessel already; stop that schedule first to change it.');
    return ctx.db().insert(pulseSchedules).values(input).returning({ id: pulseSchedules.id }).get().id;
  });
  return scheduleView(ctx, scheduleRow(ctx, id));
}

export function archiveSchedule(ctx: ServiceContext, id: string): PulseSchedule {
  scheduleRow(ctx, id);
  write(ctx.sqlite(), () => ctx.db().update(pulseSchedules).set({ archivedAt: nowIso() }).where(eq(pulseSchedules.id, id)).run());
  return scheduleView(ctx, scheduleRow(ctx, id));
}

/** The department a person holds a post in on a vessel today, or null. */
export function departmentOn(ctx: ServiceContext, personId: string, vesselId: string, day = todayIsoDate()): Department | null {
  const row = statement(
    ctx.sqlite(),
    `SELECT pos.department FROM assignments a JOIN positions pos ON pos.id = a.position_id
     WHERE a.person_id = @personId AND pos.vessel_id = @vesselId AND a.archived_at IS NULL AND a.start_date <= @day AND (a.end_date IS NULL OR a.end_date >= @day)
     ORDER BY a.start_date DESC LIMIT 1`,
  ).get({ personId, vesselId, day }) as { department: Department } | undefined;
  return row?.department ?? null;
}

/** The round a pulse answer on a vessel belongs to: the schedule's round under way, or the day itself without a schedule. */
export function periodFor(ctx: ServiceContext, vesselId: string, surveyId: string, day = todayIsoDate()): string {
  const schedule = ctx
    .db()
    .select()
    .from(pulseSchedules)
    .where(and(eq(pulseSchedules.vesselId, vesselId), eq(pulseSchedules.surveyId, surveyId), isNull(pulseSchedules.archivedAt)))
    .get();
  return schedule ? roundOf(schedule, day).from : day;
}

export function startPulse(ctx: ServiceContext, input: ParsedInput<'pulse.start'>): SessionSummary {
  const schedule = scheduleRow(ctx, input.scheduleId);
  if (schedule.archivedAt !== null) throw new AppError('CONFLICT', 'This pulse schedule was stopped.');
  const person = input.personId ? livePerson(ctx, input.personId) : null;
  if (!schedule.anonymous && !person) throw new AppError('VALIDATION', 'This pulse survey is not anonymous: choose who answers it.', { issues: [{ path: 'personId', message: 'needed' }] });
  const department = input.department ?? (person ? departmentOn(ctx, person.id, schedule.vesselId) : null);
  const id = write(ctx.sqlite(), () =>
    insertSession(ctx, {
      kind: 'pulse',
      mode: 'kiosk',
      personId: person?.id ?? null,
      instrumentId: schedule.surveyId,
      language: input.language,
      vesselId: schedule.vesselId,
      department,
      period: roundOf(schedule).from,
      anonymous: schedule.anonymous,
      exitCode: input.exitCode,
    }),
  );
  return summarise(ctx, sessionRow(ctx, id));
}

/** A vessel's pulse results by round: the vessel's figure, and the departments where that narrows below nobody. */
export function pulseResults(ctx: ServiceContext, input: ParsedInput<'pulse.results'>): PulseResults {
  const name = vesselName(ctx, input.vesselId);
  const survey = pulseSurvey(ctx, input.surveyId);
  const rows = ctx
    .db()
    .select({ period: pulseResponses.period, department: pulseResponses.department, mean: pulseResponses.mean, personId: pulseResponses.personId })
    .from(pulseResponses)
    // A head of department sees their department's answers only (docs/security.md#scope).
    .where(and(eq(pulseResponses.vesselId, input.vesselId), eq(pulseResponses.surveyId, survey.id), drizzleCondition(departmentCondition('pulse_responses.department'))))
    .all();
  const anonymous = rows.length === 0 ? isAnonymousOn(ctx, input.vesselId, survey.id) : rows.some((r) => r.personId === null);
  const minimum = anonymous ? ANONYMOUS_MINIMUM : 1;
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return {
    vessel: { id: input.vesselId, name },
    survey: surveySummary(survey, shippedSurveys().some((s) => s.id === survey.id && s.version === survey.version)),
    anonymous,
    minimum,
    rounds: periods.map((period) => {
      const inRound = rows.filter((r) => r.period === period);
      const byDepartment = new Map<string, number[]>();
      for (const r of inRound) {
        const group = r.department ? words.departments[r.department] : words.pulseGroups.noDepartment;
        byDepartment.set(group, [...(byDepartment.get(group) ?? []), r.mean]);
      }
      return { period, vessel: aggregate(inRound.map((r) => r.mean), minimum), departments: breakdown(byDepartment, minimum) };
    }),
  };
}

function isAnonymousOn(ctx: ServiceContext, vesselId: string, surveyId: string): boolean {
  const schedule = ctx.db().select({ anonymous: pulseSchedules.anonymous }).from(pulseSchedules).where(and(eq(pulseSchedules.vesselId, vesselId), eq(pulseSchedules.surveyId, surveyId))).get();
  return schedule?.anonymous ?? true;
}

/** The team-climate survey feeds team dynamics: its monthly crew means, each from enough answers to be shown. */
export const COHESION_SURVEY = 'team-climate';

export function monthlyPulse(ctx: ServiceContext, vesselId: string, department: Department | null): Array<{ month: string; mean: number; n: number }> {
  const rows = ctx
    .db()
    .select({ period: pulseResponses.period, department: pulseResponses.department, mean: pulseResponses.mean, personId: pulseResponses.personId })
    .from(pulseResponses)
    .where(and(eq(pulseResponses.vesselId, vesselId), eq(pulseResponses.surveyId, COHESION_SURVEY)))
    .all();
  const byMonth = new Map<string, { values: number[]; all: number; anonymous: boolean }>();
  for (const r of rows) {
    const month = r.period.slice(0, 7);
    const entry = byMonth.get(month) ?? { values: [], all: 0, anonymous: false };
    entry.all += 1;
    if (department === null || r.department === department) entry.values.push(r.mean);
    entry.anonymous ||= r.personId === null;
    byMonth.set(month, entry);
  }
  return [...byMonth]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([month, { values, all, anonymous }]) => {
      const minimum = anonymous ? ANONYMOUS_MINIMUM : 1;
      // A department's figure beside the vessel's must not give away the few answers of the other departments.
      const rest = all - values.length;
      if (rest > 0 && rest < minimum) return [];
      const figure = aggregate(values, minimum);
      return figure.mean === null ? [] : [{ month, mean: figure.mean, n: figure.n }];
    });
}

/**
 * Cohesion for team dynamics: the Team climate survey's monthly means up to a day (a month shown only from
 * enough answers), and whether any were collected at all.
 */
export function cohesionSeries(ctx: ServiceContext, vesselId: string, department: Department | null, asOf: string) {
  const any = statement(ctx.sqlite(), 'SELECT 1 FROM pulse_responses WHERE vessel_id = ? AND survey_id = ? LIMIT 1').get(vesselId, COHESION_SURVEY) !== undefined;
  const series = monthlyPulse(ctx, vesselId, department).filter((p) => p.month <= asOf.slice(0, 7));
  const last = series.at(-1);
  const message = !last
    ? `Team climate pulse surveys were answered here, but no month has the ${ANONYMOUS_MINIMUM} answers an anonymous figure needs${department ? ' without narrowing the rest of the crew below it' : ''}.`
    : `Team climate in ${last.month}: ${last.mean.toFixed(2)} on the 1–5 scale, from ${last.n} answers (higher means the crew pulls together more).`;
  return { collected: any, series, message };
}
