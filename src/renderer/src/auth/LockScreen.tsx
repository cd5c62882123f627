import { useState, type FormEvent } from 'react';
import type { Me } from '../../../shared/api';
import { words } from '../../../shared/words';
import { ApiCallError, call } from '../api/client';
import { AuthPage } from './AuthPage';
import { retryAtOf } from './password-fields';
import { useSetAuthState, useSignOut } from './session';

/**
 * The app is locked (idle, asleep, or by hand): nothing of the data is on screen or in memory, only who is signed
 * in. Their password unlocks the same session; someone else signs the session out and signs in themselves.
 */
export function LockScreen({ user }: { user: Me }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const setState = useSetAuthState();
  const signOut = useSignOut();
  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setError('Give the password');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const me = await call('auth.unlock', { password });
      setState((old) => ({ ...old, user: me, locked: false }));
    } catch (failure) {
      setPassword('');
      const retryAt = failure instanceof ApiCallError ? retryAtOf(failure.details) : null;
      const message = failure instanceof Error ? failure.message : String(failure);
      setError(retryAt ? `${message} Try again after ${retryAt.toLocaleTimeString()}.` : message);
    } finally {
      setPending(false);
    }
  };
  return (
    <AuthPage title="Harmony Crew is locked">
      <p>
        Signed in as <strong>{user.displayName}</strong> ({words.roles[user.role]}).
      </p>
      <form onSubmit={(e) => void unlock(e)} noValidate>
        <div className="field">
          <label htmlFor="unlock-password">{words.fields.password}</label>
          <input
            id="unlock-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
            autoComplete="current-password"
            aria-invalid={error !== null}
            aria-describedby={error ? 'unlock-error' : undefined}
          />
          {error && (
            <span className="field-error" id="unlock-error" role="alert">
              {error}
            </span>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="link" onClick={() => void signOut()}>
            Sign in as someone else
          </button>
          <button type="submit" className="primary" disabled={pending}>
            Unlock
          </button>
        </div>
      </form>
    </AuthPage>
  );
}
