import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runAnalysis, type AnalysisKind, type AnalysisOutput, type AnalysisTask } from '../../engine/documents/analysis';
import { AppError } from '../api/errors';
import { workerFile } from '../workers/worker-file';

/**
 * Where the document analysis runs (src/engine/documents/analysis.ts): page layout, MRZ segmentation and
 * template reading, glyph comparison. The verifier uses the worker pool, so an API request never waits behind
 * a page's 100–300 ms of arithmetic on the core's thread; tests of the layout alone may run it in their thread.
 */
export interface DocumentAnalysis {
  run<K extends AnalysisKind>(task: AnalysisTask<K>, signal?: AbortSignal): Promise<AnalysisOutput<K>>;
  close(): Promise<void>;
}

/** The same functions in the calling thread: for tests and tools that have no request to keep answering. */
export const inThisThread: DocumentAnalysis = {
  run: async (task) => runAnalysis(task),
  close: async () => undefined,
};

/**
 * Worker threads for the analysis (piscina), started on first use. Half the cores: the OCR workers take the
 * rest, and a page's analysis is short beside its OCR (measured on 2 cores: one analysis thread keeps up with
 * the text worker). Threads idle for a minute are stopped.
 */
export class AnalysisPool implements DocumentAnalysis {
  #pool: Piscina<AnalysisTask, AnalysisOutput<AnalysisKind>> | null = null;

  constructor(private readonly options: { maxThreads?: number } = {}) {}

  async run<K extends AnalysisKind>(task: AnalysisTask<K>, signal?: AbortSignal): Promise<AnalysisOutput<K>> {
    this.#pool ??= new Piscina({
      filename: workerFile('documents'),
      minThreads: 0,
      maxThreads: this.options.maxThreads ?? Math.max(1, Math.floor(availableParallelism() / 2)),
      idleTimeout: 60_000,
    });
    try {
      return (await this.#pool.run(task, { signal: signal ?? null })) as AnalysisOutput<K>;
    } catch (error) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'Cancelled.');
      throw error;
    }
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = null;
    await pool?.destroy();
  }
}
