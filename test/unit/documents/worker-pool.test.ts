import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../src/core/documents/worker-pool';

/** Fake workers: ids, with a log of what the pool did to them. */
function fakePool(size: number, recycleAfter: number) {
  const log: string[] = [];
  let next = 0;
  let starting = 0;
  let maxStarting = 0;
  const pool = new WorkerPool<number>({
    name: 'test',
    size,
    recycleAfter,
    create: async () => {
      starting += 1;
      maxStarting = Math.max(maxStarting, starting);
      await new Promise((r) => setTimeout(r, 5));
      starting -= 1;
      const id = ++next;
      log.push(`create ${id}`);
      return id;
    },
    destroy: async (id) => void log.push(`destroy ${id}`),
  });
  return { pool, log, maxStarting: () => maxStarting };
}

const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

describe('WorkerPool', () => {
  it('grows one worker at a time up to its size, and no further', async () => {
    const { pool, log, maxStarting } = fakePool(2, 100);
    const seen = await Promise.all(Array.from({ length: 6 }, () => pool.run(async (id) => (await tick(3), id))));
    expect(maxStarting()).toBe(1);
    expect(pool.stats.created).toBe(2);
    expect(new Set(seen)).toEqual(new Set([1, 2]));
    await pool.close();
    expect(log.filter((l) => l.startsWith('destroy')).sort()).toEqual(['destroy 1', 'destroy 2']);
  });

  it('recycles a worker after N jobs', async () => {
    const { pool, log } = fakePool(1, 2);
    const seen: number[] = [];
    for (let i = 0; i < 5; i += 1) seen.push(await pool.run(async (id) => id));
    expect(seen).toEqual([1, 1, 2, 2, 3]);
    expect(log).toContain('destroy 1');
    await pool.close();
  });

  it('starts a replacement only once the retired worker is destroyed', async () => {
    const log: string[] = [];
    let next = 0;
    const pool = new WorkerPool<number>({
      name: 'test',
      size: 1,
      recycleAfter: 1,
      create: async () => (log.push(`create ${++next}`), next),
      destroy: async (id) => {
        log.push(`destroying ${id}`);
        await tick(20);
        log.push(`destroyed ${id}`);
      },
    });
    await Promise.all([pool.run(async (id) => id), pool.run(async (id) => id)]);
    expect(log.slice(0, 4)).toEqual(['create 1', 'destroying 1', 'destroyed 1', 'create 2']);
    await pool.close();
  });

  it('drops a queued job at once when its caller cancels, and keeps serving others', async () => {
    const { pool } = fakePool(1, 100);
    const busy = pool.run(async () => tick(30));
    const controller = new AbortController();
    const queued = pool.run(async () => 'ran', controller.signal);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ code: 'CANCELLED' });
    await busy;
    expect(await pool.run(async () => 'next')).toBe('next');
    await pool.close();
  });

  it('stops a running job by retiring its worker', async () => {
    const { pool, log } = fakePool(1, 100);
    const controller = new AbortController();
    const running = pool.run(() => new Promise(() => undefined), controller.signal);
    await tick(20);
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(log).toContain('destroy 1');
    expect(await pool.run(async (id) => id)).toBe(2);
    await pool.close();
  });

  it('fails waiting jobs clearly when no worker can start', async () => {
    const pool = new WorkerPool<number>({ name: 'broken', size: 1, recycleAfter: 10, create: async () => Promise.reject(new Error('no wasm')), destroy: async () => undefined });
    await expect(pool.run(async () => 1)).rejects.toThrow(/broken OCR engine did not start: no wasm/);
    await pool.close();
  });
});
