import { personInput } from '../helpers/fleet';
import { ownerCore, tempDir } from '../helpers/temp-core';
import { peopleCsv } from './fleet-data';
import { percentile, sample, type Benchmark } from './harness';

const SINGLE_WRITES = 300;
const IMPORT_ROWS = 20_000;

/**
 * What `synchronous = FULL` costs against `NORMAL` (WAL mode both): FULL flushes the write-ahead log to the disk at
 * every commit, so a power cut loses nothing that was reported saved; NORMAL flushes only at checkpoints and may
 * lose the last commits. Measured on the disk the temporary folder is on (set TMPDIR to measure another).
 */
const bench: Benchmark = {
  name: 'Durability: synchronous = FULL against NORMAL (WAL), per commit and per import',
  async run(report) {
    for (const mode of ['FULL', 'NORMAL'] as const) {
      const dir = tempDir();
      const core = ownerCore(dir.path);
      try {
        core.state.requireDatabase().sqlite.pragma(`synchronous = ${mode}`);
        let n = 0;
        const created = await sample(SINGLE_WRITES, async () => {
          n += 1;
          await core.call('people.create', personInput({ givenNames: `Given${n}`, surname: `Surname${n}`, email: `p${n}@example.org` }));
        });
        report({ label: `${mode}: people.create, one commit each, p50`, value: percentile(created, 50), unit: 'ms' });
        report({ label: `${mode}: people.create, one commit each, p95`, value: percentile(created, 95), unit: 'ms' });
        const ids = (await core.call('people.list', { limit: SINGLE_WRITES })).rows.map((r) => r.id);
        let i = 0;
        const archived = await sample(ids.length, async () => {
          await core.call('people.archive', { id: ids[i]! });
          i += 1;
        });
        report({ label: `${mode}: people.archive, one commit each, p50`, value: percentile(archived, 50), unit: 'ms' });
        report({ label: `${mode}: people.archive, one commit each, p95`, value: percentile(archived, 95), unit: 'ms' });
        const started = performance.now();
        await core.call('people.import', { contentBase64: Buffer.from(peopleCsv(IMPORT_ROWS)).toString('base64') });
        report({ label: `${mode}: import of ${IMPORT_ROWS.toLocaleString('en')} people (one transaction)`, value: (performance.now() - started) / 1000, unit: 's' });
      } finally {
        await core.close();
        dir.remove();
      }
    }
  },
};
export default bench;
