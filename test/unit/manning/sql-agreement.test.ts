import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rotationPhase } from '../../../src/core/db/assignment-status';
import { phaseOn } from '../../../src/engine/manning';
import { addDaysIso } from '../../../src/shared/domain/dates';

/**
 * Where a person stands is computed twice: in SQL for the crew list and statuses, in the engine for the manning
 * calendar. They must never disagree.
 */
const sqlite = new Database(':memory:');
afterAll(() => sqlite.close());
const query = sqlite.prepare(
  `SELECT ${rotationPhase('a')} AS phase FROM (SELECT @start AS start_date, @on AS rotation_weeks_on, @off AS rotation_weeks_off, @restart AS rotation_restart) a`,
);

describe('rotation phase: SQL and engine', () => {
  it('agree on every day of any assignment, restarts included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.option(fc.record({ weeksOn: fc.integer({ min: 1, max: 12 }), weeksOff: fc.integer({ min: 1, max: 12 }) }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        fc.integer({ min: 0, max: 800 }),
        (startOffset, rotation, restartOffset, dayOffset) => {
          const startDate = addDaysIso('2020-01-01', startOffset);
          const rotationRestart = restartOffset === null ? null : addDaysIso(startDate, restartOffset);
          const asOf = addDaysIso(startDate, dayOffset);
          const engine = phaseOn({ startDate, endDate: null, rotation, rotationRestart }, asOf);
          const { phase } = query.get({ asOf, start: startDate, on: rotation?.weeksOn ?? null, off: rotation?.weeksOff ?? null, restart: rotationRestart }) as { phase: string };
          expect(phase).toBe(engine === 'aboard' ? 'onboard' : 'on_leave');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
