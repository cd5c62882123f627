import { and, eq, isNull } from 'drizzle-orm';
import { words } from '../../shared/words';
import type { FeedbackSummary, ParsedInput } from '../../shared/api';
import { RECOMMENDATIONS } from '../../shared/recruitment/pipeline';
import { AppError } from '../api/errors';
import { currentUser } from '../auth/caller';
import type { ServiceContext } from '../context';
import { interviewFeedback, interviews } from '../db/schema';
import { write } from '../db/writes';
import { recordRefusedCall, refused } from '../users/refusals';
import { whenWritable } from '../users/sessions';
import { getApplicationRow } from './applications';
import { accountsById } from './interviewers';
import { getInterview } from './interviews';
import { applicationLink, raise } from './notify';

/**
 * Feedback (docs/recruitment.md#feedback): each interviewer of an interview gives theirs once — ratings per
 * competency, overall, a recommendation, strengths and concerns — and an application's feedback is summed up
 * across every interview.
 */
type Row = typeof interviewFeedback.$inferSelect;

/** Feedback is the signed-in user's own, given as one of the interview's interviewers (never someone named in the request). */
export function submitFeedback(ctx: ServiceContext, input: ParsedInput<'feedback.submit'>): Row {
  const author = currentUser();
  if (!author) throw refused('signed-out', 'Feedback is given by a signed-in interviewer');
  // An interview's interviewers are set when it is scheduled and never change, so this holds inside the write too.
  const scheduled = getInterview(ctx, input.interviewId);
  if (!scheduled.interviewers.some((n) => n.userId === author.userId)) {
    const message = `Only the interviewers of this interview (${scheduled.interviewers.map((n) => n.name).join(', ')}) give feedback on it, and ${author.displayName} is not one of them`;
    // Kept with the other refused calls for the audit log, outside the write that is not made.
    whenWritable(() => recordRefusedCall(ctx.sqlite(), Date.now(), { userId: author.userId, sessionId: author.sessionId, method: 'feedback.submit', message }));
    throw refused('not-allowed', message);
  }
  return write(ctx.sqlite(), () => {
    const interview = getInterview(ctx, input.interviewId);
    if (interview.status === 'cancelled' || interview.status === 'no_show') throw new AppError('CONFLICT', `The interview was ${interview.status === 'cancelled' ? 'cancelled' : 'a no-show'}: there is nothing to give feedback on`);
    const earlier = ctx.db().select().from(interviewFeedback).where(and(eq(interviewFeedback.interviewId, interview.id), eq(interviewFeedback.interviewerId, author.userId), isNull(interviewFeedback.archivedAt))).get();
    if (earlier) throw new AppError('CONFLICT', `${author.displayName} already gave feedback on this interview (${earlier.createdAt.slice(0, 10)}); each interviewer gives it once`);
    const interviewer = author.displayName;
    const row = ctx
      .db()
      .insert(interviewFeedback)
      .values({ interviewId: interview.id, interviewer, interviewerId: author.userId, ratings: input.ratings as Record<string, number>, overall: input.overall, recommendation: input.recommendation, strengths: input.strengths, concerns: input.concerns })
      .returning()
      .get();
    raise(ctx, {
      kind: 'feedback_submitted',
      priority: input.recommendation === 'no_hire' ? 'high' : 'normal',
      title: `Feedback on ${interview.personName} from ${interviewer}`,
      body: `${interviewer}: ${words.recommendations[input.recommendation]}, ${input.overall} of 5 overall (${interview.requisitionTitle} on ${interview.vessel}).`,
      link: applicationLink(interview.applicationId),
      vesselId: interview.vesselId,
      personId: interview.personId,
      eventKey: `feedback:${row.id}`,
    });
    return row;
  });
}

const mean = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100);

export function feedbackSummary(ctx: ServiceContext, applicationId: string): FeedbackSummary {
  getApplicationRow(ctx, applicationId);
  const entries = ctx
    .db()
    .select({ feedback: interviewFeedback })
    .from(interviewFeedback)
    .innerJoin(interviews, eq(interviews.id, interviewFeedback.interviewId))
    .where(and(eq(interviews.applicationId, applicationId), isNull(interviewFeedback.archivedAt)))
    .orderBy(interviewFeedback.createdAt)
    .all()
    .map((r) => r.feedback);
  // An author's present name where their account is this computer's; the name they gave it under otherwise.
  const accounts = entries.length === 0 ? new Map() : accountsById(ctx);
  const named = entries.map((e) => ({ ...e, interviewer: (e.interviewerId === null ? undefined : accounts.get(e.interviewerId)?.name) ?? e.interviewer }));
  const competencies = [...new Set(entries.flatMap((e) => Object.keys(e.ratings)))];
  return {
    count: entries.length,
    overall: mean(entries.map((e) => e.overall)),
    competencies: Object.fromEntries(competencies.map((c) => [c, mean(entries.flatMap((e) => (e.ratings[c] === undefined ? [] : [e.ratings[c]!])))!])),
    recommendations: Object.fromEntries(RECOMMENDATIONS.map((r) => [r, entries.filter((e) => e.recommendation === r).length])) as FeedbackSummary['recommendations'],
    entries: named,
  };
}
