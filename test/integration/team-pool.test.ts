import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ServiceContext } from '../../src/core/context';
import { POOL_MEMBERS, teamFigures } from '../../src/core/team/run';
import { PsychometricsPool } from '../../src/core/psychometrics/psychometrics-pool';
import { analyzeTeam, type TeamInput } from '../../src/engine/team';
import { KAT_MEMBERS, member, teamInput } from '../helpers/team';
import { tempCore } from '../helpers/temp-core';
import { CredentialEvents } from '../../src/core/auth/credential-events';

/** Heavy runs of team figures go to the worker pool and give, bit for bit, what this thread gives. */
const core = tempCore();
const disposers: Array<() => void | Promise<void>> = [];
const ctx: ServiceContext = {
  state: core.state,
  events: core.events,
  credentials: new CredentialEvents(),
  db: () => core.state.requireDatabase().db,
  sqlite: () => core.state.requireDatabase().sqlite,
  onClose: (dispose) => void disposers.push(dispose),
};
afterAll(async () => {
  for (const dispose of disposers) await dispose();
  await core.dispose();
});

function teams(count: number, size: number): TeamInput[] {
  return Array.from({ length: count }, (_, t) =>
    teamInput(
      Array.from({ length: size }, (__, i) => {
        const [, profile] = KAT_MEMBERS[(t + i) % KAT_MEMBERS.length]!;
        const shift = ((t * 31 + i * 17) % 11) / 10 - 0.5;
        return member(`t${t}m${i}`, Object.fromEntries(Object.entries(profile).map(([s, x]) => [s, x + shift])), { verdict: i % 9 === 0 ? 'questionable' : 'valid' });
      }),
    ),
  );
}

describe('team figures in the worker pool', () => {
  it('equal the figures worked out in this thread, in the same order', async () => {
    const inputs = teams(60, 12);
    const pool = new PsychometricsPool({ maxThreads: 2 });
    try {
      expect(await pool.teams(inputs)).toEqual(inputs.map(analyzeTeam));
    } finally {
      await pool.close();
    }
  });

  it(`a run of ${POOL_MEMBERS} members or more goes to the pool; a cancelled one stops`, async () => {
    const inputs = teams(Math.ceil(POOL_MEMBERS / 30), 30);
    const viaPool = vi.spyOn(PsychometricsPool.prototype, 'teams');
    expect(await teamFigures(ctx, inputs.slice(0, 10))).toHaveLength(10);
    expect(viaPool).not.toHaveBeenCalled();
    const figures = await teamFigures(ctx, inputs);
    expect(viaPool).toHaveBeenCalledTimes(1);
    expect(figures).toHaveLength(inputs.length);
    expect(figures[7]).toEqual(analyzeTeam(inputs[7]!));
    const controller = new AbortController();
    controller.abort();
    await expect(teamFigures(ctx, inputs, controller.signal)).rejects.toThrow();
  });
});
