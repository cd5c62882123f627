import { useState } from 'react';
import { words } from '../../../../shared/words';
import { toast } from 'sonner';
import { Link } from 'wouter';
import type { Interview } from '../../../../shared/api';
import {
  APPLICATION_MACHINE,
  INTERVIEW_MACHINE,
  NOTE_KINDS,
  RECOMMENDATIONS,
  type ApplicationStage,
} from '../../../../shared/recruitment/pipeline';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate, formatDateTime } from '../../format';
import { formatWallClock } from '../../../../shared/domain/dates';
import { CvButtons } from './CvButtons';
import { FeedbackForm } from './FeedbackForm';
import { InterviewForm } from './InterviewForm';
import { MoveDialog, needsDialog } from './MoveDialog';
import { useCan, useMe } from '../../auth/session';

const REFRESH = ['applications.', 'requisitions.', 'notifications.'];

/** Each interviewer by name and role, and whether their feedback is in. */
function Interviewers({ interview }: { interview: Interview }) {
  const closed = interview.status === 'cancelled' || interview.status === 'no_show';
  return (
    <ul className="interviewers" aria-label="Interviewers">
      {interview.interviewers.map((n) => (
        <li key={n.userId ?? n.name}>
          {n.name} <span className="muted">({n.role ? words.roles[n.role] : n.userId ? 'an account on another computer' : 'named before accounts, no account'})</span>:{' '}
          {n.gaveFeedback ? <span className="badge ok">Feedback given</span> : closed ? <span className="muted">no feedback</span> : <span className="badge warn">Feedback awaited</span>}
        </li>
      ))}
    </ul>
  );
}

function Interviews({ applicationId, live }: { applicationId: string; live: boolean }) {
  const me = useMe();
  const list = useApiQuery('interviews.list', { applicationId });
  const move = useApiMutation('interviews.move', ['interviews.'], { onError: (e) => toast.error(e.message) });
  const [scheduling, setScheduling] = useState(false);
  const [feedbackFor, setFeedbackFor] = useState<Interview | null>(null);
  return (
    <div className="card">
      <h2>Interviews</h2>
      {(list.data ?? []).length === 0 && <p className="muted">No interview yet.</p>}
      {(list.data ?? []).map((i) => (
        <div key={i.id} className="interview">
          <p>
            <strong>
              {words.interviewKinds[i.kind]} interview, {words.interviewModes[i.mode].toLowerCase()}
            </strong>{' '}
            · {formatWallClock(i.localTime)} ({i.timeZone}) · {i.durationMinutes} min{i.location ? ` · ${i.location}` : ''} · <span className="badge">{words.interviewStatuses[i.status]}</span>
          </p>
          <Interviewers interview={i} />
          {i.questions.length > 0 && (
            <details>
              <summary>Question guide</summary>
              <ol>
                {i.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ol>
            </details>
          )}
          <div className="form-actions start">
            {INTERVIEW_MACHINE.moves[i.status].map((to) => (
              <button key={to} type="button" onClick={() => move.mutate({ id: i.id, status: to })}>
                Mark {words.interviewStatuses[to].toLowerCase()}
              </button>
            ))}
            {i.interviewers.some((n) => n.userId === me?.id && !n.gaveFeedback) && i.status !== 'cancelled' && i.status !== 'no_show' && (
              <button type="button" className="primary" onClick={() => setFeedbackFor(i)}>
                Give feedback
              </button>
            )}
          </div>
        </div>
      ))}
      {live && (
        <button type="button" onClick={() => setScheduling(true)}>
          Schedule an interview
        </button>
      )}
      {scheduling && <InterviewForm applicationId={applicationId} onClose={() => setScheduling(false)} />}
      {feedbackFor && me && <FeedbackForm interview={feedbackFor} author={me.displayName} onClose={() => setFeedbackFor(null)} />}
    </div>
  );
}

function FeedbackSummary({ applicationId }: { applicationId: string }) {
  const summary = useApiQuery('feedback.summary', { id: applicationId });
  const s = summary.data;
  if (!s || s.count === 0) return null;
  return (
    <div className="card">
      <h2>Feedback</h2>
      <p>
        {s.count} {s.count === 1 ? 'interviewer' : 'interviewers'} · overall {s.overall} of 5 ·{' '}
        {RECOMMENDATIONS.filter((r) => s.recommendations[r] > 0)
          .map((r) => `${words.recommendations[r]}: ${s.recommendations[r]}`)
          .join(', ')}
      </p>
      <p className="muted">{Object.entries(s.competencies).map(([c, v]) => `${words.competencies[c as keyof typeof words.competencies] ?? c} ${v}`).join(' · ')}</p>
      <ul className="plain-list">
        {s.entries.map((e) => (
          <li key={e.id}>
            <strong>{e.interviewer}</strong>: {words.recommendations[e.recommendation]}, {e.overall} of 5
            {e.strengths ? `. Strengths: ${e.strengths}` : ''}
            {e.concerns ? `. Concerns: ${e.concerns}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Notes({ applicationId }: { applicationId: string }) {
  const notes = useApiQuery('notes.list', { id: applicationId });
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<(typeof NOTE_KINDS)[number]>('general');
  const [isPrivate, setPrivate] = useState(false);
  const save = useApiMutation('notes.add', ['notes.'], { onSuccess: () => setBody(''), onError: (e) => toast.error(e.message) });
  return (
    <div className="card">
      <h2>Notes</h2>
      <ul className="plain-list">
        {(notes.data ?? []).map((n) => (
          <li key={n.id} className={n.kind === 'red_flag' ? 'red-flag' : undefined}>
            <span className={`badge ${n.kind === 'red_flag' ? 'bad' : n.kind === 'follow_up' ? 'warn' : ''}`}>{words.noteKinds[n.kind]}</span> {n.body}{' '}
            <span className="muted">
              — {n.author}, {formatDateTime(n.createdAt)}
              {n.visibility === 'private' ? ' (private)' : ''}
            </span>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ applicationId, kind, visibility: isPrivate ? 'private' : 'shared', body });
        }}
      >
        <select aria-label="Kind of note" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {NOTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {words.noteKinds[k]}
            </option>
          ))}
        </select>
        <input aria-label="Note" value={body} onChange={(e) => setBody(e.target.value)} placeholder="Write a note…" />
        <label>
          <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} /> Private
        </label>
        <button type="submit" disabled={save.isPending}>
          Add note
        </button>
      </form>
    </div>
  );
}

export function ApplicationPage({ id }: { id: string }) {
  const mayWrite = useCan('recruitment.write');
  const list = useApiQuery('applications.list', {});
  const history = useApiQuery('applications.history', { id });
  const move = useApiMutation('applications.move', REFRESH, { onSuccess: (a) => toast.success(`${a.personName}: ${words.applicationStages[a.stage]}`), onError: (e) => toast.error(e.message) });
  const [pending, setPending] = useState<ApplicationStage | null>(null);
  const a = list.data?.find((x) => x.id === id);
  if (list.isError) return <p className="notice bad">{list.error.message}</p>;
  if (!a) return list.isSuccess ? <p className="notice bad">This application does not exist.</p> : null;
  const live = APPLICATION_MACHINE.moves[a.stage].length > 0;
  return (
    <section className="page">
      <header className="page-header">
        <div>
          <Link href={`/requisition/${a.requisitionId}`}>
            ← {a.requisitionTitle}, {a.vessel}
          </Link>
          <h1>
            {a.personName} <span className="badge info">{words.applicationStages[a.stage]}</span>
          </h1>
          <p className="muted">
            {a.agency ? `${a.source}: ${a.agency}` : a.source} · <Link href={`~/crew/${a.personId}`}>Profile</Link>
            {a.exitReason ? ` · ${a.exitReason}` : ''}
            {a.offerStartDate ? ` · offer from ${formatDate(a.offerStartDate)}${a.offerRotation ? `, ${a.offerRotation}` : ''}${a.offerSalary ? `, ${a.offerSalary.toLocaleString('en-GB')} a month` : ''}` : ''}
          </p>
        </div>
        {APPLICATION_MACHINE.moves[a.stage].filter(() => mayWrite).map((to) => (
          <button key={to} type="button" className={to === 'placed' ? 'primary' : to === 'rejected' || to === 'withdrawn' ? 'danger' : undefined} onClick={() => (needsDialog(to) ? setPending(to) : move.mutate({ id, stage: to }))}>
            {to === 'placed' ? 'Hire' : words.applicationStages[to]}
          </button>
        ))}
      </header>
      <div className="card">
        <dl className="facts">
          <dt>First submitted to {a.vessel}</dt>
          <dd>{a.firstSubmission ? `${formatDateTime(a.firstSubmission.submittedAt)} by ${a.firstSubmission.agency ?? 'the yacht directly'} (recorded by ${a.firstSubmission.submittedBy})` : 'Not submitted yet'}</dd>
          <dt>History</dt>
          <dd>{(history.data ?? []).map((h) => `${words.applicationStages[h.toStage]} ${formatDateTime(h.createdAt)} (${h.movedBy})`).join(' → ')}</dd>
          <dt>Yacht CV</dt>
          <dd>
            <CvButtons personId={a.personId} />
          </dd>
        </dl>
      </div>
      <Interviews applicationId={id} live={live} />
      <FeedbackSummary applicationId={id} />
      <Notes applicationId={id} />
      {pending && <MoveDialog application={a} to={pending} onClose={() => setPending(null)} />}
    </section>
  );
}
