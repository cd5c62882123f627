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
  planComparison,
  type AnalysisControl,
  type AnalysisInput,
  type AnalysisResult,
  type FirstPass,
  type LocalGroupsInput,
  type LocalGroupsOutput,
  type Moments,
  type SecondPass,
} from '../../engine/psychometrics';
import { mergeSwaps, type SwapOutcome, type SwapSearch } from '../../engine/fit/swaps';
import type { TeamFigures, TeamInput } from '../../engine/team';
import type { AnalysisSources, ReadSources } from './analysis-sources';
import type { PsychometricsTask } from './psychometrics.worker';
import { workerFile } from '../worker-file';

type PoolAnswer = FirstPass | SecondPass | Moments | LocalGroupsOutput | TeamFigures[] | ReadSources | SwapOutcome;

/** A copy of the data on shared memory, so that every worker reads it without a copy of its own. */
function shared(values: Float64Array): Float64Array {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const copy = new Float64Array(new SharedArrayBuffer(values.byteLength));
  copy.set(values);
  return copy;
}

/**
 * Runs analyses off the main thread (docs/architecture.md#workers, docs/psychometrics.md#how-the-engine-runs):
 * both passes of the engine split into fixed blocks of rows across worker threads, merged in block order, so the
 * result is the same as `analyze()` in one thread. Progress after every block; an aborted signal stops the work.
 */
export class PsychometricsPool {
  #pool: Piscina<PsychometricsTask, PoolAnswer> | null = null;

  constructor(private readonly options: { maxThreads?: number } = {}) {}

  get threads(): number {
    return this.options.maxThreads ?? Math.max(1, availableParallelism());
  }

  #piscina(): Piscina<PsychometricsTask, PoolAnswer> {
    this.#pool ??= new Piscina({ filename: workerFile('psychometrics', import.meta.url), minThreads: 0, maxThreads: this.threads, idleTimeout: 30_000 });
    return this.#pool;
  }

  /** Decodes and parses an analysis's files (or checks its rows) in a worker thread. */
  async read(sources: AnalysisSources, signal?: AbortSignal): Promise<ReadSources> {
    signal?.throwIfAborted();
    return (await this.#piscina().run({ pass: 'read', sources }, { signal: signal ?? null })) as ReadSources;
  }

  async analyze(input: AnalysisInput, control: AnalysisControl = {}): Promise<AnalysisResult> {
    checkAnalysisInput(input);
    control.signal?.throwIfAborted();
    const pool = this.#piscina();
    const { layout, options } = input;
    const responses = { ...input.responses, values: shared(input.responses.values) };
    const times = input.times && { ...input.times, values: shared(input.times.values) };
    const ranges = blockRanges(responses.n);
    const { comparison, referenceRanges } = planComparison(input);
    const reference = input.reference && { ...input.reference, values: shared(input.reference.values) };
    const total = 2 * ranges.length + referenceRanges.length;
    let done = 0;
    const tick = <T>(result: T): T => {
      control.onProgress?.((done += 1), total);
      return result;
    };
    const signal = control.signal ?? null;
    // Every block waits on the one signal; many blocks are expected, not a leak.
    if (signal) setMaxListeners(ranges.length + referenceRanges.length + 10, signal);

    const firstIn = { ...firstPassInput({ ...input, responses, times }) };
    const [first, referenceBlocks] = await Promise.all([
      Promise.all(ranges.map(([start, end]) => pool.run({ pass: 'first', input: firstIn, start, end }, { signal }).then(tick))) as Promise<FirstPass[]>,
      Promise.all(
        referenceRanges.map(([start, end]) => pool.run({ pass: 'moments', values: reference!.values, k: responses.k, start, end }, { signal }).then(tick)),
      ) as Promise<Moments[]>,
    ]);
    control.signal?.throwIfAborted();
    const referenceMoments = referenceBlocks.length ? mergeMoments(responses.k, referenceBlocks) : null;
    const model = buildSampleModel(layout, responses, mergeMoments(responses.k, first.map((f) => f.moments)), options, comparison, referenceMoments);
    const secondIn = { layout, k: responses.k, values: responses.values, ...model.second };
    const second = (await Promise.all(
      ranges.map(([start, end]) => pool.run({ pass: 'second', input: secondIn, start, end }, { signal }).then(tick)),
    )) as SecondPass[];
    return finishAnalysis({ ...input, responses, times }, model, first, second);
  }

  /**
   * The figures of many teams (docs/team-dynamics.md), in batches across the threads; the same as `analyzeTeam`
   * on each in this thread, in the same order.
   */
  async teams(inputs: readonly TeamInput[], signal?: AbortSignal): Promise<TeamFigures[]> {
    signal?.throwIfAborted();
    const pool = this.#piscina();
    const size = Math.max(1, Math.ceil(inputs.length / (this.threads * 4)));
    const batches: TeamInput[][] = [];
    for (let start = 0; start < inputs.length; start += size) batches.push(inputs.slice(start, start + size));
    if (signal) setMaxListeners(batches.length + 10, signal);
    const done = await Promise.all(batches.map((batch) => pool.run({ pass: 'teams', inputs: batch }, { signal: signal ?? null }) as Promise<TeamFigures[]>));
    return done.flat();
  }

  /** Local norm groups from stored results, off the core's thread; the scores are handed over, not copied. */
  async localGroups(input: LocalGroupsInput): Promise<LocalGroupsOutput> {
    return (await this.#piscina().run({ pass: 'localGroups', input }, { transferList: [input.scores.buffer as ArrayBuffer] })) as LocalGroupsOutput;
  }

  /**
   * Best single swaps (docs/fit-and-prediction.md#what-if) with the candidates split across the threads; the
   * same list as `bestSwaps` on all of them in this thread.
   */
  async swaps(search: SwapSearch, signal?: AbortSignal): Promise<SwapOutcome> {
    signal?.throwIfAborted();
    const pool = this.#piscina();
    const size = Math.max(1, Math.ceil(search.candidates.length / (this.threads * 2)));
    const runs: Array<Promise<SwapOutcome>> = [];
    if (signal) setMaxListeners(Math.ceil(search.candidates.length / size) + 10, signal);
    for (let start = 0; start < search.candidates.length; start += size) {
      runs.push(pool.run({ pass: 'swaps', search: { ...search, candidates: search.candidates.slice(start, start + size) } }, { signal: signal ?? null }) as Promise<SwapOutcome>);
    }
    return mergeSwaps(await Promise.all(runs), search.sortBy, search.limit);
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = null;
    await pool?.destroy();
  }
}
