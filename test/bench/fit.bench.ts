import { predictionDefaults } from '../../src/core/fit/models';
import { PsychometricsPool } from '../../src/core/psychometrics/psychometrics-pool';
import { bestSwaps, factorsFor, fitLogistic, normaliseWeights, predict, preparePosition, rankCandidates, type CandidateData, type SwapSearch } from '../../src/engine/fit';
import { seededRandom } from '../../src/engine/random';
import { candidate, position, settings, teamBase } from '../helpers/fit';
import { simulateOutcomes } from '../helpers/fit-sim';
import { ownerCore, tempDir } from '../helpers/temp-core';
import type { Benchmark } from './harness';
import { percentile, sample } from './harness';
import { populateTeamFleet } from './team.bench';

/** Issue 13: ranking 5,000 candidates with explanations, 300,000 swaps in the worker pool, recalibration on 10,000 outcomes. */
const random = seededRandom(13);
const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const profile = () => ({ N: 2.9 + 0.7 * gauss(), E: 3.4 + 0.6 * gauss(), O: 3.6 + 0.6 * gauss(), A: 3.8 + 0.55 * gauss(), C: 3.5 + 0.6 * gauss() });
const zOf = () => ({ N: gauss(), E: gauss(), O: gauss(), A: gauss(), C: gauss() });
const TITLES = ['Stew', 'Chief Stew', 'Laundry', 'Head of Housekeeping'];

function syntheticCandidates(n: number): CandidateData[] {
  return Array.from({ length: n }, (_, i) =>
    candidate({
      personId: `p${i}`,
      name: `Person ${i}`,
      nationalities: [i % 3 ? 'FRA' : 'GBR'],
      visas: i % 2 ? [{ kind: 'b1b2', expiresOn: '2027-01-01' }] : [],
      noticeDays: i % 4 ? 30 : null,
      held: { passport: [{ documentId: `a${i}`, status: 'verified', expiresOn: '2030-01-01' }], eng1: [{ documentId: `b${i}`, status: i % 7 ? 'verified' : 'review', expiresOn: `2026-0${1 + (i % 9)}-15` }], pst: i % 5 ? [{ documentId: `c${i}`, status: 'verified', expiresOn: '2029-01-01' }] : [] },
      service: Array.from({ length: 1 + (i % 4) }, (_, j) => ({ source: 'recorded' as const, vesselName: 'X', lengthM: 30 + ((i + j) % 60), grossTonnage: null, use: (['private', 'charter', 'both'] as const)[(i + j) % 3]!, department: j % 3 ? ('interior' as const) : ('deck' as const), title: TITLES[(i + j) % TITLES.length]!, startDate: `20${18 + j}-0${1 + (i % 9)}-01`, endDate: `20${18 + j}-1${i % 3}-20`, kind: 'onboard' as const })),
      bookings: i % 6 ? [] : [{ startDate: '2025-06-01', endDate: null, label: 'Stew on Other' }],
      result: i % 10 ? { verdict: 'valid', takenOn: '2025-01-01', z: zOf(), mixed: i % 3 === 0, note: null } : null,
    }),
  );
}

const crew = (n: number) => Array.from({ length: n }, (_, i) => [`m${i}`, profile()] as [string, Record<string, number>]);

const bench: Benchmark = {
  name: 'Candidate fit and prediction (issue 13)',
  async run(report) {
    const fitSettings = settings();
    const model = predictionDefaults();
    const weights = normaliseWeights({ certificates: 0.25, experience: 0.25, availability: 0.15, location: 0.1, culture: 0.15, engagement: 0.1 });
    const candidates = syntheticCandidates(5000);
    const stew = position({ team: teamBase(crew(60)), noTeam: null, vessel: { lengthM: 60, grossTonnage: null, use: 'charter', areas: ['schengen', 'usa'] }, profile: { ranges: [{ scale: 'A', min: -0.5, max: null, why: 'x' }, { scale: 'C', min: -0.75, max: null, why: 'x' }, { scale: 'N', min: null, max: 0.75, why: 'x' }], label: 'Stew' } });
    const rankAndExplain = () => {
      const prepared = preparePosition(stew, fitSettings, '2026-01-15');
      const ranking = rankCandidates(candidates, prepared, { weights, threshold: 0, limit: null });
      const byId = new Map(candidates.map((c) => [c.personId, c]));
      return ranking.candidates.map((r) => predict(factorsFor(byId.get(r.personId)!, r, prepared, model).factors, model.coefficients, model.version));
    };
    const times = await sample(15, rankAndExplain);
    report({ label: 'engine: 5,000 candidates ranked with explanations and predictions, median', value: percentile(times, 50), unit: 'ms', target: '< 200 ms' });
    report({ label: 'engine: … p95', value: percentile(times, 95), unit: 'ms', target: '< 200 ms' });

    const team = crew(60);
    const search: SwapSearch = {
      team: teamBase(team),
      members: team.map(([id], i) => ({ id, name: id, positionKey: TITLES[i % TITLES.length]!, success: 0.55 })),
      positions: TITLES.map((title) => ({ key: title, position: position({ title, team: null, noTeam: null, head: { personId: 'm0', name: 'Head', z: zOf() } }) })),
      candidates,
      settings: fitSettings,
      prediction: model,
      coefficients: model.coefficients,
      asOf: '2026-01-15',
      sortBy: 'harmony',
      limit: 25,
    };
    const inThread = await sample(3, () => bestSwaps(search));
    report({ label: 'all single swaps, 60 crew × 5,000 candidates (300,000), one thread, median', value: percentile(inThread, 50), unit: 'ms' });
    const pool = new PsychometricsPool();
    try {
      await pool.swaps({ ...search, candidates: candidates.slice(0, 50) });
      const pooled = await sample(5, () => pool.swaps(search));
      report({ label: `… in the worker pool (${pool.threads} threads), median`, value: percentile(pooled, 50), unit: 'ms', target: '< 2000 ms' });
    } finally {
      await pool.close();
    }

    const { x, y } = simulateOutcomes(10_000, [0.2, 1.41, 0.7, 0.66, 0.35], 99);
    const fits = await sample(10, () => fitLogistic(x, y, 5));
    report({ label: 'recalibration: logistic regression on 10,000 outcomes, median', value: percentile(fits, 50), unit: 'ms', target: '< 1000 ms' });

    // Through the core and the API, on 6,000 people with results in 200 vessels.
    const dir = tempDir();
    const core = ownerCore(dir.path);
    try {
      const { vesselIds } = await populateTeamFleet(core, report);
      const detail = await core.call('vessels.get', { id: vesselIds[0]! });
      const deckhand = detail.positions.find((p) => p.title === 'Deckhand')!;
      const api = await sample(5, () => core.call('fit.rank', { positionId: deckhand.id, limit: 50, asOf: '2025-06-01' }));
      report({ label: 'fit.rank through the API: ~6,000 candidates, top 50 with predictions, median', value: percentile(api, 50), unit: 'ms' });
      const swaps = await sample(2, () => core.call('fit.swaps', { vesselId: vesselIds[0]!, asOf: '2025-06-01' }, { taskId: 'bench-swaps' }));
      report({ label: 'fit.swaps through the API: 30 crew × ~5,970 candidates, median', value: percentile(swaps, 50), unit: 'ms' });
    } finally {
      await core.close();
      dir.remove();
    }
  },
};
export default bench;
