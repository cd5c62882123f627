import { createCore, type Core } from '../core/core';
import type { TaskProgress } from '../shared/api';
import type { CliIo } from './io';
import { asSignedIn, signInCli } from './sign-in';

/**
 * Opens the core on `--data-dir` (or the default data folder), signs in (HARMONY_USER and HARMONY_PASSWORD, or a
 * question on the terminal), runs `fn` as that user, and always closes the core, which ends the session. The
 * command line is the operator's, so the kiosk's rule of who may call what does not hold it back.
 */
export async function withCore<T>(io: CliIo, dataDir: string | undefined, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ ...(dataDir ? { dataDir } : {}), operatorShell: true, ...(io.passwordCost ? { passwordCost: io.passwordCost } : {}) });
  let token: string | null = null;
  try {
    const session = await signInCli(core, io);
    token = session?.token ?? null;
    return await fn(asSignedIn(core, session));
  } finally {
    if (token !== null) core.endSession(token, 'logout');
    await core.close();
  }
}

/** A core that only computes (analysis, document checks): the data folder is not touched. Always closed. */
export async function withStatelessCore<T>(fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ database: false });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/**
 * Shows the progress of the core's tasks on the terminal line: `prefix` says which tasks (null for others) and
 * what to put before their message. Returns the function that stops it.
 */
export function showProgress(core: Core, io: CliIo, prefix: (taskId: string) => string | null): () => void {
  const off = core.events.subscribe((event, payload) => {
    if (event !== 'task.progress') return;
    const progress = payload as TaskProgress;
    const before = prefix(progress.taskId);
    if (before === null) return;
    const share = progress.total ? ` ${Math.round((progress.done / progress.total) * 100)}%` : '';
    io.progress(`${before}${progress.message ?? 'Working'}…${share}`);
  });
  return () => {
    off();
    io.progress('');
  };
}

/** Shows a task's progress on the terminal line while `fn` runs it under `taskId`. */
export async function withProgress<T>(core: Core, io: CliIo, taskId: string, fn: () => Promise<T>): Promise<T> {
  const stop = showProgress(core, io, (id) => (id === taskId ? '' : null));
  try {
    return await fn();
  } finally {
    stop();
  }
}
