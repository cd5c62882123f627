import { manningCalendar, proposeStagger, type ManningAssignment, type ManningPosition } from '../../src/engine/manning';
import { DEFAULT_ROTATION, POSITION_TITLES, DEPARTMENTS, parseRotation } from '../../src/shared/domain/crew';
import { addDaysIso, todayIsoDate } from '../../src/shared/domain/dates';
import { mustBeAboardByDefault } from '../../src/shared/domain/manning';
import { ownerCore, tempDir } from '../helpers/temp-core';
import { percentile, sample, type Benchmark } from './harness';

/** A large yacht: every title of every department, two people each on their department's usual rotation. */
function bigYacht(from: string) {
  const positions: ManningPosition[] = DEPARTMENTS.flatMap((department) =>
    POSITION_TITLES[department].map((title) => ({ id: `${department}:${title}`, department, title, mustBeAboard: mustBeAboardByDefault(title) })),
  );
  const assignments: ManningAssignment[] = positions.flatMap((p, i) =>
    [0, 1].map((k) => ({
      id: `${p.id}:${k}`,
      positionId: p.id,
      startDate: addDaysIso(from, -((i * 3 + k * 5) % 30)),
      endDate: null,
      rotation: parseRotation(DEFAULT_ROTATION[p.department]),
      rotationRestart: null,
    })),
  );
  return { positions, assignments };
}

const bench: Benchmark = {
  name: 'Safe manning (90 days)',
  async run(report) {
    const from = todayIsoDate();
    const yacht = bigYacht(from);
    const crew = yacht.assignments.length;
    const calendar = await sample(50, () => manningCalendar({ ...yacht, from, days: 90 }));
    report({ label: `engine: calendar of a yacht with ${crew} crew, median`, value: percentile(calendar, 50), unit: 'ms', target: '< 10 ms' });
    const stagger = await sample(10, () => proposeStagger({ ...yacht, from, days: 90 }));
    report({ label: `engine: stagger proposal for ${crew} crew on rotation, median`, value: percentile(stagger, 50), unit: 'ms', target: '< 500 ms' });

    const dir = tempDir();
    const core = ownerCore(dir.path);
    try {
      await core.call('demo.load', {});
      const vessels = await core.call('vessels.list', {});
      const biggest = vessels.reduce((a, b) => (b.headcount > a.headcount ? b : a));
      const api = await sample(30, () => core.call('vessels.manning', { vesselId: biggest.id }));
      report({ label: `core: vessels.manning for ${biggest.name} (sample fleet), p95`, value: percentile(api, 95), unit: 'ms', target: '< 50 ms' });
      const proposal = await sample(10, () => core.call('vessels.proposeStagger', { vesselId: biggest.id }));
      report({ label: `core: vessels.proposeStagger for ${biggest.name}, p95`, value: percentile(proposal, 95), unit: 'ms', target: '< 500 ms' });
    } finally {
      await core.close();
      dir.remove();
    }
  },
};
export default bench;
