import { useState } from 'react';
import { toast } from 'sonner';
import { AuthPage } from './AuthPage';
import { useSessionStore } from './session-store';

/**
 * The one-time recovery code, shown once: it is the only way back in if the owner's password is lost (there is no
 * e-mail at sea). The app goes on only when the person says they have written it down; the code is then forgotten.
 */
export function RecoveryCodeScreen({ code, next }: { code: string; next: string }) {
  const [written, setWritten] = useState(false);
  const done = useSessionStore((s) => s.recoveryCodeWritten);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      toast.success('Recovery code copied. Paste it somewhere safe, away from this computer.');
    } catch {
      toast.error('Could not copy: select the code and copy it by hand.');
    }
  };
  return (
    <AuthPage title="Your recovery code" wide>
      <p>
        If the owner’s password is ever forgotten, this code and a new password open Harmony Crew again. It is shown
        only now. Write it down and keep it somewhere safe, away from this computer.
      </p>
      <output className="recovery-code" aria-label="Recovery code">
        {code}
      </output>
      <div className="form-actions">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} /> I have written it down
      </label>
      <div className="form-actions">
        <span />
        <button type="button" className="primary" disabled={!written} onClick={done}>
          {next}
        </button>
      </div>
    </AuthPage>
  );
}
