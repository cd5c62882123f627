import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/core';
import { bindIpcTransport } from '../../src/core/transports/ipc';
import { fakeIpcPair } from '../helpers/fake-ipc';
import { OWNER, ownerCore, tempCore, tempDir } from '../helpers/temp-core';
import { bothTransports } from '../helpers/transports';

const core = tempCore();
let transports: Awaited<ReturnType<typeof bothTransports>>;

beforeAll(async () => {
  transports = await bothTransports(core);
});
afterAll(async () => {
  await transports.close();
  await core.dispose();
});

describe.each(['http', 'ipc'] as const)('the API over %s', (transport) => {
  it('answers a procedure with its data', async () => {
    const result = await transports.bridges[transport].invoke('system.info', {});
    expect(result).toMatchObject({ ok: true, data: { dataDir: core.dataDir, migrationsApplied: expect.any(Number) } });
  });

  it('rejects invalid input with VALIDATION naming the field', async () => {
    const result = await transports.bridges[transport].invoke('backups.restore', { id: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toContain('id');
    expect(result.error.details).toEqual({ issues: [{ path: 'id', message: expect.stringContaining('string') }] });
  });

  it('says so for a method that does not exist', async () => {
    const result = await transports.bridges[transport].invoke('vessels.explode', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('reports a missing backup as NOT_FOUND, not as a crash', async () => {
    const result = await transports.bridges[transport].invoke('backups.restore', { id: 'harmony-20260101-120000-000-manual.db' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('HTTP transport guards', () => {
  it('refuses a body that is not declared as JSON (a cross-site form post)', async () => {
    const response = await fetch(new URL('api/system.info', transports.http.url), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(response.status).toBe(415);
  });

  it('refuses requests from another origin', async () => {
    const response = await fetch(new URL('api/system.info', transports.http.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('answers malformed JSON with a VALIDATION envelope', async () => {
    const response = await fetch(new URL('api/system.info', transports.http.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('streams core events as server-sent events', async () => {
    const controller = new AbortController();
    // The stream belongs to a session (docs/security.md#sessions-on-each-transport).
    const response = await fetch(new URL('api/events', transports.http.url), { signal: controller.signal, headers: { authorization: `Bearer ${await core.ownerToken()}` } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    core.events.emit('data.changed', { scopes: ['people.'] });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('event: data.changed\ndata: {"scopes":["people."]}\n\n');
    controller.abort();
  });
});

describe('IPC transport guards', () => {
  it('refuses a subframe or a foreign sender', async () => {
    const foreign = fakeIpcPair({ url: 'https://evil.example', parent: {} });
    const unbind = bindIpcTransport({ ipcMain: foreign.ipcMain, dispatch: core.dispatch, events: core.events, isTrustedSender: (e) => e.senderFrame?.parent === null, broadcast: foreign.broadcast });
    expect(await foreign.bridge.invoke('system.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    unbind();
  });

  it('delivers core events to the renderer side', () => {
    const received: unknown[] = [];
    const off = transports.ipc.bridge.on('data.changed', (payload) => received.push(payload));
    core.events.emit('data.changed', { scopes: ['vessels.'] });
    off();
    core.events.emit('data.changed', { scopes: ['ignored.'] });
    expect(received).toEqual([{ scopes: ['vessels.'] }]);
  });
});

describe('a damaged database', () => {
  it('starts the core in recovery mode, offers the backups and restores one', async () => {
    const dir = tempDir();
    const healthy = ownerCore(dir.path);
    const backup = await healthy.call('backups.create', {});
    await healthy.close();
    writeFileSync(join(dir.path, 'harmony.db'), 'this is not a database, just text long enough to be read as a header'.repeat(100));

    const damaged = createCore({ dataDir: dir.path });
    const health = await damaged.call('system.health', {});
    expect(health.database).toBe('corrupt');
    expect(health.message).toMatch(/damaged/i);
    expect(health.backups.map((b) => b.id)).toContain(backup.id);
    // No account can be checked: what needs one says why; a backup can be restored (it brings its own accounts).
    expect(await damaged.dispatch('backups.create', {})).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });

    // The restorer proves to be an account of this folder with a password that opens its keyring.
    expect(await damaged.dispatch('backups.restore', { id: backup.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'signed-out' } } });
    expect(await damaged.dispatch('backups.restore', { id: backup.id, password: 'not-a-password-of-anyone' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'wrong-password' } },
    });
    expect((await damaged.call('system.health', {})).database).toBe('corrupt');
    const { previous } = await damaged.call('backups.restore', { id: backup.id, password: OWNER.password });
    expect((await damaged.call('system.health', {})).database).toBe('ok');
    expect(await damaged.dispatch('backups.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'signed-out' } } });
    const owner = await damaged.signIn(OWNER.username, OWNER.password);
    // The damaged file is kept, byte for byte, for whoever tries to rescue it.
    expect((await owner.call('backups.list', {})).find((b) => b.id === previous)).toMatchObject({ reason: 'before-restore', contents: null });
    await damaged.close();
    dir.remove();
  });
});
