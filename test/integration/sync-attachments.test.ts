import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSealedFile } from '../../src/core/crypt/sealed-format';
import { httpAttachmentTransport, type AttachmentTransport } from '../../src/core/sync/attachment-transport';
import { syncAttachments } from '../../src/core/sync/attachments';
import { syncOnce } from '../../src/core/sync/run';
import { httpTransport, SyncFailure } from '../../src/core/sync/transport';
import { sweepFiles } from '../../src/server/file-sweep';
import { ATTACHMENT_CHUNK_BYTES } from '../../src/shared/sync/attachments';
import { documentImage } from '../helpers/document-images';
import { personInput } from '../helpers/fleet';
import { testServer, type TestServer } from '../helpers/sync-server';
import { tempCore, type TempCore } from '../helpers/temp-core';

/**
 * Scans travel as attachments (docs/sync.md#attachments): two laptops of one vessel over HTTP. A scan read on one
 * arrives on the other byte for byte and sealed at rest; until it has arrived the document says so in words; an
 * upload cut halfway resumes from the server's offset.
 */
let server: TestServer;
const a = tempCore();
const b = tempCore();
const VESSEL = 'vessel-aurora';

beforeAll(async () => {
  server = await testServer();
  await a.call('sync.enrol', { serverUrl: server.url, code: await server.code(VESSEL), name: 'Laptop A' });
  await b.call('sync.enrol', { serverUrl: server.url, code: await server.code(VESSEL), name: 'Laptop B' });
  // The tests sync by hand, in steps: the first automatic sync (5 s after enrolling) would send a scan early.
  for (const laptop of [a, b]) await laptop.call('sync.setInterval', { minutes: 1440 });
}, 60_000);
afterAll(async () => {
  await a.dispose();
  await b.dispose();
  await server.close();
});

const node = (core: TempCore) => core.state.requireDatabase().sqlite.prepare('SELECT token, server_id AS serverId FROM sync_node WHERE id = 1').get() as { token: string; serverId: string };
/** Sends and fetches the rows only, as a sync cut off before its files would. */
const syncRowsOnly = (core: TempCore) => syncOnce(() => core.state.requireDatabase().sqlite, httpTransport(server.url, node(core).token));

describe('attachments between two laptops', () => {
  it('brings a scan read on laptop A to laptop B, identical once opened and sealed on its disk; until then B says it is not downloaded', async () => {
    const person = await a.call('people.create', personInput({ surname: 'Scanned', email: 'scanned@example.org' }));
    const scan = await documentImage('stcw-pst-valid');
    const { document } = await a.call('documents.upload', { personId: person.id, fileName: 'pst.png', contentBase64: scan.toString('base64') });
    expect((await a.call('sync.status', {})).attachments).toEqual({ toUpload: 1, toDownload: 0, problem: null });

    await syncRowsOnly(a);
    const early = await b.call('sync.now', {});
    expect(early).toMatchObject({ lastError: null, attachments: { toUpload: 0, toDownload: 1, problem: null } });
    expect((await b.call('documents.get', { id: document.id })).document.fileName).toBe('pst.png');
    expect(await b.call('documents.preview', { id: document.id })).toEqual({ dataUrl: null, message: expect.stringMatching(/^Scan not yet downloaded/) });
    expect(await b.dispatch('documents.reverify', { id: document.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Scan not yet downloaded/) } });

    expect((await a.call('sync.now', {})).attachments).toEqual({ toUpload: 0, toDownload: 0, problem: null });
    expect((await b.call('sync.now', {})).attachments).toEqual({ toUpload: 0, toDownload: 0, problem: null });
    expect(b.state.files.get(document.fileHash).equals(scan)).toBe(true);
    const onDisk = b.state.files.pathOf(document.fileHash);
    expect(isSealedFile(onDisk)).toBe(true);
    expect(readFileSync(onDisk).includes(scan.subarray(100, 160))).toBe(false);
    expect((await b.call('documents.preview', { id: document.id })).dataUrl).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('brings a photo too', async () => {
    const person = await a.call('people.create', personInput({ surname: 'Pictured', email: 'pictured@example.org' }));
    const { default: sharp } = await import('sharp');
    const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#336699' } }).png().toBuffer();
    await a.call('people.setPhoto', { id: person.id, contentBase64: png.toString('base64') });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    expect((await b.call('people.photo', { id: person.id })).dataUrl).toBe((await a.call('people.photo', { id: person.id })).dataUrl);
  });

  it('sends again a photo put back after the server swept it, which another laptop then gets', async () => {
    const person = await a.call('people.create', personInput({ surname: 'Put Back', email: 'put-back@example.org' }));
    const { default: sharp } = await import('sharp');
    const png = (background: string) => sharp({ create: { width: 200, height: 260, channels: 3, background } }).png().toBuffer();
    const first = await png('#aa3311');
    await a.call('people.setPhoto', { id: person.id, contentBase64: first.toString('base64') });
    await a.call('sync.now', {});
    const firstHash = (await a.call('people.get', { id: person.id })).person.photoHash!;
    await a.call('people.setPhoto', { id: person.id, contentBase64: (await png('#1133aa')).toString('base64') });
    await a.call('sync.now', {});
    // No row names the first photo any more: the server's sweeps mark it, then remove it after the grace period.
    await sweepFiles(server.store);
    await sweepFiles(server.store, { now: Date.now() + 8 * 86_400_000 });
    expect(await server.store.query('SELECT hash FROM attachments WHERE hash = $1', [firstHash])).toEqual([]);

    await a.call('people.setPhoto', { id: person.id, contentBase64: first.toString('base64') });
    expect((await a.call('people.get', { id: person.id })).person.photoHash).toBe(firstHash);
    expect((await a.call('sync.now', {})).attachments).toEqual({ toUpload: 0, toDownload: 0, problem: null });
    expect((await b.call('sync.now', {})).attachments).toEqual({ toUpload: 0, toDownload: 0, problem: null });
    expect((await b.call('people.photo', { id: person.id })).dataUrl).toBe((await a.call('people.photo', { id: person.id })).dataUrl);
  });

  it('resumes an upload cut halfway from the offset the server holds, and the other laptop gets the whole file', async () => {
    const person = await a.call('people.create', personInput({ surname: 'Large', email: 'large@example.org' }));
    const bytes = randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 12_345);
    const { document } = await a.call('documents.upload', { personId: person.id, fileName: 'large-scan.pdf', contentBase64: bytes.toString('base64') });
    await syncRowsOnly(a);

    const { token, serverId } = node(a);
    const offsets: number[] = [];
    let cut = true;
    const http = httpAttachmentTransport(server.url, token);
    const recording: AttachmentTransport = {
      ...http,
      async upload(hash, offset, size, chunk) {
        offsets.push(offset);
        const answer = await http.upload(hash, offset, size, chunk);
        // The connection drops after the server took the first chunk, before the device heard back.
        if (cut) {
          cut = false;
          throw new SyncFailure('UNREACHABLE', 'cut');
        }
        return answer;
      },
    };
    const run = () => syncAttachments({ sqlite: () => a.state.requireDatabase().sqlite, files: () => a.state.files, serverId, transport: recording });
    const first = await run();
    expect(first).toMatchObject({ uploaded: 0, problem: expect.stringMatching(/cut/) });
    expect(offsets).toEqual([0]);
    expect((await a.call('sync.status', {})).attachments.toUpload).toBe(1);
    expect((await server.store.query<{ received: number }>('SELECT received::int AS received FROM attachments WHERE hash = $1', [document.fileHash]))[0]!.received).toBe(ATTACHMENT_CHUNK_BYTES);

    const second = await run();
    expect(second).toMatchObject({ uploaded: 1, problem: null });
    expect(offsets).toEqual([0, ATTACHMENT_CHUNK_BYTES, 2 * ATTACHMENT_CHUNK_BYTES]);
    expect((await a.call('sync.status', {})).attachments.toUpload).toBe(0);

    await b.call('sync.now', {});
    expect(b.state.files.get(document.fileHash).equals(bytes)).toBe(true);
  });

  it('resumes a download cut halfway from the chunks already here, which are sealed on the disk meanwhile', async () => {
    const person = await a.call('people.create', personInput({ surname: 'Fetched', email: 'fetched@example.org' }));
    const bytes = randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 777);
    const { document } = await a.call('documents.upload', { personId: person.id, fileName: 'fetched-scan.pdf', contentBase64: bytes.toString('base64') });
    await a.call('sync.now', {});
    await syncRowsOnly(b);

    const { token, serverId } = node(b);
    const offsets: number[] = [];
    let cut = true;
    const http = httpAttachmentTransport(server.url, token);
    const recording: AttachmentTransport = {
      ...http,
      async download(hash, offset) {
        offsets.push(offset);
        // The link drops after the first chunk has arrived.
        if (offset > 0 && cut) {
          cut = false;
          throw new SyncFailure('UNREACHABLE', 'cut');
        }
        return http.download(hash, offset);
      },
    };
    const run = () => syncAttachments({ sqlite: () => b.state.requireDatabase().sqlite, files: () => b.state.files, serverId, transport: recording });
    expect(await run()).toMatchObject({ downloaded: 0, problem: expect.stringMatching(/cut/) });
    expect(offsets).toEqual([0, ATTACHMENT_CHUNK_BYTES]);
    const part = join(b.dataDir, 'sync-incoming', document.fileHash, '0');
    expect(isSealedFile(part)).toBe(true);
    expect(readFileSync(part).includes(bytes.subarray(1000, 1064))).toBe(false);
    expect(b.state.files.has(document.fileHash)).toBe(false);
    expect((await b.call('sync.status', {})).attachments.toDownload).toBe(1);

    expect(await run()).toMatchObject({ downloaded: 1, problem: null });
    expect(offsets).toEqual([0, ATTACHMENT_CHUNK_BYTES, ATTACHMENT_CHUNK_BYTES, 2 * ATTACHMENT_CHUNK_BYTES]);
    expect(b.state.files.get(document.fileHash).equals(bytes)).toBe(true);
    expect(existsSync(join(b.dataDir, 'sync-incoming', document.fileHash))).toBe(false);
  });

  it('shows the files waiting in Settings words and keeps the rows synced when a file cannot travel', async () => {
    const person = await a.call('people.create', personInput({ surname: 'Missing', email: 'missing@example.org' }));
    const bytes = randomBytes(5000);
    const { document } = await a.call('documents.upload', { personId: person.id, fileName: 'lost.pdf', contentBase64: bytes.toString('base64') });
    // The file went missing from A's data folder before it was sent: A's rows still travel, the file waits.
    const { rmSync } = await import('node:fs');
    rmSync(a.state.files.pathOf(document.fileHash));
    const status = await a.call('sync.now', {});
    expect(status).toMatchObject({ lastError: null, pending: 0, attachments: { toUpload: 0, toDownload: 1 } });
    await b.call('sync.now', {});
    expect((await b.call('documents.get', { id: document.id })).document.fileName).toBe('lost.pdf');
    expect((await b.call('sync.status', {})).attachments.toDownload).toBe(1);
    // Uploading the same file again on B gives the row its scan, which then travels back to A.
    await b.call('documents.upload', { personId: person.id, fileName: 'lost.pdf', contentBase64: bytes.toString('base64') });
    expect((await b.call('sync.now', {})).attachments).toEqual({ toUpload: 0, toDownload: 0, problem: null });
    expect((await a.call('sync.now', {})).attachments).toEqual({ toUpload: 0, toDownload: 0, problem: null });
    expect(a.state.files.get(document.fileHash).equals(bytes)).toBe(true);
  });
});
