import { addDays, format } from 'date-fns';
import type { Core } from '../../src/core/core';
import { newId, nowIso } from '../../src/core/db/ids';
import { requiredCertificates } from '../../src/engine/documents/requirements';
import { seededRandom } from '../../src/engine/random';
import { ownerCore, tempDir } from '../helpers/temp-core';
import { populateFleet } from './fleet-data';
import { percentile, sample, type Benchmark, type Reporter } from './harness';

const PEOPLE = 20_000;
const DOCUMENTS_PER_PERSON = 8;

/**
 * Stored documents for everyone in the database, straight into SQLite (no OCR): a Chief Officer's certificates per
 * person, one in ten in review, expiry dates spread over the next six years.
 */
function fillDocuments(core: Core): number {
  const sqlite = core.state.requireDatabase().sqlite;
  const people = sqlite.prepare('SELECT id FROM people').pluck().all() as string[];
  const kinds = requiredCertificates('Chief Officer').slice(0, DOCUMENTS_PER_PERSON);
  const random = seededRandom(5);
  const insert = sqlite.prepare(`INSERT INTO documents (id, person_id, file_hash, file_name, byte_size, type, kind, status, reasons, checks, fields,
      read_fields, mrz, ocr_text, confidence, expires_on, decided_by, decided_at, created_at, updated_at, archived_at)
    VALUES (@id, @personId, @hash, 'scan.jpg', 1000, 'stcw_certificate', @kind, @status, '[]', '[]', '{}', '{}', NULL, '', 0.9, @expiresOn, NULL, NULL, @now, @now, NULL)`);
  const now = nowIso();
  let count = 0;
  sqlite.transaction(() => {
    for (const personId of people) {
      for (const kind of kinds) {
        const expiresOn = format(addDays(new Date(), Math.floor(random() * 2200) - 30), 'yyyy-MM-dd');
        insert.run({ id: newId(), personId, hash: 'a'.repeat(64), kind, status: random() < 0.1 ? 'review' : 'verified', expiresOn, now });
        count += 1;
      }
    }
  })();
  return count;
}

async function measure(core: Core, vesselIds: string[], personId: string, scale: string, report: Reporter): Promise<void> {
  const vesselId = vesselIds[Math.floor(vesselIds.length / 2)]!;
  const scenarios: Array<[string, () => Promise<unknown>]> = [
    ['compliance matrix of one vessel', () => core.call('documents.compliance', { vesselId })],
    ['review queue, first page of 100', () => core.call('documents.list', { limit: 100 })],
    ['review queue filtered by vessel', () => core.call('documents.list', { vesselId, limit: 100 })],
    ['certificate register of one person', () => core.call('documents.register', { personId })],
    ['expiry bell (90/60/30 days)', () => core.call('documents.expiring', {})],
  ];
  for (const [label, run] of scenarios) {
    await run();
    const times = await sample(30, run);
    report({ label: `${scale}: ${label}, p95`, value: percentile(times, 95), unit: 'ms', target: '< 50 ms' });
  }
}

const bench: Benchmark = {
  name: 'Documents: compliance matrix, review queue, register and expiry bell from the sample fleet to a large database',
  async run(report) {
    const sampleDir = tempDir();
    const sampleCore = ownerCore(sampleDir.path);
    try {
      const counts = await sampleCore.call('demo.load', {});
      const vessels = (await sampleCore.call('vessels.list', {})).map((v) => v.id);
      const person = (await sampleCore.call('people.list', { status: 'onboard', limit: 1 })).rows[0]!.id;
      await measure(sampleCore, vessels, person, `sample fleet (${counts.people} people, ${counts.documents} documents)`, report);
    } finally {
      await sampleCore.close();
      sampleDir.remove();
    }

    const dir = tempDir();
    const core = ownerCore(dir.path);
    try {
      const started = performance.now();
      const { vesselIds } = await populateFleet(core, PEOPLE, 100);
      const documents = fillDocuments(core);
      report({ label: `set-up: ${PEOPLE.toLocaleString('en')} people, 100 vessels, ${documents.toLocaleString('en')} documents`, value: (performance.now() - started) / 1000, unit: 's' });
      const person = (await core.call('people.list', { status: 'onboard', limit: 1 })).rows[0]!.id;
      await measure(core, vesselIds, person, `${documents.toLocaleString('en')} documents`, report);
    } finally {
      await core.close();
      dir.remove();
    }
  },
};
export default bench;
