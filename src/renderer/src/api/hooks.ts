import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Input, Method, Output, TaskProgress } from '../../../shared/api';
import { call, newTaskId, subscribe, type ApiCallError } from './client';

/** Query keys start with the method name, so invalidating `people.` refetches every people query. */
export const queryKey = <M extends Method>(method: M, input?: Input<M>) => (input === undefined ? [method] : [method, input]);

export function useApiQuery<M extends Method>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ApiCallError>({
    queryKey: queryKey(method, input),
    queryFn: () => call(method, input),
    ...options,
  });
}

/**
 * A mutation that refetches the queries whose method starts with one of `invalidates` (e.g. `['people.', 'crew.']`)
 * once it succeeds.
 */
export function useApiMutation<M extends Method>(
  method: M,
  invalidates: string[],
  options: Omit<UseMutationOptions<Output<M>, ApiCallError, Input<M>>, 'mutationFn'> = {},
) {
  const client = useQueryClient();
  return useMutation<Output<M>, ApiCallError, Input<M>>({
    mutationFn: (input) => call(method, input),
    ...options,
    onSuccess: async (...args) => {
      await invalidate(client, invalidates);
      await options.onSuccess?.(...args);
    },
  });
}

/** Figures derived from people, assignments, results and norms together: any change refetches them. */
const DERIVED = ['team.', 'fit.'];

export function invalidate(client: ReturnType<typeof useQueryClient>, prefixes: string[]): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const method = query.queryKey[0];
      return typeof method === 'string' && [...prefixes, ...DERIVED].some((prefix) => method.startsWith(prefix));
    },
  });
}

/** Latest progress of the task with this id (null until the first event). */
export function useTaskProgress(taskId: string | null): TaskProgress | null {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (!taskId) return;
    return subscribe('task.progress', (event) => {
      if (event.taskId === taskId) setProgress(event);
    });
  }, [taskId]);
  // A stale figure from an earlier task never shows under a new one.
  return progress && progress.taskId === taskId ? progress : null;
}

/** Refetches whatever the core says changed behind the UI's back (menu actions, CLI, sync). */
export function useDataChangedEvents(): void {
  const client = useQueryClient();
  useEffect(() => subscribe('data.changed', (event) => void invalidate(client, event.scopes)), [client]);
}

/**
 * A mutation that runs as a task: each call gets a fresh task id, `progress` follows it, and `cancel()` asks the
 * core to stop it (a cancelled import writes nothing).
 */
export function useApiTask<M extends Method>(
  method: M,
  invalidates: string[],
  options: Omit<UseMutationOptions<Output<M>, ApiCallError, Input<M>>, 'mutationFn'> = {},
) {
  const client = useQueryClient();
  const [taskId, setTaskId] = useState<string | null>(null);
  const progress = useTaskProgress(taskId);
  const mutation = useMutation<Output<M>, ApiCallError, Input<M>>({
    mutationFn: (input) => {
      const id = newTaskId(method);
      setTaskId(id);
      return call(method, input, { taskId: id });
    },
    ...options,
    onSuccess: async (...args) => {
      await invalidate(client, invalidates);
      await options.onSuccess?.(...args);
    },
  });
  return {
    ...mutation,
    progress: mutation.isPending ? progress : null,
    cancel: () => {
      if (taskId) void call('tasks.cancel', { taskId });
    },
  };
}
