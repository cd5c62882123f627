import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, type ReactNode } from 'react';
import { call, reconnectEvents, subscribe } from '../api/client';
import { forgetPersonalData, handleRefusal } from '../api/query-client';
import { forgetScreenState } from '../state/ui';
import { FirstStartScreen } from './FirstStartScreen';
import { LockScreen } from './LockScreen';
import { RecoveryCodeScreen } from './RecoveryCodeScreen';
import { useAuthState, useLockNow } from './session';
import { useSessionStore } from './session-store';
import { SignInScreen } from './SignInScreen';
import { useIdleLock } from './use-idle-lock';

/** Ctrl/Cmd+L locks at once; the desktop shell asks for the same on sleep (a `ui.command` 'lock'). */
function useLockCommands(lock: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = subscribe('ui.command', ({ command }) => {
      if (command === 'lock') lock();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [lock]);
}

function Unlocked({ idleLockMinutes, children }: { idleLockMinutes: number; children: ReactNode }) {
  const lockNow = useLockNow();
  const client = useQueryClient();
  // Input in the window is use of the session: `auth.me` counts as a call. Refused, the gate follows.
  const stillHere = useCallback(() => void call('auth.me', {}).catch((error: unknown) => handleRefusal(client, error)), [client]);
  useIdleLock(idleLockMinutes, lockNow, stillHere);
  useLockCommands(lockNow);
  return children;
}

/**
 * What the app shows before its screens: the first start, the recovery code, the sign-in and the lock, as the
 * session's state (`auth.state`) says. The screens are mounted only while someone is signed in and the session
 * is open; whenever that ends, every answer held in memory is forgotten (only the session's state and the
 * database's health stay), so nothing of the data is left behind a lock or a sign-out.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const state = useAuthState();
  const recoveryCode = useSessionStore((s) => s.recoveryCode);
  const client = useQueryClient();
  const open = state.data?.user != null && !state.data.locked && recoveryCode === null;
  useEffect(() => {
    if (open) reconnectEvents();
    else {
      forgetPersonalData(client);
      forgetScreenState();
    }
  }, [open, client]);

  if (state.isPending) return <div className="boot">Opening…</div>;
  if (state.isError)
    return (
      <div className="boot">
        <p className="notice bad" role="alert">
          {state.error.message}{' '}
          <button type="button" onClick={() => void state.refetch()}>
            Try again
          </button>
        </p>
      </div>
    );
  const { needsOwner, user, locked } = state.data;
  if (recoveryCode !== null) return <RecoveryCodeScreen code={recoveryCode} next={user ? 'Open Harmony Crew' : 'Go to sign-in'} />;
  if (needsOwner) return <FirstStartScreen />;
  if (!user) return <SignInScreen />;
  if (locked) return <LockScreen user={user} />;
  return <Unlocked idleLockMinutes={user.idleLockMinutes}>{children}</Unlocked>;
}
