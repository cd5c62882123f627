import { AppError } from '../api/errors';

/**
 * A small pool of long-lived, expensive workers (tesseract.js workers here). tesseract.js's own scheduler can
 * neither retire a worker nor drop a queued job, and both are needed: workers are recycled every N jobs
 * (their WASM heap only grows and they drift: docs/documents.md#workers-and-memory), and a cancelled document must
 * leave the queue at once.
 *
 * Workers are created lazily and one at a time (each takes ~170 MB and a few hundred ms to start), up to `size`;
 * a worker that has run `recycleAfter` jobs is terminated and replaced on the next demand; a running job whose
 * caller aborts has its worker terminated (the only way to stop a WASM recognise) and rejects with CANCELLED.
 */
export interface PoolOptions<W> {
  name: string;
  size: number;
  recycleAfter: number;
  create(): Promise<W>;
  destroy(worker: W): Promise<void>;
}

interface Slot<W> {
  worker: W;
  jobs: number;
}

interface Waiting<W> {
  resolve(slot: Slot<W>): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

const cancelled = () => new AppError('CANCELLED', 'Cancelled.');

export class WorkerPool<W> {
  readonly #idle: Slot<W>[] = [];
  readonly #waiting: Waiting<W>[] = [];
  readonly #retiring = new Set<Promise<void>>();
  #live = 0;
  #starting = false;
  #closed = false;
  #created = 0;

  constructor(private readonly options: PoolOptions<W>) {}

  /** Workers alive now (idle or busy) and workers created so far: figures for benchmarks and tests. */
  get stats(): { live: number; created: number; idle: number; queued: number } {
    return { live: this.#live, created: this.#created, idle: this.#idle.length, queued: this.#waiting.length };
  }

  async run<T>(job: (worker: W) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw cancelled();
    const slot = await this.#acquire(signal);
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      this.#retire(slot);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await Promise.race([job(slot.worker), abortPromise(signal)]);
      return result as T;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (!aborted) {
        slot.jobs += 1;
        if (slot.jobs >= this.options.recycleAfter || this.#closed) this.#retire(slot);
        else this.#release(slot);
      }
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const waiting of this.#waiting.splice(0)) {
      waiting.signal?.removeEventListener('abort', waiting.onAbort);
      waiting.reject(new AppError('UNSUPPORTED', 'The OCR engine is shutting down.'));
    }
    for (const slot of this.#idle.splice(0)) this.#retire(slot);
    while (this.#retiring.size > 0 || this.#starting) {
      await Promise.all([...this.#retiring]);
      if (this.#starting) await new Promise((r) => setTimeout(r, 10));
    }
  }

  #acquire(signal: AbortSignal | undefined): Promise<Slot<W>> {
    if (this.#closed) return Promise.reject(new AppError('UNSUPPORTED', 'The OCR engine has been shut down.'));
    const idle = this.#idle.pop();
    if (idle) return Promise.resolve(idle);
    return new Promise<Slot<W>>((resolve, reject) => {
      const waiting: Waiting<W> = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.#waiting.indexOf(waiting);
          if (index >= 0) this.#waiting.splice(index, 1);
          reject(cancelled());
        },
      };
      signal?.addEventListener('abort', waiting.onAbort, { once: true });
      this.#waiting.push(waiting);
      this.#grow();
    });
  }

  /**
   * Starts one more worker if jobs are waiting and the pool is below size; the next starts when this one is up.
   * A replacement waits until the worker it replaces is gone: two WASM heaps side by side are what pushed the
   * process past issue 4's 600 MB (measured: recycling every 15 jobs took the peak from ~430 to ~550 MB).
   */
  #grow(): void {
    if (this.#starting || this.#closed || this.#retiring.size > 0 || this.#live >= this.options.size || this.#waiting.length === 0) return;
    this.#starting = true;
    this.#live += 1;
    this.options
      .create()
      .then((worker) => {
        this.#created += 1;
        this.#starting = false;
        if (this.#closed) {
          this.#retire({ worker, jobs: 0 });
          return;
        }
        this.#release({ worker, jobs: 0 });
      })
      .catch((error: unknown) => {
        this.#starting = false;
        this.#live -= 1;
        // Nobody can be served if not even one worker starts: fail the waiting jobs rather than hang them.
        if (this.#live === 0) {
          for (const waiting of this.#waiting.splice(0)) waiting.reject(new AppError('INTERNAL', `The ${this.options.name} OCR engine did not start: ${(error as Error).message}`));
        }
      })
      .finally(() => this.#grow());
  }

  #release(slot: Slot<W>): void {
    const waiting = this.#waiting.shift();
    if (waiting) {
      waiting.signal?.removeEventListener('abort', waiting.onAbort);
      waiting.resolve(slot);
    } else {
      this.#idle.push(slot);
    }
    this.#grow();
  }

  #retire(slot: Slot<W>): void {
    this.#live -= 1;
    const done = this.options
      .destroy(slot.worker)
      .catch(() => undefined)
      .finally(() => {
        this.#retiring.delete(done);
        this.#grow();
      });
    this.#retiring.add(done);
  }
}

function abortPromise(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    signal.addEventListener('abort', () => reject(cancelled()), { once: true });
  });
}
