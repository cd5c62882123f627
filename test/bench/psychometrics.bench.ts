import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinInstrument } from '../../src/core/psychometrics/builtin';
import { PsychometricsPool } from '../../src/core/psychometrics/psychometrics-pool';
import { analysisReport, analyze, layoutFor, type AnalysisInput } from '../../src/engine/psychometrics';
import { analysisOptionsSchema } from '../../src/shared/psychometrics';
import { simulate, toCsv } from '../helpers/psych-sim';
import type { Benchmark } from './harness';

/**
 * Issue 3: analyse 100,000 respondents × 120 items (scores, all 35 reliabilities, all careless indices) —
 * target under 5 s on two cores — and R psych (alpha per scale and facet + scoreItems) on the same data,
 * at least 10× slower. Figures, not pass/fail.
 */
const N = Number(process.env.HARMONY_BENCH_RESPONDENTS ?? 100_000);
const R_SCRIPT = fileURLToPath(new URL('./r/psych-bench.R', import.meta.url));

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

const bench: Benchmark = {
  name: `Psychometric analysis, ${N.toLocaleString('en')} respondents × 120 items (IPIP-NEO-120)`,
  async run(report) {
    const ipip = builtinInstrument('ipip-neo-120')!;
    const items = ipip.items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed }));
    const layout = layoutFor(ipip, items.map((i) => i.id));
    const options = analysisOptionsSchema.parse({ psychsynCritval: 0.5 });
    const norms = { label: 'bench', population: 'unspecified' as const, source: null, rows: [...'NEOAC'].map((scale) => ({ scale, mean: 3, sd: 0.7, n: null, source: null, label: null })) };
    const inputOf = (missingRate: number): AnalysisInput => {
      const data = simulate(items, { n: N, seed: 2025, missingRate, random: N / 50, straight: N / 100, alternating: N / 200 });
      return { layout, responses: { ids: data.ids, n: N, k: 120, values: data.values }, times: null, norms, options };
    };

    const complete = inputOf(0);
    const pool = new PsychometricsPool();
    try {
      // Start the threads and let them compile the kernels (in the built app a worker loads plain JS; here tsx
      // compiles TypeScript first), so that the figures below are the steady state.
      const warmRows = Math.min(N, 16_384);
      const warm = await timedAsync(() =>
        pool.analyze({ ...complete, responses: { ...complete.responses, n: warmRows, ids: complete.responses.ids.slice(0, warmRows), values: complete.responses.values.subarray(0, warmRows * 120) } }),
      );
      report({ label: `first call: start ${pool.threads} worker threads and analyse ${warmRows.toLocaleString('en')} rows`, value: warm.ms / 1000, unit: 's' });
      const pooled = await timedAsync(() => pool.analyze(complete));
      report({ label: `worker pool (${pool.threads} threads), complete answers`, value: pooled.ms / 1000, unit: 's', target: '< 5 s' });
      const single = timed(() => analyze(complete));
      report({ label: 'one thread, complete answers', value: single.ms / 1000, unit: 's' });
      const withMissing = inputOf(0.02);
      const pooledMissing = await timedAsync(() => pool.analyze(withMissing));
      report({ label: `worker pool (${pool.threads} threads), 2% answers missing`, value: pooledMissing.ms / 1000, unit: 's', target: '< 5 s' });
      // What `harmony analyze --responses FILE` and `psychometrics.analyze` with a file add: decoding and parsing
      // the CSV in a worker thread (off the thread that answers calls).
      const csv = Buffer.from(toCsv(items.map((i) => i.id), complete.responses.ids, complete.responses.values));
      const read = await timedAsync(() => pool.read({ instrument: ipip, responses: { file: { fileName: 'responses.csv', contentBase64: csv.toString('base64') } }, responseTimes: null, norms: null, range: null }));
      if (!read.value.ok) throw new Error(read.value.message);
      report({ label: `reading the ${(csv.length / 1e6).toFixed(0)} MB responses CSV in a worker thread`, value: read.ms / 1000, unit: 's' });
      const json = timed(() => JSON.stringify(analysisReport(pooled.value)).length);
      report({ label: 'building and serialising the full JSON report', value: json.ms / 1000, unit: 's' });
      report({ label: 'size of the JSON report', value: json.value / 1e6, unit: 'MB' });

      const r = runR(items, complete);
      if (r === null) {
        report({ label: 'R psych comparison skipped (Rscript with psych not installed)', value: 0, unit: '' });
        return;
      }
      report({ label: 'R psych: alpha for 35 scales and facets + scoreItems', value: r, unit: 's' });
      report({ label: 'R time / our worker-pool time (whole analysis)', value: r / (pooled.ms / 1000), unit: '×', target: '≥ 10×' });
    } finally {
      await pool.close();
    }
  },
};
export default bench;

function runR(items: Array<{ id: string; scale: string; facet: string | null; keyed: number }>, input: AnalysisInput): number | null {
  if (spawnSync('Rscript', ['-e', 'library(psych)'], { stdio: 'ignore' }).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'harmony-bench-'));
  try {
    const responses = join(dir, 'responses.csv');
    const keys = join(dir, 'keys.csv');
    writeFileSync(responses, toCsv(items.map((i) => i.id), input.responses.ids, input.responses.values));
    writeFileSync(keys, ['item,scale,facet,keyed', ...items.map((i) => `${i.id},${i.scale},${i.facet ?? ''},${i.keyed}`)].join('\n'));
    const result = spawnSync('Rscript', [R_SCRIPT, responses, keys], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`R failed: ${result.stderr}`);
    return Number(result.stdout.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
