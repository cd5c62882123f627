import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/serve';
import { openStore } from '../../src/server/store';
import { formatDate } from '../../src/shared/domain/dates';
import { harmony } from '../helpers/cli';
import { tempDir } from '../helpers/temp-core';

/** docs/sync.md#attachments: `harmony server sweep` on a server's data folder, through the running server and directly. */
const dir = tempDir('harmony-sweep-cli-');
afterAll(() => dir.remove());

const DAY = 86_400_000;
const hash = (c: string) => c.repeat(64);
const day = (ms: number) => formatDate(new Date(ms).toISOString().slice(0, 10));

describe('harmony server sweep', () => {
  it('says what it would remove, with sizes, and removes it when not a dry run', async () => {
    const store = await openStore({ dataDir: dir.path });
    const now = Date.now();
    const file = async (c: string, size: number, received: number, extra: { unnamed?: number; touched: number }) => {
      await store.query(
        `INSERT INTO attachments (feed, hash, size, received, complete, completed_at, touched_at, unnamed_since)
         VALUES ('vessel:v1', $1, $2::bigint, $3::bigint, $2::bigint = $3::bigint, CASE WHEN $2::bigint = $3::bigint THEN now() END, $4::timestamptz, $5::timestamptz)`,
        [hash(c), size, received, new Date(extra.touched).toISOString(), extra.unnamed === undefined ? null : new Date(extra.unnamed).toISOString()],
      );
      await store.query("INSERT INTO attachment_chunks (feed, hash, at, data) VALUES ('vessel:v1', $1, 0, decode(repeat('00', $2::int), 'hex'))", [hash(c), received]);
    };
    // Replaced 8 days ago; left halfway 9 days ago; replaced yesterday (kept for now).
    await file('a', 2_621_440, 2_621_440, { unnamed: now - 8 * DAY, touched: now - 30 * DAY });
    await file('b', 4096, 1536, { touched: now - 9 * DAY });
    await file('c', 512, 512, { unnamed: now - DAY, touched: now - 30 * DAY });
    await store.close();

    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir.path, logLevel: 'silent', housekeepingHours: 0 });
    let dry;
    try {
      dry = await harmony('server', 'sweep', '--dry-run', '--data', dir.path);
    } finally {
      await server.close();
    }
    expect(dry.code).toBe(0);
    expect(dry.out.trim().split('\n')).toEqual([
      `Would remove from vessel:v1 the file aaaaaaaaaaaa… (2.5 MB): no record has named it since ${day(now - 8 * DAY)}.`,
      `Would remove from vessel:v1 an unfinished upload of bbbbbbbbbbbb… (1.5 KB received): no part of it has arrived since ${day(now - 9 * DAY)}.`,
      'Would remove 2 files, freeing 2.5 MB; nothing was removed (dry run).',
      '1 file that no record names any more is kept until it has gone unnamed for 7 days.',
    ]);

    const swept = await harmony('server', 'sweep', '--data', dir.path);
    expect(swept.code).toBe(0);
    expect(swept.out).toContain(`Removed from vessel:v1 the file aaaaaaaaaaaa… (2.5 MB): no record has named it since ${day(now - 8 * DAY)}.`);
    expect(swept.out).toContain('Removed 2 files, freeing 2.5 MB.');
    const after = await openStore({ dataDir: dir.path });
    expect(await after.query('SELECT hash FROM attachments')).toEqual([{ hash: hash('c') }]);
    expect(await after.query('SELECT hash FROM attachment_chunks')).toEqual([{ hash: hash('c') }]);
    await after.close();

    expect((await harmony('server', 'sweep', '--data', dir.path)).out).toContain('Nothing to remove.');
  });

  it('refuses an interval that is not a number of hours', async () => {
    const result = await harmony('server', '--housekeeping-hours', 'daily', '--data', dir.path);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/--housekeeping-hours is a number of hours \(0 for never\), not "daily"/);
  });
});
