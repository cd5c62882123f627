import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { peopleCsv } from '../bench/fleet-data';
import { tempCore } from '../helpers/temp-core';
import { bothTransports } from '../helpers/transports';

let core: ReturnType<typeof tempCore>;
let transports: Awaited<ReturnType<typeof bothTransports>>;
beforeEach(async () => {
  core = tempCore();
  transports = await bothTransports(core);
});
afterEach(async () => {
  await transports.close();
  await core.dispose();
});

const csv = (count: number) => ({ contentBase64: Buffer.from(peopleCsv(count)).toString('base64') });

/**
 * Asks for the crew count over HTTP, as the browser preview does, from a few callers at once, again and again until
 * `work` settles: each request arrives on its own, outside the import's own calls.
 */
async function countsWhile<T>(work: Promise<T>): Promise<{ counts: number[]; result: PromiseSettledResult<T> }> {
  let done = false;
  const settled = Promise.allSettled([work]).then(([result]) => {
    done = true;
    return result!;
  });
  const counts: number[] = [];
  const poll = async () => {
    while (!done) {
      const answer = await transports.bridges.http.invoke('people.list', { archived: 'include', limit: 1 });
      if (answer.ok && !done) counts.push((answer.data as { total: number }).total);
    }
  };
  await Promise.all([poll(), poll(), poll(), poll()]);
  return { counts, result: await settled };
}

describe('reads during a long import', () => {
  it('see the people committed before it until it commits, and none of its rows after a cancel', async () => {
    await core.call('people.import', csv(60));

    // The same seeded rows: the first 60 are already stored, 7,000 are new.
    const imported = await countsWhile(core.call('people.import', csv(7060), { taskId: 'big-import' }));
    expect(imported.result).toMatchObject({ status: 'fulfilled', value: { imported: 7000 } });
    expect(imported.counts.length).toBeGreaterThan(3);
    expect(new Set(imported.counts)).toEqual(new Set([60]));
    expect((await core.call('people.list', { limit: 1 })).total).toBe(7060);

    const running = core.call('people.import', csv(14_060), { taskId: 'cancelled-import' });
    const off = core.events.subscribe((event, payload) => {
      const progress = payload as { taskId: string; message?: string };
      if (event === 'task.progress' && progress.taskId === 'cancelled-import' && progress.message === 'Importing people') {
        off();
        void core.call('tasks.cancel', { taskId: 'cancelled-import' });
      }
    });
    const cancelled = await countsWhile(running);
    expect(cancelled.result).toMatchObject({ status: 'rejected', reason: { code: 'CANCELLED' } });
    expect(new Set(cancelled.counts)).toEqual(new Set([7060]));
    expect((await core.call('people.list', { limit: 1 })).total).toBe(7060);
  }, 60_000);
});
