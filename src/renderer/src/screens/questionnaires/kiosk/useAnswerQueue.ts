import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/client';

/**
 * Answers go to the core one after another, in the order they were given, while the screen moves on at once:
 * a key press is answered on screen without waiting for the disk. `saved` counts the answers the core has
 * stored; an answer it refuses is reported and left out.
 */
export function useAnswerQueue(sessionId: string, initiallySaved: number) {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [saved, setSaved] = useState(initiallySaved);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const send = useCallback(
    (item: string, value: number, ms: number) => {
      setPending((n) => n + 1);
      chain.current = chain.current
        .then(() => call('sessions.answer', { sessionId, item, value, ms }))
        .then(
          (answer) => {
            setSaved(answer.answered);
            setError(null);
          },
          (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
        )
        .finally(() => setPending((n) => n - 1));
    },
    [sessionId],
  );
  /** Resolves once every answer given so far has been stored (or refused). */
  const flushed = useCallback(() => chain.current.then(() => undefined), []);
  return { send, saved, pending, error, flushed };
}
