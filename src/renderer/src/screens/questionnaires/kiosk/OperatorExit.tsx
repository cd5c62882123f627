import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../../api/client';
import { invalidate, queryKey } from '../../../api/hooks';

/**
 * The operator's way out of the kiosk: the exit code set when the laptop was handed over. An unfinished
 * questionnaire is paused (it resumes later where it stopped); after a finished one the operator lands on the
 * result's profile.
 */
export function OperatorExit({ sessionId, finished, resultId }: { sessionId: string; finished: boolean; resultId: string | null }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        Operator: {finished ? 'leave the kiosk' : 'pause or leave'}
      </button>
    );
  const leave = async () => {
    setError(null);
    try {
      await call('sessions.leave', { sessionId, exitCode: code });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return;
    }
    // The core has let go of the kiosk: the app comes back at once, on the result's profile, and refetches what changed.
    client.setQueryData(queryKey('sessions.kioskState', {}), { sessionId: null });
    window.location.hash = resultId ? `#/assessments/${resultId}/profile` : '#/questionnaires';
    await invalidate(client, ['sessions.list', 'assessments.', 'campaigns.', 'pulse.']);
  };
  return (
    <form
      aria-label="Leave the kiosk"
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
        void leave();
      }}
    >
      <label htmlFor="exit-code">Exit code</label>
      <input id="exit-code" type="password" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} autoFocus aria-invalid={error !== null} />
      <button type="submit" className="primary">
        {finished ? 'Leave the kiosk' : 'Pause and leave'}
      </button>
      <button type="button" onClick={() => (setOpen(false), setCode(''), setError(null))}>
        Cancel
      </button>
      {error && <span className="field-error">{error}</span>}
    </form>
  );
}
