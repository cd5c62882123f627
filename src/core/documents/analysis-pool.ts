import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runAnalysis, type AnalysisKind, type AnalysisOutput, type AnalysisTask } from '../../engine/documents/analysis';
import { AppError } from '../api/errors';
import { workerFile } from '../worker-file';
import { renderPdfPages, type PdfPages, type PdfRequest } from './pdf-pages';

/**
 * Where the document analysis runs (src/engine/documents/analysis.ts): page layout, MRZ segmentation and
 * template reading, glyph comparison, and a PDF's pages rendered (pdf-pages.ts). The verifier uses the worker
 * pool, so an API request never waits behind a page's 100–300 ms of arithmetic on the core's thread; tests of
 * the layout alone may run it in their thread.
 */
export interface DocumentAnalysis {
  run<K extends AnalysisKind>(task: AnalysisTask<K>, signal?: AbortSignal): Promise<AnalysisOutput<K>>;
  renderPdf(request: PdfRequest, signal?: AbortSignal): Promise<PdfPages>;
  close(): Promise<void>;
}

/** What a thread of the pool is given: a task of the engine's analysis, or a PDF to render. */
export type DocumentsTask = AnalysisTask | ({ kind: 'pdf' } & PdfRequest);

/** The same functions in the calling thread: for tests and tools that have no request to keep answering. */
export const inThisThread: DocumentAnalysis = {
  run: async (task) => runAnalysis(task),
  renderPdf: renderPdfPages,
  close: async () => undefined,
};

/**
 * Worker threads for the analysis (piscina), started on first use. Half the cores: the OCR workers take the
 * rest, and a page's analysis is short beside its OCR (measured on 2 cores: one analysis thread keeps up with
 * the text worker). Threads idle for a minute are stopped.
 */
export class AnalysisPool implements DocumentAnalysis {
  #pool: Piscina<DocumentsTask, unknown> | null = null;

  constructor(private readonly options: { maxThreads?: number } = {}) {}

  run<K extends AnalysisKind>(task: AnalysisTask<K>, signal?: AbortSignal): Promise<AnalysisOutput<K>> {
    return this.#run(task, signal) as Promise<AnalysisOutput<K>>;
  }

  renderPdf(request: PdfRequest, signal?: AbortSignal): Promise<PdfPages> {
    return this.#run({ kind: 'pdf', ...request }, signal) as Promise<PdfPages>;
  }

  async #run(task: DocumentsTask, signal: AbortSignal | undefined): Promise<unknown> {
    this.#pool ??= new Piscina({
      filename: workerFile('documents', import.meta.url),
      minThreads: 0,
      maxThreads: this.options.maxThreads ?? Math.max(1, Math.floor(availableParallelism() / 2)),
      idleTimeout: 60_000,
    });
    try {
      return await this.#pool.run(task, { signal: signal ?? null });
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
