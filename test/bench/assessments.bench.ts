import { resultsCsv } from '../helpers/assessments';
import { ownerCore, tempDir } from '../helpers/temp-core';
import { populateFleet } from './fleet-data';
import type { Benchmark } from './harness';
import { sample, percentile } from './harness';

const RESULTS = 10_000;

/** An agency's batch: 10,000 past IPIP-NEO-120 results imported for stored people, listed and grouped. */
const bench: Benchmark = {
  name: `Assessments: ${RESULTS.toLocaleString('en')} IPIP-NEO-120 results`,
  async run(report) {
    const dir = tempDir();
    const core = ownerCore(dir.path);
    try {
      await populateFleet(core, RESULTS, 20);
      const emails = Array.from({ length: RESULTS }, (_, i) => `person${i}@example.org`);
      const csv = Buffer.from(resultsCsv(emails, { seed: 3, random: 200, straight: 100 }));
      const input = { contentBase64: csv.toString('base64'), context: 'incumbent' as const, fileName: 'bench.csv' };
      report({ label: 'responses file size', value: csv.length / 1024 / 1024, unit: 'MB' });
      let started = performance.now();
      const preview = await core.call('assessments.importPreview', input);
      report({ label: `preview (parse, match ${preview.rows} people, check answers)`, value: (performance.now() - started) / 1000, unit: 's' });
      started = performance.now();
      const done = await core.call('assessments.import', input, { taskId: 'bench-results' });
      report({ label: `import (check, score in the worker pool, store ${done.imported} in one transaction)`, value: (performance.now() - started) / 1000, unit: 's' });

      const firstPage = await sample(20, () => core.call('assessments.list', { limit: 100 }));
      report({ label: 'list: first page of 100, p95', value: percentile(firstPage, 95), unit: 'ms' });
      const filtered = await sample(20, () => core.call('assessments.list', { verdict: 'invalid', search: 'a', limit: 100 }));
      report({ label: 'list: invalid results, name starting with "a", p95', value: percentile(filtered, 95), unit: 'ms' });
      for (const by of ['context', 'position'] as const) {
        const times = await sample(5, () => core.call('assessments.localGroups', { by }));
        report({ label: `local groups by ${by}, median`, value: percentile(times, 50), unit: 'ms' });
        report({ label: `local groups by ${by}, slowest (the first reads every result)`, value: percentile(times, 100), unit: 'ms' });
      }
      // A request that arrives while the local groups are being computed: it should not wait for them.
      const waits: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        const groups = core.call('assessments.localGroups', { by: 'position' });
        await core.call('assessments.list', { limit: 100 });
        waits.push(performance.now() - started);
        await groups;
      }
      waits.sort((a, b) => a - b);
      report({ label: 'list: first page asked for with local groups by position, answered after (median)', value: percentile(waits, 50), unit: 'ms' });
      const changedRules = async () => {
        const settings = await core.call('assessments.settings', {});
        await core.call('assessments.updateSettings', { ...settings, thresholds: { ...settings.thresholds, longstring: { questionable: 0.05, invalid: 0.2 } } });
        let started = performance.now();
        const changed = await core.call('assessments.list', { verdictChanged: true, limit: 100 });
        report({ label: `list: verdict differs under changed rules (${changed.total} results), first call`, value: performance.now() - started, unit: 'ms' });
        const again = await sample(10, () => core.call('assessments.list', { verdictChanged: true, limit: 100 }));
        report({ label: 'list: verdict differs under changed rules, then p95', value: percentile(again, 95), unit: 'ms' });
        await core.call('assessments.updateSettings', settings);
        started = performance.now();
        const small = Buffer.from(resultsCsv(emails.slice(0, 5), { seed: 2, random: 1, takenOn: '2025-06-01' }));
        await core.call('assessments.import', { contentBase64: small.toString('base64'), context: 'incumbent' as const, fileName: 'five.csv' }, { taskId: 'bench-five' });
        report({ label: `import 5 results, compared with the ${(done.imported - 5).toLocaleString('en')} stored ones`, value: (performance.now() - started) / 1000, unit: 's' });
      };
      await changedRules();
      const { rows } = await core.call('assessments.list', { verdict: 'valid', limit: 1 });
      const place = await sample(5, () => core.call('assessments.place', { id: rows[0]!.id, norm: { kind: 'local', by: 'context', group: 'All crew in post', population: 'incumbent' } }));
      report({ label: 'place one result on the local group of all incumbents, median', value: percentile(place, 50), unit: 'ms' });
    } finally {
      await core.close();
      dir.remove();
    }
  },
};
export default bench;
