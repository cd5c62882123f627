import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinInstrument } from '../../src/core/psychometrics/builtin';
import { PsychometricsPool } from '../../src/core/psychometrics/psychometrics-pool';
import { analysisReport, analyze, layoutFor } from '../../src/engine/psychometrics';
import type { TaskProgress } from '../../src/shared/api';
import { analysisOptionsSchema } from '../../src/shared/psychometrics';
import { harmony } from '../helpers/cli';
import { simulate, toCsv } from '../helpers/psych-sim';
import { tempCore, tempDir } from '../helpers/temp-core';

/** psychometrics.* through the core: worker pool, task progress and cancellation, validation. */
const core = tempCore();
const ipip = builtinInstrument('ipip-neo-120')!;
const items = ipip.items.map((i) => ({ id: i.id, scale: i.scale, facet: i.facet, keyed: i.keyed }));

function rowsOf(data: { ids: string[]; values: Float64Array }) {
  const k = items.length;
  return data.ids.map((id, r) => ({ id, values: Array.from(data.values.subarray(r * k, r * k + k), (x) => (Number.isNaN(x) ? null : x)) }));
}

const progress: TaskProgress[] = [];
let unsubscribe: () => void;
beforeAll(() => {
  unsubscribe = core.events.subscribe((event, payload) => {
    if (event === 'task.progress') progress.push(payload as TaskProgress);
  });
});
afterAll(async () => {
  unsubscribe();
  await core.dispose();
});

describe('psychometrics over the API', () => {
  it('lists the built-in instruments and gives one in full', async () => {
    const list = await core.call('psychometrics.instruments', {});
    expect(list).toEqual([expect.objectContaining({ id: 'ipip-neo-120', items: 120, min: 1, max: 5, languages: expect.arrayContaining(['en', 'de', 'zh-cn']) })]);
    const def = await core.call('psychometrics.instrument', { id: 'ipip-neo-120' });
    expect(def.items[119]!.text.fr).toBeTruthy();
    expect(await core.dispatch('psychometrics.instrument', { id: 'neo-pi-r' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('ipip-neo-120') } });
  });

  it('analyses in the worker pool exactly as the engine does in one thread, reporting progress', async () => {
    const data = simulate(items, { n: 5000, seed: 8, missingRate: 0.02, random: 50, straight: 20, alternating: 10 });
    const options = { psychsynCritval: 0.45 };
    const norms = { label: 'Crew 2024', population: 'incumbent' as const, source: null, rows: [{ scale: 'C', mean: 3.4, sd: 0.6, n: 800, source: null, label: null }] };
    const report = await core.call(
      'psychometrics.analyze',
      { instrument: 'ipip-neo-120', responses: { items: items.map((i) => i.id), rows: rowsOf(data) }, norms, options },
      { taskId: 'analysis-1' },
    );
    const direct = analysisReport(
      analyze({
        layout: layoutFor(ipip, items.map((i) => i.id)),
        responses: { ids: data.ids, n: data.ids.length, k: items.length, values: data.values },
        times: null,
        norms,
        options: analysisOptionsSchema.parse(options),
      }),
    );
    const { notices, ...shape } = report;
    expect(shape).toEqual(direct);
    expect(shape.people[0]!.scales.C!.percentile).toEqual(expect.any(Number));
    expect(shape.people[0]!.scales.N!.percentile).toBeNull();
    expect(notices).toEqual(expect.arrayContaining(['The norm table has no row for N, E, O, A: no z, T or percentile there.']));
    const mine = progress.filter((p) => p.taskId === 'analysis-1');
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.at(-1)).toMatchObject({ method: 'psychometrics.analyze', done: 6, total: 6 });
  });

  it('stops when the task is cancelled', async () => {
    const data = simulate(items, { n: 40_000, seed: 9 });
    const running = core.dispatch('psychometrics.analyze', { instrument: 'ipip-neo-120', responses: { items: items.map((i) => i.id), rows: rowsOf(data) } }, { taskId: 'analysis-2' });
    await expect.poll(() => progress.some((p) => p.taskId === 'analysis-2'), { timeout: 20_000 }).toBe(true);
    expect(await core.call('tasks.cancel', { taskId: 'analysis-2' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('answers bad responses with VALIDATION naming the respondent and item', async () => {
    const result = await core.dispatch('psychometrics.analyze', {
      instrument: 'ipip-neo-120',
      responses: { items: items.map((i) => i.id), rows: [{ id: 'p1', values: items.map((_, j) => (j === 4 ? 9 : 3)) }, { id: 'p2', values: items.map(() => 2) }] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'responses.rows.0.values.4 (id p1, item i5)', message: '9 is outside the response range 1–5' }] } } });
  });

  it('refuses applicant respondents against volunteer norms', async () => {
    const data = simulate(items, { n: 50, seed: 10 });
    const result = await core.dispatch('psychometrics.analyze', {
      instrument: 'ipip-neo-120',
      responses: { items: items.map((i) => i.id), rows: rowsOf(data) },
      norms: { label: 'Internet sample', population: 'volunteer', rows: [{ scale: 'C', mean: 3.5, sd: 0.6 }] },
      options: { respondents: 'applicant' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Birkeland') } });
  });

  it('uses a definition sent with the call, and the thread count does not change a bit of the result', async () => {
    const pool = new PsychometricsPool({ maxThreads: 1 });
    const data = simulate(items, { n: 4500, seed: 12, missingRate: 0.05 });
    const input = {
      layout: layoutFor(ipip, items.map((i) => i.id)),
      responses: { ids: data.ids, n: data.ids.length, k: items.length, values: data.values },
      times: null,
      norms: null,
      options: analysisOptionsSchema.parse({}),
    };
    const one = analysisReport(await pool.analyze(input));
    await pool.close();
    const viaApi = await core.call('psychometrics.analyze', { instrument: ipip, responses: { items: items.map((i) => i.id), rows: rowsOf(data) } });
    const { notices: _, ...shape } = viaApi;
    expect(shape).toEqual(one);
  });
});

describe('a small batch compared with a reference sample', () => {
  it('is compared in the worker pool exactly as in one thread, the reference read in blocks', async () => {
    const batch = simulate(items, { n: 6, seed: 21, random: 1 });
    const stored = simulate(items, { n: 4100, seed: 22 });
    const pool = new PsychometricsPool({ maxThreads: 2 });
    const input = {
      layout: layoutFor(ipip, items.map((i) => i.id)),
      responses: { ids: batch.ids, n: batch.ids.length, k: items.length, values: batch.values },
      times: null,
      norms: null,
      options: analysisOptionsSchema.parse({}),
      reference: { n: 4100, values: stored.values, label: 'stored results of crew in post' },
    };
    const ticks: Array<[number, number]> = [];
    try {
      const pooled = await pool.analyze(input, { onProgress: (done, total) => ticks.push([done, total]) });
      expect(pooled.comparison).toMatchObject({ computed: true, batch: 6, reference: 4100 });
      expect(analysisReport(pooled)).toEqual(analysisReport(analyze(input)));
      // The batch's one block in both passes, and the reference's three blocks of rows (2048 each).
      expect(ticks.at(-1)).toEqual([5, 5]);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('harmony analyze on a large file', () => {
  it('runs in the worker pool with progress and prints the same report', async () => {
    const dir = tempDir();
    const data = simulate(items, { n: 2100, seed: 13, missingRate: 0.01 });
    const file = join(dir.path, 'big.csv');
    writeFileSync(file, toCsv(items.map((i) => i.id), data.ids, data.values));
    const { code, out, progress: ticks } = await harmony('analyze', '--instrument', 'ipip-neo-120', '--responses', file, '--json');
    dir.remove();
    expect(code).toBe(0);
    expect(ticks.some((t) => /Analysing 2100 respondents… 100%/.test(t))).toBe(true);
    const direct = analysisReport(
      analyze({
        layout: layoutFor(ipip, items.map((i) => i.id)),
        responses: { ids: data.ids, n: data.ids.length, k: items.length, values: data.values },
        times: null,
        norms: null,
        options: analysisOptionsSchema.parse({}),
      }),
    );
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(direct)));
  });
});
