import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { PERMISSIONS } from '../../../shared/auth/permissions';
import type { Capability } from '../../../shared/auth/roles';
import type { AuthState, Me } from '../../../shared/api';
import type { Method } from '../../../shared/api/contract';
import { call } from '../api/client';
import { queryKey, useApiQuery } from '../api/hooks';

/** Whether an owner exists, who is signed in on this window and whether the session is locked. */
export function useAuthState() {
  return useApiQuery('auth.state', {}, { staleTime: Number.POSITIVE_INFINITY });
}

/** The signed-in user (null while signed out). Inside the shell there always is one: the gate shows it only then. */
export function useMe(): Me | null {
  return useAuthState().data?.user ?? null;
}

/** Whether the signed-in user's role holds a capability: hides what they may not do (the core refuses it anyway). */
export function useCan(capability: Capability): boolean {
  return useMe()?.capabilities.includes(capability) ?? false;
}

/**
 * Whether the signed-in user may call a procedure, read from the same permission table the core enforces: a
 * button is offered exactly when its call would be allowed.
 */
export function useMayCall(method: Method): boolean {
  const me = useMe();
  const need = PERMISSIONS[method];
  if (need === 'public') return true;
  if (!me) return false;
  return need === 'signed-in' || me.capabilities.includes(need);
}

/** Puts a fresh answer of `auth.state` (or one known without asking) where the gate reads it. */
export function useSetAuthState() {
  const client = useQueryClient();
  return useCallback(
    (state: AuthState | ((old: AuthState) => AuthState)) =>
      client.setQueryData<AuthState>(queryKey('auth.state', {}), (old) => (typeof state === 'function' ? (old ? state(old) : old) : state)),
    [client],
  );
}

/**
 * Lock now (Ctrl+L, the idle timer, the desktop shell on sleep): the core locks the session and the gate covers
 * the app, which forgets every answer held in memory. Locking an already locked or ended session is no error:
 * the state is asked again either way.
 */
export function useLockNow(): () => Promise<void> {
  const client = useQueryClient();
  const setState = useSetAuthState();
  return useCallback(async () => {
    try {
      await call('auth.lock', {});
      setState((old) => ({ ...old, locked: true }));
    } finally {
      await client.invalidateQueries({ queryKey: queryKey('auth.state', {}) });
    }
  }, [client, setState]);
}

/** Sign out: the session ends, and nothing the last user saw stays in memory (the gate forgets it). */
export function useSignOut(): () => Promise<void> {
  const client = useQueryClient();
  const setState = useSetAuthState();
  return useCallback(async () => {
    try {
      await call('auth.logout', {});
      setState((old) => ({ ...old, user: null, locked: false }));
    } finally {
      await client.invalidateQueries({ queryKey: queryKey('auth.state', {}) });
    }
  }, [client, setState]);
}
