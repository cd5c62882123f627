import { AppError } from './errors';
import type { EventBus } from './event-bus';

/** What a handler sees of the task it runs as: a signal to honour and a way to report progress. */
export interface TaskHandle {
  readonly id: string | null;
  readonly signal: AbortSignal;
  progress(done: number, total: number | null, message?: string): void;
  /** Throws `CANCELLED` if the task was cancelled: call between units of work. */
  throwIfCancelled(): void;
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * Lets the event loop run between units of a task's work (progress events go out, a cancel request comes in),
 * also inside a long write.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class TaskRegistry {
  readonly #running = new Map<string, AbortController>();

  constructor(private readonly bus: EventBus) {}

  start(method: string, taskId: string | undefined): { handle: TaskHandle; finish(): void } {
    const controller = new AbortController();
    const id = taskId ?? null;
    if (id !== null) {
      if (this.#running.has(id)) throw new AppError('CONFLICT', `A task with id ${id} is already running`);
      this.#running.set(id, controller);
    }
    let lastEmit = 0;
    const bus = this.bus;
    const handle: TaskHandle = {
      id,
      signal: controller.signal,
      progress(done, total, message) {
        if (id === null) return;
        // Throttled so a tight loop cannot flood the transports; the final tick always goes out.
        const now = Date.now();
        if (now - lastEmit < PROGRESS_INTERVAL_MS && done !== total) return;
        lastEmit = now;
        bus.emit('task.progress', { taskId: id, method, done, total, ...(message ? { message } : {}) });
      },
      throwIfCancelled() {
        if (controller.signal.aborted) throw new AppError('CANCELLED', 'Cancelled.');
      },
    };
    return {
      handle,
      finish: () => {
        if (id !== null) this.#running.delete(id);
      },
    };
  }

  cancel(taskId: string): boolean {
    const controller = this.#running.get(taskId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort();
  }
}
