import { ownerCore, tempDir } from '../helpers/temp-core';
import { populateFleet } from './fleet-data';
import { percentile, sample, type Benchmark } from './harness';

/**
 * Issue 16: an agency's pipeline at 10,000 people — 100 requisitions with 20 candidates each (2,000 applications,
 * a quarter of them submitted) — listed on the board and in the requisitions table, a stage moved, near
 * duplicates looked for across everyone, and the yacht CV made.
 */
const PEOPLE = 10_000;
const REQUISITIONS = 100;
const PER_REQUISITION = 20;

const bench: Benchmark = {
  name: `Recruitment at ${PEOPLE.toLocaleString('en')} people, ${REQUISITIONS} requisitions × ${PER_REQUISITION} candidates`,
  async run(report) {
    const dir = tempDir();
    const core = ownerCore(dir.path);
    try {
      await populateFleet(core, PEOPLE, 20);
      const people = (await core.call('people.list', { limit: 500 })).rows.map((p) => p.id);
      const vessels = await core.call('vessels.list', {});
      const requisitionIds: string[] = [];
      const started = performance.now();
      for (let r = 0; r < REQUISITIONS; r += 1) {
        const vessel = await core.call('vessels.get', { id: vessels[r % vessels.length]!.id });
        const position = vessel.positions[r % vessel.positions.length]!;
        const draft = await core.call('requisitions.create', { positionId: position.id, title: position.title, startDate: '2027-06-01', places: 1, requirements: {} });
        requisitionIds.push((await core.call('requisitions.move', { id: draft.id, status: 'open' })).id);
        for (let c = 0; c < PER_REQUISITION; c += 1) {
          const app = await core.call('applications.create', { requisitionId: draft.id, personId: people[(r * 7 + c) % people.length]!, source: c % 3 ? 'Agency' : 'Direct', agency: c % 3 ? 'Blue Water' : null });
          if (c % 4 === 0) await core.call('applications.move', { id: app.id, stage: 'submitted' });
        }
      }
      report({ label: 'set-up: 100 requisitions, 2,000 applications through the API', value: (performance.now() - started) / 1000, unit: 's' });
      const p95 = async (label: string, times: number, fn: () => Promise<unknown>, target?: string) => {
        await fn();
        report({ label, value: percentile(await sample(times, fn), 95), unit: 'ms p95', ...(target ? { target } : {}) });
      };
      await p95('requisitions.list (100, with stage counts and days open)', 20, () => core.call('requisitions.list', {}), '< 100 ms');
      await p95('applications.list, one requisition (the board of 20)', 50, () => core.call('applications.list', { requisitionId: requisitionIds[3]! }), '< 20 ms');
      await p95('applications.list, all 2,000 (the board of every requisition)', 10, () => core.call('applications.list', {}), '< 200 ms');
      let n = 0;
      const moving = (await core.call('applications.list', { requisitionId: requisitionIds[5]! })).filter((a) => a.stage === 'sourced');
      await p95('applications.move, sourced → contacted (one write)', Math.min(10, moving.length - 1), () => core.call('applications.move', { id: moving[n++]!.id, stage: 'contacted' }), '< 20 ms');
      await p95('requisitions.figures (time to hire, source of hires)', 20, () => core.call('requisitions.figures', {}));
      await p95('people.duplicates across 10,000 people', 5, () => core.call('people.duplicates', {}), '< 500 ms');
      await p95('people.duplicates for one person', 20, () => core.call('people.duplicates', { personId: people[42]! }), '< 50 ms');
      await p95('cv.pdf, one person', 10, () => core.call('cv.pdf', { personId: people[42]!, contacts: false }), '< 300 ms');
      const pdf = await core.call('cv.pdf', { personId: people[42]!, contacts: false });
      report({ label: 'cv.pdf size, no photo', value: Buffer.from(pdf.contentBase64, 'base64').length / 1024, unit: 'KB' });
    } finally {
      await core.close();
      dir.remove();
    }
  },
};

export default bench;
