import { createCore } from '../../src/core/core';
import { installAuditCapture } from '../../src/core/db/audit-capture';
import { tempDir } from '../helpers/temp-core';
import { peopleCsv } from './fleet-data';
import type { Benchmark } from './harness';

const ROWS = 20_000;

/**
 * What the audit log costs the write path (docs/security.md#audit-log): the same CSV import of people, into two
 * fresh databases, with the audit triggers and with them dropped, taken in turns so both see the same load on the
 * machine; then the verification of the chain the import wrote.
 */
const bench: Benchmark = {
  name: `Audit log: the cost of an entry per row (CSV import of ${ROWS.toLocaleString('en')} people)`,
  async run(report) {
    const contentBase64 = Buffer.from(peopleCsv(ROWS)).toString('base64');
    const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
    for (let round = 0; round < 3; round++) {
      for (const mode of ['without', 'with'] as const) {
        const dir = tempDir();
        const core = createCore({ dataDir: dir.path });
        try {
          const sqlite = core.state.requireDatabase().sqlite;
          if (mode === 'without') {
            const triggers = sqlite.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'").all() as { name: string }[];
            for (const { name } of triggers) sqlite.exec(`DROP TRIGGER temp."${name}"`);
          }
          const started = performance.now();
          await core.call('people.import', { contentBase64 });
          times[mode].push((performance.now() - started) / 1000);
          if (mode === 'with' && round === 0) {
            const entries = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
            const bytes = (sqlite.prepare('SELECT sum(length(changes)) AS n FROM audit_log').get() as { n: number }).n;
            report({ label: 'entries written', value: entries, unit: '' });
            report({ label: 'size of their before/after values', value: bytes / 1024 / 1024, unit: 'MB' });
            const verifyStarted = performance.now();
            const outcome = await core.call('audit.verify', {});
            report({ label: `verify the chain (${outcome.entries} entries, ${outcome.intact ? 'intact' : 'broken'})`, value: (performance.now() - verifyStarted) / 1000, unit: 's' });
          }
        } finally {
          installAuditCapture(core.state.requireDatabase().sqlite);
          await core.close();
          dir.remove();
        }
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    report({ label: 'import without the audit triggers (median of 3)', value: median(times.without), unit: 's' });
    report({ label: 'import with the audit log (median of 3)', value: median(times.with), unit: 's' });
    report({ label: 'cost per row', value: ((median(times.with) - median(times.without)) / ROWS) * 1e6, unit: 'µs' });
  },
};
export default bench;
