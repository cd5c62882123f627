import { ownerCore, tempDir } from '../helpers/temp-core';
import { peopleCsv } from './fleet-data';
import type { Benchmark } from './harness';

const ROWS = 100_000;

const bench: Benchmark = {
  name: `CSV import of ${ROWS.toLocaleString('en')} people`,
  async run(report) {
    const csv = Buffer.from(peopleCsv(ROWS));
    const contentBase64 = csv.toString('base64');
    report({ label: 'file size', value: csv.length / 1024 / 1024, unit: 'MB' });
    const dir = tempDir();
    const core = ownerCore(dir.path);
    try {
      let started = performance.now();
      const preview = await core.call('people.importPreview', { contentBase64 });
      report({ label: `preview (parse + check ${preview.rows} rows, nothing written)`, value: (performance.now() - started) / 1000, unit: 's' });
      started = performance.now();
      const result = await core.call('people.import', { contentBase64 }, { taskId: 'bench-import' });
      report({ label: `import (check + store ${result.imported} rows in one transaction)`, value: (performance.now() - started) / 1000, unit: 's', target: '< 15 s' });
      started = performance.now();
      const exported = await core.call('people.exportCsv', {});
      report({ label: `export of ${exported.rows} people`, value: (performance.now() - started) / 1000, unit: 's' });
    } finally {
      await core.close();
      dir.remove();
    }
  },
};
export default bench;
