import { ownerCore, tempDir } from '../helpers/temp-core';
import { populateFleet } from './fleet-data';
import { percentile, sample, type Benchmark } from './harness';
import type { Input } from '../../src/shared/api';

const PEOPLE = 100_000;

const bench: Benchmark = {
  name: `Crew list at ${PEOPLE.toLocaleString('en')} people (one page of 100 rows + the total)`,
  async run(report) {
    const dir = tempDir();
    const core = ownerCore(dir.path);
    try {
      const started = performance.now();
      const { vesselIds } = await populateFleet(core, PEOPLE, 200);
      report({ label: 'set-up: import people, 200 vessels, assignments for one in ten', value: (performance.now() - started) / 1000, unit: 's' });
      const vesselId = vesselIds[17]!;
      const scenarios: Array<[string, Input<'people.list'>]> = [
        ['no filter, first page', {}],
        ['no filter, page at offset 50,000 (scrolled)', { offset: 50_000 }],
        ['name typed: "m" (one letter)', { search: 'm' }],
        ['name typed: "mar"', { search: 'mar' }],
        ['name typed: "mar whit" (two words)', { search: 'mar whit' }],
        ['vessel + department', { vesselId, department: 'interior' }],
        ['status onboard', { status: 'onboard' }],
        ['status unassigned (most people)', { status: 'unassigned' }],
        ['name "ol" + status unassigned', { search: 'ol', status: 'unassigned' }],
        ['position title "Stew" + status on leave', { positionTitle: 'Stew', status: 'on_leave' }],
        ['archived included, name "an"', { search: 'an', archived: 'include' }],
        ['sorted by name, descending', { descending: true }],
        ['sorted by position (everyone)', { sort: 'position' }],
        ['sorted by status (everyone)', { sort: 'status' }],
        ['sorted by nationality (everyone)', { sort: 'nationality' }],
        ['sorted by e-mail, page at offset 50,000', { sort: 'email', offset: 50_000 }],
        ['vessel + department, sorted by status', { vesselId, department: 'interior', sort: 'status' }],
      ];
      for (const [label, input] of scenarios) {
        const query = { limit: 100, ...input };
        await core.call('people.list', query);
        const times = await sample(60, () => core.call('people.list', query));
        report({ label: `${label}, p95`, value: percentile(times, 95), unit: 'ms', target: '< 20 ms' });
      }
    } finally {
      await core.close();
      dir.remove();
    }
  },
};
export default bench;
