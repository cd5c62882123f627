import { createCore, type Core } from '../core/core';
import type { TaskProgress } from '../shared/api';
import type { CliIo } from './io';

/**
 * Opens the core on `--data-dir` (or the default data folder), runs `fn`, and always closes it. The command line
 * is the operator's, so the kiosk's rule of who may call what does not hold it back.
 */
export async function withCore<T>(dataDir: string | undefined, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ ...(dataDir ? { dataDir } : {}), operatorShell: true });
  try {
    return await fn(core);
  } finally {
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
