import { eq } from 'drizzle-orm';
import { words } from '../../shared/words';
import type { Interview, Output, ParsedInput } from '../../shared/api';
import { isCertificateKind } from '../../shared/domain/certificates';
import { formatDate, formatWallClock } from '../../shared/domain/dates';
import { INTERVIEW_MACHINE, moveProblem, type InterviewStatus } from '../../shared/recruitment/pipeline';
import { AppError, notFound } from '../api/errors';
import type { ServiceContext } from '../context';
import { andScope, vesselCondition } from '../scope/sql';
import { interviews } from '../db/schema';
import { statement } from '../db/statements';
import { write } from '../db/writes';
import { getApplication } from './applications';
import type { InterviewerRef } from '../db/schema/recruitment';
import { instantOf, localTimeOf } from './interview-time';
import { accountsById, interviewerDirectory, interviewerRefs, parseInterviewers, sameInterviewer, shownInterviewers } from './interviewers';
import { applicationLink, raise } from './notify';
import { getRequisitionRow } from './requisitions';

/**
 * Interviews (docs/recruitment.md#interviews): kind, mode, interviewers, a time in the zone where it is held,
 * a question guide from the position; status moved along INTERVIEW_MACHINE. Booking an interviewer twice at
 * once is allowed (a panel may be rearranged later) but the answer warns.
 */
type Row = typeof interviews.$inferSelect;
type Kind = ParsedInput<'interviews.schedule'>['kind'];

const INTERVIEWS_SQL = (where: string) => `
  SELECT i.id, i.application_id AS applicationId, i.kind, i.mode, i.interviewers, i.starts_at AS startsAt, i.time_zone AS timeZone,
         i.duration_minutes AS durationMinutes, i.location, i.questions, i.status, i.created_at AS createdAt, i.updated_at AS updatedAt, i.archived_at AS archivedAt,
         a.person_id AS personId, p.given_names || ' ' || p.surname AS personName, r.title AS requisitionTitle, v.id AS vesselId, v.name AS vessel,
         (SELECT json_group_array(json_object('userId', f.interviewer_id, 'name', f.interviewer)) FROM interview_feedback f WHERE f.interview_id = i.id AND f.archived_at IS NULL) AS feedbackFrom
  FROM interviews i JOIN applications a ON a.id = i.application_id JOIN requisitions r ON r.id = a.requisition_id
  JOIN positions pos ON pos.id = r.position_id JOIN vessels v ON v.id = pos.vessel_id JOIN people p ON p.id = a.person_id
  WHERE i.archived_at IS NULL ${where} ORDER BY i.starts_at, i.id`;

type JoinedRow = Omit<Interview, 'interviewers' | 'questions' | 'localTime'> & { interviewers: string; questions: string; feedbackFrom: string };

function toInterviews(ctx: ServiceContext, where: string, params: Record<string, string>): Interview[] {
  const rows = statement(ctx.sqlite(), INTERVIEWS_SQL(where)).all(params) as JoinedRow[];
  const accounts = rows.length === 0 ? new Map() : accountsById(ctx);
  return rows.map(({ feedbackFrom, ...row }) => ({
    ...row,
    interviewers: shownInterviewers(accounts, parseInterviewers(row.interviewers), JSON.parse(feedbackFrom) as InterviewerRef[]),
    questions: JSON.parse(row.questions) as string[],
    localTime: localTimeOf(row.startsAt, row.timeZone),
  }));
}

/** The colleagues who may interview for an application (its vessel's, or the whole organisation's). */
export function interviewersFor(ctx: ServiceContext, applicationId: string): Output<'interviews.interviewers'> {
  const app = getApplication(ctx, applicationId);
  return interviewerDirectory(ctx, app.vesselId, app.vessel);
}

export function getInterviewRow(ctx: ServiceContext, id: string): Row {
  const row = ctx.db().select().from(interviews).where(eq(interviews.id, id)).get();
  if (!row || row.archivedAt !== null) throw notFound('interview', id);
  return row;
}

export const getInterview = (ctx: ServiceContext, id: string): Interview => toInterviews(ctx, 'AND i.id = @id', { id })[0]!;

export function listInterviews(ctx: ServiceContext, input: { applicationId?: string; upcoming: boolean }): Interview[] {
  // Interviews for requisitions of the vessels the signed-in user sees (docs/security.md#scope): a clash with a
  // hidden interview is therefore not warned about, rather than naming its candidate.
  const where = [
    input.applicationId ? 'AND i.application_id = @applicationId' : '',
    input.upcoming ? "AND i.status IN ('scheduled', 'in_progress') AND i.starts_at >= @since" : '',
    andScope(vesselCondition('v.id')),
  ].join(' ');
  const since = new Date(Date.now() - 12 * 3_600_000).toISOString();
  return toInterviews(ctx, where, { ...(input.applicationId ? { applicationId: input.applicationId } : {}), ...(input.upcoming ? { since } : {}) });
}

const KIND_QUESTIONS: Record<Kind, string[]> = {
  screening: ['Why this yacht and this position, and why now?', 'When could you join, and what notice must you give?', 'Which rotation and salary are you looking for?'],
  technical: ['Walk us through a typical day in your last position.', 'Tell us about a fault or problem you solved on board, step by step.'],
  captain: ['How do you handle a disagreement with a head of department?', 'What do guests and owners need from crew in your experience?', 'Where do you see yourself in two years?'],
  head_of_department: ['How do you keep standards when the boat is busy?', 'Tell us about feedback you received and what you changed.'],
};

/** A guide for the interview: questions of its kind, of the department, and one per certificate the position requires. */
export function questionGuide(ctx: ServiceContext, applicationId: string, kind: Kind): string[] {
  const app = getApplication(ctx, applicationId);
  const requisition = getRequisitionRow(ctx, app.requisitionId);
  const certificates = requisition.requirements.certificates.filter(isCertificateKind).map((k) => `Show your ${words.certificates[k]}: is it valid past ${formatDate(requisition.startDate)}?`);
  const department = `What ${words.departments[requisition.department].toLowerCase()} experience do you bring to a ${requisition.title} role?`;
  return [...KIND_QUESTIONS[kind], department, ...(kind === 'screening' || kind === 'technical' ? certificates : [])];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Interviews at the same time for any of the interviewers, as warnings in words. */
function clashes(ctx: ServiceContext, interviewers: readonly InterviewerRef[], startsAt: string, minutes: number, exceptId: string): string[] {
  const span = { start: Date.parse(startsAt), end: Date.parse(startsAt) + minutes * 60_000 };
  const others = listInterviews(ctx, { upcoming: false }).filter((i) => i.id !== exceptId && (i.status === 'scheduled' || i.status === 'in_progress'));
  return others.flatMap((o) => {
    const shared = o.interviewers.filter((n) => interviewers.some((m) => sameInterviewer(m, n))).map((n) => n.name);
    const other = { start: Date.parse(o.startsAt), end: Date.parse(o.startsAt) + o.durationMinutes * 60_000 };
    return shared.length > 0 && overlaps(span, other) ? [`${shared.join(' and ')} already ${shared.length > 1 ? 'have' : 'has'} an interview with ${o.personName} at ${formatWallClock(o.localTime)} (${o.timeZone}) that overlaps this one`] : [];
  });
}

export function scheduleInterview(ctx: ServiceContext, input: ParsedInput<'interviews.schedule'>): { interview: Interview; warnings: string[] } {
  const startsAt = instantOf(input.localTime, input.timeZone);
  const id = write(ctx.sqlite(), () => {
    const app = getApplication(ctx, input.applicationId);
    if (['placed', 'rejected', 'withdrawn'].includes(app.stage)) throw new AppError('CONFLICT', `${app.personName} is ${app.stage}: no more interviews for this application`);
    const questions = input.questions ?? questionGuide(ctx, app.id, input.kind);
    const refs = interviewerRefs(ctx, input.interviewers, app.vesselId, app.vessel);
    const created = ctx
      .db()
      .insert(interviews)
      .values({ applicationId: app.id, kind: input.kind, mode: input.mode, interviewers: refs, startsAt, timeZone: input.timeZone, durationMinutes: input.durationMinutes, location: input.location, questions, status: 'scheduled' })
      .returning({ id: interviews.id })
      .get();
    return created.id;
  });
  const interview = getInterview(ctx, id);
  return { interview, warnings: clashes(ctx, interview.interviewers, startsAt, input.durationMinutes, id) };
}

export function moveInterview(ctx: ServiceContext, id: string, to: InterviewStatus): Interview {
  write(ctx.sqlite(), () => {
    const row = getInterviewRow(ctx, id);
    const problem = moveProblem(INTERVIEW_MACHINE, words.interviewStatuses, row.status, to);
    if (problem) throw new AppError('CONFLICT', problem, { allowed: INTERVIEW_MACHINE.moves[row.status] });
    ctx.db().update(interviews).set({ status: to }).where(eq(interviews.id, id)).run();
  });
  return getInterview(ctx, id);
}

/** Reminders of interviews starting within a day, raised once each (the inbox calls this when it is read). */
export function raiseReminders(ctx: ServiceContext, now = Date.now()): void {
  const soon = listInterviews(ctx, { upcoming: true }).filter((i) => i.status === 'scheduled' && Date.parse(i.startsAt) >= now && Date.parse(i.startsAt) - now <= 24 * 3_600_000);
  if (soon.length === 0) return;
  write(ctx.sqlite(), () => {
    for (const i of soon) {
      raise(ctx, {
        kind: 'interview_reminder',
        priority: 'high',
        title: `Interview with ${i.personName}, ${formatWallClock(i.localTime)}`,
        body: `${words.interviewKinds[i.kind]} interview for ${i.requisitionTitle} on ${i.vessel}, ${formatWallClock(i.localTime)} (${i.timeZone}), with ${i.interviewers.map((n) => n.name).join(', ')}.`,
        link: applicationLink(i.applicationId),
        vesselId: i.vesselId,
        personId: i.personId,
        eventKey: `reminder:${i.id}:${i.startsAt}`,
      });
    }
  });
}
