/** A benchmark prints figures; it never fails a build. See test/bench/run.ts. */
export interface Benchmark {
  name: string;
  run(report: Reporter): Promise<void>;
}

export type Reporter = (figure: Figure) => void;

export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** What we aim for, printed beside the figure (e.g. "< 300 ms"). */
  target?: string;
}

/** Percentile of a sample (nearest-rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Runs `fn` `times` times and returns the sorted durations in milliseconds. */
export async function sample(times: number, fn: () => unknown): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await fn();
    durations.push(performance.now() - start);
  }
  return durations.sort((a, b) => a - b);
}
