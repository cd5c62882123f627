import { createCore, type Core } from '../core/core';
import type { CliIo } from './io';

/** Opens the core on `--data-dir` (or the default data folder), runs `fn`, and always closes it. */
export async function withCore<T>(dataDir: string | undefined, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore(dataDir ? { dataDir } : {});
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/** Shows a task's progress on the terminal line while `fn` runs it under `taskId`. */
export async function withProgress<T>(core: Core, io: CliIo, taskId: string, fn: () => Promise<T>): Promise<T> {
  const off = core.events.subscribe((event, payload) => {
    if (event !== 'task.progress') return;
    const progress = payload as { taskId: string; done: number; total: number | null; message?: string };
    if (progress.taskId !== taskId) return;
    const share = progress.total ? ` ${Math.round((progress.done / progress.total) * 100)}%` : '';
    io.progress(`${progress.message ?? 'Working'}…${share}`);
  });
  try {
    return await fn();
  } finally {
    off();
    io.progress('');
  }
}
