import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, enrol, revokeDevice } from '../../src/server/admin';
import { pull } from '../../src/server/exchange';
import { formatHlc } from '../../src/shared/sync/hlc';
import { MAX_BODY_BYTES, type Change } from '../../src/shared/sync/protocol';
import { SYNC_SCHEMA_VERSION } from '../../src/shared/sync/tables';
import { testServer, type TestServer } from '../helpers/sync-server';

/**
 * docs/sync.md#bad-input: every malformed, oversized, unknown, future, replayed, foreign or revoked request is
 * refused with its code, nothing of it is applied, and the server goes on answering.
 */
let server: TestServer;
let vesselOne: { token: string; deviceId: string };
let vesselTwo: { token: string; deviceId: string };
const V1 = 'vessel-one';
const V2 = 'vessel-two';

beforeAll(async () => {
  server = await testServer();
  vesselOne = await enrol(server.store, (await createEnrolmentCode(server.store, server.org.id, V1)).code, 'one');
  vesselTwo = await enrol(server.store, (await createEnrolmentCode(server.store, server.org.id, V2)).code, 'two');
}, 60_000);
afterAll(() => server.close());

const stamp = (offsetMs = 0, counter = 0) => formatHlc({ wallMs: Date.now() + offsetMs, counter, node: 'n1' });
const nextSeq = new Map<string, number>();
function changes(token: string, rows: Partial<Change>[]): Change[] {
  const start = nextSeq.get(token) ?? 1;
  nextSeq.set(token, start + rows.length);
  const tx = stamp();
  return rows.map((r, i) => ({ seq: start + i, tx, hlc: tx, base: null, table: 'vessels', rowId: 'v-1', column: 'name', value: 'Aurora', ...r }));
}
const post = (path: string, token: string | null, payload: unknown) =>
  server.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload: payload as never });
const push = (token: string, list: Change[], extra: object = {}) => post('/v1/push', token, { schemaVersion: SYNC_SCHEMA_VERSION, changes: list, ...extra });
const read = (path: '/v1/pull' | '/v1/snapshot', token: string | null, body: object) => post(path, token, { schemaVersion: SYNC_SCHEMA_VERSION, ...body });
const entries = async () => (await server.store.query<{ n: number }>('SELECT count(*)::int AS n FROM feed_entries'))[0]!.n;

describe('what the server refuses', () => {
  it('answers /health', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ ok: true, store: 'pglite' });
  });

  it('takes a batch once: a replay is acknowledged and not applied again', async () => {
    const batch = changes(vesselOne.token, [{ rowId: 'v-1', column: 'name', value: 'Aurora' }, { rowId: 'v-1', column: 'flag', value: 'MLT' }]);
    expect((await push(vesselOne.token, batch)).json()).toMatchObject({ acknowledged: 2 });
    const before = await entries();
    expect((await push(vesselOne.token, batch)).json()).toMatchObject({ acknowledged: 2 });
    expect(await entries()).toBe(before);
  });

  it.each([
    ['malformed JSON', () => post('/v1/push', vesselOne.token, '{"schemaVersion": 1, "changes": ['), 400, 'VALIDATION'],
    ['a batch of the wrong shape', () => post('/v1/push', vesselOne.token, { schemaVersion: 'eight', changes: 'all' }), 400, 'VALIDATION'],
    ['an oversized body', () => post('/v1/push', vesselOne.token, { pad: 'x'.repeat(MAX_BODY_BYTES + 10) }), 413, 'TOO_LARGE'],
    ['an unknown table', () => push(vesselOne.token, changes('x', [{ table: 'passwords' }]).map((c) => ({ ...c, seq: 3 }))), 422, 'UNKNOWN_TABLE'],
    ['an unknown column', () => push(vesselOne.token, changes('x', [{ column: 'secret' }]).map((c) => ({ ...c, seq: 3 }))), 422, 'UNKNOWN_COLUMN'],
    ['a schema version from the future', () => push(vesselOne.token, changes('x', [{}]).map((c) => ({ ...c, seq: 3 })), { schemaVersion: SYNC_SCHEMA_VERSION + 1 }), 422, 'SCHEMA_TOO_NEW'],
    ['a gap in the device sequence', () => push(vesselOne.token, changes('x', [{}]).map((c) => ({ ...c, seq: 9 }))), 409, 'SEQUENCE_GAP'],
    ['changes stamped a day ahead', () => push(vesselOne.token, [{ seq: 3, tx: stamp(86_400_000), hlc: stamp(86_400_000), base: null, table: 'vessels', rowId: 'v-9', column: 'name', value: 'x' }]), 409, 'CLOCK_AHEAD'],
    ['no token', () => read('/v1/pull', null, { cursors: {} }), 401, 'UNAUTHORIZED'],
    ['a token of another server', () => read('/v1/pull', 'hc1.0123456789abcdef.secret', { cursors: {} }), 401, 'WRONG_SERVER'],
    ['a forged tenant in a pull', () => read('/v1/pull', vesselOne.token, { cursors: { [`vessel:${V2}`]: 0 } }), 403, 'FORBIDDEN'],
    ['a pull by an app older than the server’s data', () => read('/v1/pull', vesselOne.token, { cursors: {}, schemaVersion: SYNC_SCHEMA_VERSION - 1 }), 422, 'SCHEMA_TOO_OLD'],
    ['a pull by an app too old to say its schema', () => post('/v1/pull', vesselOne.token, { cursors: {} }), 422, 'SCHEMA_TOO_OLD'],
    ['a snapshot for an app older than the server’s data', () => read('/v1/snapshot', vesselOne.token, { feed: `vessel:${V1}`, asOf: null, after: null, schemaVersion: 1 }), 422, 'SCHEMA_TOO_OLD'],
    ['a forged tenant in a push', () => push(vesselOne.token, changes('x', [{ rowId: 'v-new' }]).map((c) => ({ ...c, seq: 3 })), { feed: `vessel:${V2}` }), 403, 'FORBIDDEN'],
    ['a change to another tenant’s row', () => push(vesselTwo.token, changes('y', [{ rowId: 'v-1', value: 'Hijacked' }])), 403, 'FORBIDDEN'],
  ])('refuses %s with its code, and applies nothing', async (_what, request, status, code) => {
    const before = await entries();
    const answer = await request();
    expect(answer.statusCode).toBe(status);
    expect(answer.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(await entries()).toBe(before);
    expect((await server.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('gives each vessel its own rows only', async () => {
    await push(vesselTwo.token, [{ seq: 1, tx: stamp(), hlc: stamp(), base: null, table: 'vessels', rowId: 'v-2', column: 'name', value: 'Borealis' }]);
    type Pull = { feeds: { feed: string; entries: { rowId: string }[] }[]; snapshot: string[] };
    const one = (await read('/v1/pull', vesselOne.token, { cursors: {} })).json() as Pull;
    const two = (await read('/v1/pull', vesselTwo.token, { cursors: {} })).json() as Pull;
    // A first pull of a feed that holds anything is sent to a snapshot (docs/sync.md#snapshots-and-compaction).
    expect(one.snapshot).toEqual([`vessel:${V1}`]);
    expect(two.snapshot).toEqual([`vessel:${V2}`]);
    // Besides its vessel's feed, each reads its organisation's fleet feed, empty here.
    for (const answer of [one, two]) expect(answer.feeds.map((f) => [f.feed.split(':')[0], f.entries.length])).toEqual([['fleet', 0]]);
    type Snapshot = { groups: { rows: [string][] }[] };
    const rowsOf = async (token: string, feed: string) =>
      ((await read('/v1/snapshot', token, { feed, asOf: null, after: null })).json() as Snapshot).groups.flatMap((g) => g.rows.map((r) => r[0]));
    // Each gets its own rows back (a device restored from a backup needs them), never the other vessel's.
    expect(await rowsOf(vesselOne.token, `vessel:${V1}`)).toEqual(['v-1']);
    expect(await rowsOf(vesselTwo.token, `vessel:${V2}`)).toEqual(['v-2']);
    expect((await read('/v1/snapshot', vesselOne.token, { feed: `vessel:${V2}`, asOf: null, after: null })).json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    // Past the snapshot, the pull reads the feed from its cursor on.
    const later = (await read('/v1/pull', vesselOne.token, { cursors: { [`vessel:${V1}`]: 1 } })).json() as Pull;
    expect(later).toMatchObject({ snapshot: [] });
    expect(new Set(later.feeds[0]!.entries.map((e) => e.rowId))).toEqual(new Set(['v-1']));
  });

  it('shuts a revoked device out', async () => {
    await revokeDevice(server.store, vesselTwo.deviceId);
    const answer = await read('/v1/pull', vesselTwo.token, { cursors: {} });
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ error: { code: 'DEVICE_REVOKED' } });
  });

});

describe('pages of a feed', () => {
  it('end at a transaction’s end, or at a row’s end inside a transaction longer than a page', async () => {
    const org = 'pages-org';
    await server.store.query("INSERT INTO orgs (id, name) VALUES ($1, $1)", [org]);
    let seq = 0;
    // Transactions: a (one row of 14), b (2 fields), c (one row of 14), d (three rows of 14).
    for (const [tx, count, rows] of [['a', 14, 1], ['b', 2, 1], ['c', 14, 1], ['d', 42, 3]] as const) {
      for (let i = 0; i < count; i += 1) {
        seq += 1;
        await server.store.query(
          "INSERT INTO feed_entries (feed, seq, tx, device_id, tbl, row_id, col, value, hlc) VALUES ($1, $2, $3, 'elsewhere', 'vessels', $4, $5, '1'::jsonb, '000000000000001.000000.n')",
          [`org:${org}`, seq, tx, `${tx}${Math.floor(i / (count / rows))}`, `c${i}`],
        );
      }
    }
    const device = { id: 'reader', name: 'reader', org_id: org, vessel_id: null, last_seq: 0, revoked_at: null };
    const pages: string[][] = [];
    let cursor = 0;
    for (;;) {
      const [page] = (await pull(server.store, device, { [`org:${org}`]: cursor }, 7)).feeds;
      pages.push([...new Set(page!.entries.map((e) => e.rowId))]);
      cursor = page!.cursor;
      if (!page!.more) break;
    }
    expect(pages).toEqual([['a0'], ['b0', 'c0'], ['d0'], ['d1'], ['d2']]);
    expect(cursor).toBe(72);
  });
});
