import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode, enrol, revokeDevice } from '../../src/server/admin';
import { formatHlc } from '../../src/shared/sync/hlc';
import { ATTACHMENT_CHUNK_BYTES } from '../../src/shared/sync/attachments';
import type { Change } from '../../src/shared/sync/protocol';
import { SYNC_SCHEMA_VERSION } from '../../src/shared/sync/tables';
import { postgresMissing, startPostgres, type TempPostgres } from '../helpers/postgres';
import { testServer, type TestServer } from '../helpers/sync-server';

/**
 * What the server refuses about attachments (docs/sync.md#attachments): a file no row of the device's tenants
 * names, bytes that do not have their hash (nothing of them is kept), an upload at the wrong offset, a chunk too
 * large, a revoked device. Devices here speak raw HTTP, as a hostile one would. On PGlite, and on a throwaway
 * PostgreSQL cluster when its binaries are installed.
 */
type Device = { token: string; deviceId: string };
const V1 = 'vessel-one';
const V2 = 'vessel-two';
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const auth = (device: Device) => ({ authorization: `Bearer ${device.token}` });

describe.each([
  { kind: 'PGlite', postgres: false },
  { kind: 'PostgreSQL', postgres: true },
])('attachments on the server ($kind)', ({ postgres }) => {
  let server: TestServer;
  let cluster: TempPostgres | undefined;
  let one: Device;
  let oneAgain: Device;
  let two: Device;
  let office: Device;

  beforeAll(async () => {
    if (postgres && postgresMissing() !== null) return;
    if (postgres) cluster = await startPostgres();
    server = await testServer(cluster ? { databaseUrl: cluster.url } : {});
    const device = async (vessel?: string) => enrol(server.store, (await createEnrolmentCode(server.store, server.org.id, vessel)).code, vessel ?? 'office');
    one = await device(V1);
    oneAgain = await device(V1);
    two = await device(V2);
    office = await device();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    cluster?.stop();
  });

  const nextSeq = new Map<string, number>();

  /** Pushes a documents row naming `hash`, as the device that read the scan does before sending it. */
  async function nameFile(device: Device, hash: string): Promise<string> {
    const seq = nextSeq.get(device.token) ?? 1;
    nextSeq.set(device.token, seq + 1);
    const tx = formatHlc({ wallMs: Date.now(), counter: 0, node: device.deviceId.slice(0, 8) });
    const rowId = crypto.randomUUID();
    const change: Change = { seq, tx, hlc: tx, base: null, table: 'documents', rowId, column: 'file_hash', value: hash };
    const answer = await server.app.inject({ method: 'POST', url: '/v1/push', headers: { ...auth(device), 'content-type': 'application/json' }, payload: { schemaVersion: SYNC_SCHEMA_VERSION, changes: [change] } });
    expect(answer.statusCode).toBe(200);
    return rowId;
  }

  const status = (device: Device, hashes: string[]) =>
    server.app.inject({ method: 'POST', url: '/v1/attachments/status', headers: { ...auth(device), 'content-type': 'application/json' }, payload: { hashes } });
  const put = (device: Device, hash: string, offset: number, size: number, chunk: Buffer) =>
    server.app.inject({ method: 'PUT', url: `/v1/attachments/${hash}?offset=${offset}&size=${size}`, headers: { ...auth(device), 'content-type': 'application/octet-stream' }, payload: chunk });
  const get = (device: Device, hash: string, offset = 0) => server.app.inject({ method: 'GET', url: `/v1/attachments/${hash}?offset=${offset}`, headers: auth(device) });

  /** Sends a whole file in chunks. */
  async function upload(device: Device, bytes: Buffer): Promise<void> {
    for (let at = 0; at < bytes.length; at += ATTACHMENT_CHUNK_BYTES) {
      const answer = await put(device, sha(bytes), at, bytes.length, bytes.subarray(at, at + ATTACHMENT_CHUNK_BYTES));
      expect(answer.statusCode).toBe(200);
    }
  }

  const kept = async (hash: string) => ({
    files: (await server.store.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE hash = $1', [hash]))[0]!.n,
    chunks: (await server.store.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_chunks WHERE hash = $1', [hash]))[0]!.n,
  });

  describe.skipIf(postgres && postgresMissing() !== null)('refusals', () => {
    it('takes a file in chunks only after a row names it, and serves it back from any offset', async () => {
      const bytes = randomBytes(ATTACHMENT_CHUNK_BYTES + 500);
      const hash = sha(bytes);
      expect((await put(one, hash, 0, bytes.length, bytes.subarray(0, 10))).json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      await nameFile(one, hash);
      expect((await status(one, [hash])).json()).toEqual({ attachments: [{ hash, referenced: true, complete: false, received: 0, size: null }] });
      expect((await get(one, hash)).json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/has not reached the server yet/) } });
      await upload(one, bytes);
      expect((await status(oneAgain, [hash])).json()).toEqual({ attachments: [{ hash, referenced: true, complete: true, received: bytes.length, size: bytes.length }] });
      const first = await get(oneAgain, hash);
      expect(first.headers['x-attachment-size']).toBe(String(bytes.length));
      expect(first.rawPayload.equals(bytes.subarray(0, ATTACHMENT_CHUNK_BYTES))).toBe(true);
      // From inside a stored chunk: the rest of that chunk (the device asks again from where it ends).
      expect((await get(oneAgain, hash, 1000)).rawPayload.equals(bytes.subarray(1000, ATTACHMENT_CHUNK_BYTES))).toBe(true);
      expect((await get(oneAgain, hash, ATTACHMENT_CHUNK_BYTES + 100)).rawPayload.equals(bytes.subarray(ATTACHMENT_CHUNK_BYTES + 100))).toBe(true);
      // Sent again (an answer lost): taken as done, nothing stored twice.
      expect((await put(one, hash, 0, bytes.length, bytes.subarray(0, 10))).json()).toEqual({ received: bytes.length, complete: true });
      expect(await kept(hash)).toEqual({ files: 1, chunks: 2 });
    });

    it('refuses bytes that do not have their hash and keeps nothing of them', async () => {
      const bytes = randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 10);
      const hash = sha(bytes);
      await nameFile(one, hash);
      const corrupted = Buffer.from(bytes);
      corrupted[ATTACHMENT_CHUNK_BYTES + 7]! ^= 0x01;
      expect((await put(one, hash, 0, bytes.length, corrupted.subarray(0, ATTACHMENT_CHUNK_BYTES))).statusCode).toBe(200);
      expect((await put(one, hash, ATTACHMENT_CHUNK_BYTES, bytes.length, corrupted.subarray(ATTACHMENT_CHUNK_BYTES, 2 * ATTACHMENT_CHUNK_BYTES))).json()).toEqual({ received: 2 * ATTACHMENT_CHUNK_BYTES, complete: false });
      const last = await put(one, hash, 2 * ATTACHMENT_CHUNK_BYTES, bytes.length, corrupted.subarray(2 * ATTACHMENT_CHUNK_BYTES));
      expect(last.statusCode).toBe(422);
      expect(last.json()).toMatchObject({ error: { code: 'HASH_MISMATCH', message: expect.stringMatching(/were discarded/), expected: 0 } });
      expect(await kept(hash)).toEqual({ files: 0, chunks: 0 });
      expect((await status(one, [hash])).json().attachments[0]).toMatchObject({ complete: false, received: 0 });
      expect((await get(oneAgain, hash)).statusCode).toBe(404);
      // The right bytes are then taken.
      await upload(one, bytes);
      expect((await status(one, [hash])).json().attachments[0]).toMatchObject({ complete: true, size: bytes.length });
    });

    it('answers an upload at the wrong offset with the offset it holds, and refuses malformed requests in words', async () => {
      const bytes = randomBytes(ATTACHMENT_CHUNK_BYTES + 1);
      const hash = sha(bytes);
      await nameFile(one, hash);
      expect((await put(one, hash, 0, bytes.length, bytes.subarray(0, 1000))).json()).toEqual({ received: 1000, complete: false });
      const skipped = await put(one, hash, 5000, bytes.length, bytes.subarray(5000, 6000));
      expect(skipped.statusCode).toBe(409);
      expect(skipped.json()).toMatchObject({ error: { code: 'OFFSET_MISMATCH', expected: 1000 } });
      const tooLarge = await put(one, hash, 1000, bytes.length + ATTACHMENT_CHUNK_BYTES, randomBytes(ATTACHMENT_CHUNK_BYTES + 1));
      expect(tooLarge.json()).toMatchObject({ error: { code: 'TOO_LARGE' } });
      expect((await put(one, hash, 1000, 1500, bytes.subarray(1000, 2000))).json()).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringMatching(/runs past the end/) } });
      expect((await put(one, 'not-a-hash', 0, 10, Buffer.alloc(10))).json()).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringMatching(/64 lowercase hex/) } });
      expect((await put(one, hash, -1, 10, Buffer.alloc(10))).statusCode).toBe(400);
      expect((await server.app.inject({ method: 'PUT', url: `/v1/attachments/${hash}?offset=1000&size=${bytes.length}`, headers: { ...auth(one), 'content-type': 'application/json' }, payload: '{}' })).statusCode).toBe(400);
      expect((await status(one, [])).statusCode).toBe(400);
      // Nothing of the refused requests was kept: the upload goes on where it was.
      expect((await status(one, [hash])).json().attachments[0]).toMatchObject({ received: 1000 });
    });

    it("refuses another vessel's files, even to a device that names the same hash in a row of its own", async () => {
      const bytes = randomBytes(4000);
      const hash = sha(bytes);
      await nameFile(one, hash);
      await upload(one, bytes);

      expect((await status(two, [hash])).json()).toEqual({ attachments: [{ hash, referenced: false, complete: false, received: 0, size: null }] });
      const read = await get(two, hash);
      expect(read.statusCode).toBe(403);
      expect(read.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringMatching(/names the file/) } });
      // The same words for a hash no one holds: the answer does not tell whether another tenant has the file.
      const unknown = sha(randomBytes(10));
      expect((await get(two, unknown)).json().error.message).toBe(read.json().error.message.replace(hash.slice(0, 12), unknown.slice(0, 12)));
      expect((await put(two, hash, 0, bytes.length, bytes)).json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

      // Knowing the hash is not holding the file: vessel two's own row naming it does not open vessel one's copy.
      await nameFile(two, hash);
      expect((await status(two, [hash])).json().attachments[0]).toMatchObject({ referenced: true, complete: false });
      expect((await get(two, hash)).statusCode).toBe(404);
      // The office reads both vessels: it gets the file, and vessel two gets it once it is sent for its row.
      expect((await status(office, [hash])).json().attachments[0]).toMatchObject({ referenced: true, complete: true });
      expect((await get(two, hash)).rawPayload.equals(bytes)).toBe(true);
    });

    it('refuses a revoked device', async () => {
      const revoked = await enrol(server.store, (await createEnrolmentCode(server.store, server.org.id, V1)).code, 'lost laptop');
      const bytes = randomBytes(100);
      await nameFile(one, sha(bytes));
      await upload(one, bytes);
      await revokeDevice(server.store, revoked.deviceId);
      for (const answer of [await status(revoked, [sha(bytes)]), await get(revoked, sha(bytes)), await put(revoked, sha(bytes), 0, 100, bytes)]) {
        expect(answer.statusCode).toBe(403);
        expect(answer.json()).toMatchObject({ error: { code: 'DEVICE_REVOKED' } });
      }
      expect((await get({ token: 'hc1.nope.x', deviceId: '' }, sha(bytes))).json()).toMatchObject({ error: { code: 'WRONG_SERVER' } });
    });
  });
});
