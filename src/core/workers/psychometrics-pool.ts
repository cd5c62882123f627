import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import {
  blockRanges,
  buildSampleModel,
  checkAnalysisInput,
  finishAnalysis,
  firstPassInput,
  mergeMoments,
  type AnalysisControl,
  type AnalysisInput,
  type AnalysisResult,
  type FirstPass,
  type SecondPass,
} from '../../engine/psychometrics';
import type { PsychometricsTask } from './psychometrics.worker';
import { workerFile } from './worker-file';

/** A copy of the data on shared memory, so that every worker reads it without a copy of its own. */
function shared(values: Float64Array): Float64Array {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const copy = new Float64Array(new SharedArrayBuffer(values.byteLength));
  copy.set(values);
  return copy;
}

/**
 * Runs analyses off the main thread (ARCHITECTURE.md §The engine): both passes of the engine split into
 * fixed blocks of rows across worker threads, merged in block order, so the result is the same as
 * `analyze()` in one thread. Progress after every block; an aborted signal stops the work.
 */
export class PsychometricsPool {
  #pool: Piscina<PsychometricsTask, FirstPass | SecondPass> | null = null;

  constructor(private readonly options: { maxThreads?: number } = {}) {}

  get threads(): number {
    return this.options.maxThreads ?? Math.max(1, availableParallelism());
  }

  #piscina(): Piscina<PsychometricsTask, FirstPass | SecondPass> {
    this.#pool ??= new Piscina({ filename: workerFile('psychometrics'), minThreads: 0, maxThreads: this.threads, idleTimeout: 30_000 });
    return this.#pool;
  }

  async analyze(input: AnalysisInput, control: AnalysisControl = {}): Promise<AnalysisResult> {
    checkAnalysisInput(input);
    control.signal?.throwIfAborted();
    const pool = this.#piscina();
    const { layout, options } = input;
    const responses = { ...input.responses, values: shared(input.responses.values) };
    const times = input.times && { ...input.times, values: shared(input.times.values) };
    const ranges = blockRanges(responses.n);
    const total = 2 * ranges.length;
    let done = 0;
    const tick = <T>(result: T): T => {
      control.onProgress?.((done += 1), total);
      return result;
    };
    const signal = control.signal ?? null;
    // Every block waits on the one signal; many blocks are expected, not a leak.
    if (signal) setMaxListeners(ranges.length + 10, signal);

    const firstIn = { ...firstPassInput({ ...input, responses, times }) };
    const first = (await Promise.all(
      ranges.map(([start, end]) => pool.run({ pass: 'first', input: firstIn, start, end }, { signal }).then(tick)),
    )) as FirstPass[];
    control.signal?.throwIfAborted();
    const model = buildSampleModel(layout, responses, mergeMoments(responses.k, first.map((f) => f.moments)), options);
    const secondIn = { layout, k: responses.k, values: responses.values, ...model.second };
    const second = (await Promise.all(
      ranges.map(([start, end]) => pool.run({ pass: 'second', input: secondIn, start, end }, { signal }).then(tick)),
    )) as SecondPass[];
    return finishAnalysis({ ...input, responses, times }, model, first, second);
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = null;
    await pool?.destroy();
  }
}
