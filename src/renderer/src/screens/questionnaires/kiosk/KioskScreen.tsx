import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { KioskView } from '../../../../../shared/api';
import { call } from '../../../api/client';
import { queryKey, useApiQuery } from '../../../api/hooks';
import '../../../styles/questionnaires.css';
import { KioskItems } from './KioskItems';
import { OperatorExit } from './OperatorExit';
import { useAnswerQueue } from './useAnswerQueue';
import { useProctoring } from './useProctoring';

type Stage = 'language' | 'instructions' | 'resume' | 'items' | 'review' | 'finishing' | 'done';

const firstStage = (view: KioskView): Stage =>
  view.session.status === 'finished' ? 'done' : Object.keys(view.answers).length > 0 ? (view.next === null ? 'review' : 'resume') : view.languages.length > 1 ? 'language' : 'instructions';

/**
 * The kiosk (docs/questionnaires.md#the-kiosk): the laptop handed to a crew member shows only their
 * questionnaire. Language, instructions, one item at a time or a page of ten, keys 1–5 or the mouse, back, and
 * progress; every answer is sent to the core as it is given. Leaving needs the operator's exit code.
 */
export function KioskScreen({ sessionId }: { sessionId: string }) {
  const view = useApiQuery('sessions.kiosk', { id: sessionId }, { staleTime: Number.POSITIVE_INFINITY });
  if (view.isPending) return <div className="boot">Opening the questionnaire…</div>;
  if (view.isError)
    return (
      <div className="kiosk">
        <div className="kiosk-panel">
          <p className="notice bad">{view.error.message}</p>
        </div>
        <OperatorExit sessionId={sessionId} finished={false} resultId={null} />
      </div>
    );
  return <Kiosk key={view.data.session.language} view={view.data} />;
}

function Kiosk({ view }: { view: KioskView }) {
  const client = useQueryClient();
  const { session, items, labels, range } = view;
  const [stage, setStage] = useState<Stage>(() => firstStage(view));
  const [answers, setAnswers] = useState<Record<string, number>>(view.answers);
  const [index, setIndex] = useState(view.next ?? 0);
  const [resultId, setResultId] = useState<string | null>(session.resultId);
  const [finishError, setFinishError] = useState<string | null>(null);
  const queue = useAnswerQueue(session.id, Object.keys(view.answers).length);
  // Set when the first statement is shown (begin), then at each answer: the time on an item runs from there.
  const shownAt = useRef(0);
  const answered = Object.keys(answers).length;
  useProctoring(session.id, stage === 'items' || stage === 'review', stage === 'items' ? (items[index]?.id ?? null) : null);

  const nextOpen = (from: number, given: Record<string, number>) => {
    for (let i = from; i < items.length; i += 1) if (given[items[i]!.id] === undefined) return i;
    for (let i = 0; i < from; i += 1) if (given[items[i]!.id] === undefined) return i;
    return null;
  };

  const answer = (at: number, value: number) => {
    const item = items[at]!;
    const now = performance.now();
    queue.send(item.id, value, Math.round(now - shownAt.current));
    shownAt.current = now;
    const given = { ...answers, [item.id]: value };
    setAnswers(given);
    const next = nextOpen(at + 1, given);
    if (next === null) setStage('review');
    else setIndex(at + 1 < items.length && given[items[at + 1]!.id] === undefined ? at + 1 : next);
  };

  const finish = async () => {
    setStage('finishing');
    setFinishError(null);
    await queue.flushed();
    try {
      const done = await call('sessions.finish', { sessionId: session.id });
      setResultId(done.resultId);
      setStage('done');
    } catch (error) {
      setFinishError(error instanceof Error ? error.message : String(error));
      setStage('review');
    }
  };

  const begin = () => {
    shownAt.current = performance.now();
    setStage('items');
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (stage === 'items') {
        const n = Number.parseInt(event.key, 10);
        if (n >= 1 && n <= labels.length) {
          event.preventDefault();
          answer(index, range.min + n - 1);
        } else if ((event.key === 'Backspace' || event.key === 'ArrowLeft') && index > 0) {
          event.preventDefault();
          setIndex(index - 1);
        } else if (event.key === 'ArrowRight' && answers[items[index]!.id] !== undefined && index + 1 < items.length) {
          event.preventDefault();
          setIndex(index + 1);
        }
      } else if (event.key === 'Enter' && (stage === 'instructions' || stage === 'resume')) {
        event.preventDefault();
        begin();
      } else if (event.key === 'Enter' && stage === 'review') {
        event.preventDefault();
        void finish();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const chooseLanguage = async (language: string) => {
    await call('sessions.setLanguage', { sessionId: session.id, language });
    await client.invalidateQueries({ queryKey: queryKey('sessions.kiosk', { id: session.id }) });
  };

  return (
    <div className="kiosk">
      <main className="kiosk-panel" aria-label="Questionnaire">
        <h1>{view.title}</h1>
        {view.greeting && stage !== 'items' && <p className="muted">For {view.greeting}</p>}
        {stage === 'language' && (
          <section aria-labelledby="language-heading">
            <h2 id="language-heading">Choose your language</h2>
            <div className="languages" role="group" aria-label="Language">
              {view.languages.map((l) => (
                <button key={l.id} type="button" lang={l.id} aria-pressed={l.id === session.language} onClick={() => void chooseLanguage(l.id)}>
                  {l.name}
                </button>
              ))}
            </div>
            <button type="button" className="primary" onClick={() => setStage('instructions')}>
              Continue
            </button>
          </section>
        )}
        {stage === 'instructions' && (
          <section aria-labelledby="instructions-heading">
            <h2 id="instructions-heading">Before you start</h2>
            {view.instructions.map((p) => (
              <p key={p}>{p}</p>
            ))}
            <ol className="muted">
              {labels.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ol>
            <button type="button" className="primary" onClick={begin}>
              Start (Enter)
            </button>
          </section>
        )}
        {stage === 'resume' && (
          <section>
            <p>
              Welcome back. You have answered {answered} of {items.length}; you go on from where you stopped.
            </p>
            <button type="button" className="primary" onClick={begin}>
              Continue (Enter)
            </button>
          </section>
        )}
        {stage === 'items' && <KioskItems view={view} index={index} answers={answers} onAnswer={answer} onGo={setIndex} />}
        {(stage === 'review' || stage === 'finishing') && (
          <section>
            <h2>All {items.length} answered</h2>
            <p>You can go back to change an answer, or finish.</p>
            {finishError && <p className="notice bad">{finishError}</p>}
            <div className="kiosk-nav">
              <button type="button" onClick={() => (setIndex(items.length - 1), setStage('items'))} disabled={stage === 'finishing'}>
                ← Back
              </button>
              <button type="button" className="primary" onClick={() => void finish()} disabled={stage === 'finishing'}>
                {stage === 'finishing' ? 'Finishing…' : 'Finish (Enter)'}
              </button>
            </div>
          </section>
        )}
        {stage === 'done' && (
          <section>
            <h2>Thank you</h2>
            <p>Your answers are stored. Please hand the laptop back.</p>
          </section>
        )}
      </main>
      <footer className="kiosk-footer">
        <span role="status" aria-live="polite">
          {queue.error ? <span className="field-error">Not saved: {queue.error}</span> : `${queue.saved} of ${items.length} saved`}
        </span>
        <OperatorExit sessionId={session.id} finished={stage === 'done'} resultId={resultId} />
      </footer>
    </div>
  );
}
