import type { Core } from '../../src/core/core';
import { harmonyModel } from '../../src/core/team/models';
import { analyzeTeam } from '../../src/engine/team';
import { base64, itemIds, resultsCsv } from '../helpers/assessments';
import { domainInfo, KAT_MEMBERS, member } from '../helpers/team';
import { ownerCore, tempDir } from '../helpers/temp-core';
import { peopleCsv } from './fleet-data';
import type { Benchmark, Reporter } from './harness';
import { percentile, sample } from './harness';

const VESSELS = 200;
const CREW = 30;
const AS_OF = '2025-06-01';
const BERTHS = [
  ['deck', 'Deckhand', '4:2'],
  ['engineering', '2nd Engineer', '2:2'],
  ['interior', 'Stew', '4:2'],
  ['galley', 'Crew Chef', '2:1'],
  ['deck', 'Bosun', null],
] as const;

/** 200 yachts of five berths (rotating and permanent) × 6 crew, everyone in post with one incumbent result. */
export async function populateTeamFleet(core: Core, report: Reporter = () => undefined): Promise<{ vesselIds: string[]; csv: string; people: number }> {
  let started = performance.now();
  const people = VESSELS * CREW;
  await core.call('people.import', { contentBase64: base64(peopleCsv(people)) });
  const ids: string[] = [];
  for (let offset = 0; ids.length < people; offset += 500) ids.push(...(await core.call('people.list', { limit: 500, offset })).rows.map((r) => r.id));
  const vesselIds: string[] = [];
  let next = 0;
  for (let v = 0; v < VESSELS; v += 1) {
    const vessel = await core.call('vessels.create', { name: `Bench ${v}`, kind: 'motor', lengthM: 40 + (v % 50), flag: 'MLT', imoNumber: null, officialNumber: `TB${v}`, use: 'charter' });
    vesselIds.push(vessel.id);
    for (const [department, title, rotation] of BERTHS) {
      const headcount = CREW / BERTHS.length;
      const position = await core.call('positions.create', { vesselId: vessel.id, department, title, headcount, rotation, employmentKind: rotation ? 'rotational' : 'permanent' });
      for (let slot = 0; slot < headcount; slot += 1) {
        const startDate = `2024-${String(1 + (slot % 12)).padStart(2, '0')}-${String(1 + ((next * 7) % 28)).padStart(2, '0')}`;
        await core.call('assignments.create', { personId: ids[next]!, positionId: position.id, startDate });
        next += 1;
      }
    }
  }
  report({ label: `set-up: ${people} people, ${VESSELS} vessels, ${people} assignments`, value: (performance.now() - started) / 1000, unit: 's' });
  started = performance.now();
  const csv = resultsCsv(Array.from({ length: people }, (_, i) => `person${i}@example.org`), { seed: 5, takenOn: '2025-03-01', random: 60, straight: 30 });
  await core.call('assessments.import', { contentBase64: base64(csv), context: 'incumbent' }, { taskId: 'bench-team' });
  report({ label: `set-up: import ${people} results (${itemIds.length} items)`, value: (performance.now() - started) / 1000, unit: 's' });
  return { vesselIds, csv, people };
}

/** Issue 11: a fleet of 200 vessels × 30 crew with results — every team's figures, and one vessel's screen. */
const bench: Benchmark = {
  name: `Team dynamics: ${VESSELS} vessels × ${CREW} crew with IPIP-NEO-120 results`,
  async run(report) {
    const dir = tempDir();
    const core = ownerCore(dir.path);
    try {
      const { vesselIds, csv, people } = await populateTeamFleet(core, report);
      const someVessel = () => vesselIds[Math.floor(Math.random() * VESSELS)]!;

      const first = await sample(1, () => core.call('team.fleet', { asOf: AS_OF }));
      report({ label: `every team's figures (team.fleet, ${VESSELS} vessels), first call after an import`, value: first[0]!, unit: 'ms', target: '< 1000 ms' });
      const fleet = await sample(5, () => core.call('team.fleet', { asOf: AS_OF }));
      report({ label: `every team's figures (team.fleet), median`, value: percentile(fleet, 50), unit: 'ms', target: '< 1000 ms' });

      for (const group of [{ kind: 'crew' }, { kind: 'aboard' }, { kind: 'department', department: 'deck' }] as const) {
        const times = await sample(40, () => core.call('team.dynamics', { vesselId: someVessel(), asOf: AS_OF, group }));
        report({ label: `one vessel's screen data (team.dynamics, ${group.kind}), median`, value: percentile(times, 50), unit: 'ms', target: '< 50 ms' });
        report({ label: `one vessel's screen data (team.dynamics, ${group.kind}), p95`, value: percentile(times, 95), unit: 'ms', target: '< 50 ms' });
      }

      // The engine alone: the figures of 200 teams of 30 from scores in hand.
      const model = harmonyModel();
      const teams = Array.from({ length: VESSELS }, (_, v) =>
        Array.from({ length: CREW }, (__, i) => {
          const [, profile] = KAT_MEMBERS[(v + i) % KAT_MEMBERS.length]!;
          return member(`v${v}m${i}`, Object.fromEntries(Object.entries(profile).map(([s, x]) => [s, x + ((i * 13 + v) % 7) / 10 - 0.3])));
        }),
      );
      const engine = await sample(10, () => teams.map((members) => analyzeTeam({ members, missing: [], domains: domainInfo, facets: [], normScales: ['N', 'E', 'O', 'A', 'C'], noNorm: null, model })));
      report({ label: `engine alone: ${VESSELS} teams of ${CREW} from scores in hand, median`, value: percentile(engine, 50), unit: 'ms' });

      const teamsCsv = ['id,team', ...Array.from({ length: people }, (_, i) => `P${i},T${i % VESSELS}`)].join('\n');
      const responses = csv.replace(/^email,taken_on,/, 'id,').replace(/\nperson(\d+)@example\.org,2025-03-01,/g, '\nP$1,');
      const files = await sample(3, () =>
        core.call('team.analyzeFiles', {
          instrument: 'ipip-neo-120',
          responses: { file: { fileName: 'r.csv', contentBase64: Buffer.from(responses).toString('base64') } },
          teams: { fileName: 't.csv', contentBase64: Buffer.from(teamsCsv).toString('base64') },
        }),
      );
      report({ label: `harmony team: score ${people} respondents (worker pool) and ${VESSELS} teams, median`, value: percentile(files, 50), unit: 'ms' });
    } finally {
      await core.close();
      dir.remove();
    }
  },
};
export default bench;
