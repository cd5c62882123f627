import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { refusalDetailsSchema, type RefusalDetails } from '../../../shared/api';
import { words } from '../../../shared/words';
import { useSessionStore } from '../auth/session-store';
import { ApiCallError } from './client';

/** Why the core refused a call (docs/security.md#refusals), read from the error's details, or null for another error. */
export function refusalOf(error: unknown): RefusalDetails['reason'] | null {
  if (!(error instanceof ApiCallError) || error.code !== 'FORBIDDEN') return null;
  const details = refusalDetailsSchema.safeParse(error.details);
  return details.success ? details.data.reason : null;
}

/** Queries that hold nothing personal and survive a lock or a sign-out: the session itself and the database's health. */
const KEPT = new Set(['auth.state', 'system.health', 'system.info']);

/** Forgets every answer that could show a person's data (on lock, sign-out and an ended session). */
export function forgetPersonalData(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => !KEPT.has(String(query.queryKey[0])) });
  client.getMutationCache().clear();
}

/** A call refused because the session ended or locked: ask the session's state again, with a word for the sign-in screen. */
export function handleRefusal(client: QueryClient, error: unknown): void {
  const refusal = refusalOf(error);
  if (refusal === 'signed-out' || refusal === 'expired' || refusal === 'locked') {
    if (refusal !== 'locked') useSessionStore.getState().setNotice(words.refusalReasons[refusal]);
    void client.invalidateQueries({ queryKey: ['auth.state'] });
  }
}

/**
 * The app's one query client. Data is local: no refetch storms on focus, a failed call is an answer and not a
 * network blip, and queries run whatever the browser thinks of the network (at sea it is often "offline", which
 * would otherwise pause every query). A call refused because the session ended or locked sends the app to the
 * sign-in or lock screen: the session's state is asked again and the gate (auth/AuthGate.tsx) follows it.
 */
export function createQueryClient(): QueryClient {
  const onRefusal = (error: unknown) => handleRefusal(client, error);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onRefusal }),
    mutationCache: new MutationCache({ onError: onRefusal }),
    defaultOptions: {
      queries: { refetchOnWindowFocus: false, retry: false, staleTime: 5_000, networkMode: 'always' },
      mutations: { networkMode: 'always' },
    },
  });
  return client;
}
