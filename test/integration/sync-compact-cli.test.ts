import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/store';
import { harmony } from '../helpers/cli';
import { tempDir } from '../helpers/temp-core';

/** docs/sync.md#snapshots-and-compaction: `harmony server compact` on a server's data folder. */
const dir = tempDir('harmony-compact-cli-');
afterAll(() => dir.remove());

const STAMP = (n: number) => `${String(1_700_000_000_000 + n).padStart(15, '0')}.000000.node`;

describe('harmony server compact', () => {
  it('removes the entries a later entry of the same field replaced, and says where the horizon is', async () => {
    const store = await openStore({ dataDir: dir.path });
    const feed = 'vessel:aaaa-1';
    // One row: its name written three times, its flag once.
    const entries: [number, string, string][] = [
      [1, 'name', 'Aurora'],
      [2, 'flag', 'MLT'],
      [3, 'name', 'Borealis'],
      [4, 'name', 'Calypso'],
    ];
    for (const [seq, col, value] of entries) {
      await store.query("INSERT INTO feed_entries (feed, seq, tx, device_id, tbl, row_id, col, value, hlc, base) VALUES ($1, $2, $3, 'd', 'vessels', 'v1', $4, to_jsonb($5::text), $3, NULL)", [feed, seq, STAMP(seq), col, value]);
    }
    await store.query('INSERT INTO feeds (feed, last_seq) VALUES ($1, 4)', [feed]);
    await store.close();

    const result = await harmony('server', 'compact', '--data', dir.path);
    expect(result.code).toBe(0);
    expect(result.out).toContain('vessel:aaaa-1: 2 replaced entries removed; laptops behind entry 3 resync from a snapshot.');
    const after = await openStore({ dataDir: dir.path });
    expect(await after.query('SELECT seq::int AS seq FROM feed_entries ORDER BY seq')).toEqual([{ seq: 2 }, { seq: 4 }]);
    expect(await after.query('SELECT horizon::int AS horizon FROM feeds')).toEqual([{ horizon: 3 }]);
    await after.close();
    // Again: nothing left to remove, the horizon stays.
    expect((await harmony('server', 'compact', '--data', dir.path)).out).toContain('vessel:aaaa-1: 0 replaced entries removed; laptops behind entry 3');
  });

  it('refuses a feed that is not vessel:ID, org:ID or fleet:ID', async () => {
    const result = await harmony('server', 'compact', '--feed', 'everything', '--data', dir.path);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/--feed is vessel:ID, org:ID or fleet:ID, not "everything"/);
  });
});
