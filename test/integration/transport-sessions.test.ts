import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpTransport, type HttpTransport } from '../../src/core/core';
import { bindIpcTransport } from '../../src/core/transports/ipc';
import { IPC_INVOKE_CHANNEL, type Envelope } from '../../src/shared/api';
import { fakeIpcPair, type FakeSenderEvent } from '../helpers/fake-ipc';
import { OWNER, tempCore, type TempCore } from '../helpers/temp-core';

/** Issue 14: the loopback API requires a session, on HTTP (cookie or bearer) and on IPC (the window's). */
let core: TempCore;
let http: HttpTransport;
beforeAll(async () => {
  core = tempCore();
  await core.ownerToken();
  http = await startHttpTransport({ dispatch: core.unsigned.dispatch, events: core.events });
});
afterAll(async () => {
  await http.close();
  await core.dispose();
});

async function post(method: string, input: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(`api/${method}`, http.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
  return { status: response.status, cookie: response.headers.get('set-cookie'), envelope: (await response.json()) as Envelope<{ token?: string | null }> };
}

describe('HTTP', () => {
  it('keeps the session in an HttpOnly SameSite=Strict cookie the page never reads, and clears it on sign-out', async () => {
    const login = await post('auth.login', { username: OWNER.username, password: OWNER.password });
    expect(login.status).toBe(200);
    expect(login.envelope).toMatchObject({ ok: true, data: { token: null, user: { role: 'owner' } } });
    expect(login.cookie).toMatch(/^harmony_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    const cookie = login.cookie!.split(';')[0]!;
    expect((await post('vessels.list', {}, { cookie })).envelope).toMatchObject({ ok: true, data: [] });
    const logout = await post('auth.logout', {}, { cookie });
    expect(logout.cookie).toMatch(/^harmony_session=; .*Max-Age=0$/);
    // The old cookie replayed after sign-out: 401.
    const replayed = await post('vessels.list', {}, { cookie });
    expect(replayed).toMatchObject({ status: 401, envelope: { ok: false, error: { code: 'FORBIDDEN', details: { reason: 'signed-out' } } } });
  });

  it('gives a client that asks the token to send as a bearer, and sets no cookie for it', async () => {
    const login = await post('auth.login', { username: OWNER.username, password: OWNER.password }, { 'x-harmony-token': 'bearer' });
    expect(login.cookie).toBeNull();
    const token = login.envelope.ok ? login.envelope.data.token : null;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await post('auth.me', {}, { authorization: `Bearer ${token}` })).envelope).toMatchObject({ ok: true, data: { username: OWNER.username } });
    expect((await post('auth.me', {}, { authorization: 'Bearer not-a-session' })).status).toBe(401);
    expect((await post('auth.me', {}, { authorization: 'Basic b3duZXI6cGFzcw==' })).status).toBe(401);
  });

  it('answers 401 for a wrong password and 429 once sign-in is slowed down, saying when to retry', async () => {
    for (let i = 0; i < 5; i += 1) expect((await post('auth.login', { username: 'someone', password: 'wrong password' })).status).toBe(401);
    const throttled = await post('auth.login', { username: 'someone', password: 'wrong password' });
    expect(throttled).toMatchObject({ status: 429, envelope: { ok: false, error: { details: { reason: 'throttled', retryAt: expect.any(String) } } } });
  });

  it('serves the events stream to a session only', async () => {
    const refused = await fetch(new URL('api/events', http.url));
    expect(refused.status).toBe(401);
    await refused.body?.cancel();
    const token = await core.ownerToken();
    const controller = new AbortController();
    const allowed = await fetch(new URL('api/events', http.url), { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-type')).toBe('text/event-stream');
    controller.abort();
  });
});

describe('IPC', () => {
  it('keeps each window’s session on the main side: the renderer gets no token, another window is not signed in, a closed window’s session ends', async () => {
    const ipc = fakeIpcPair();
    let window = 1;
    const binding = bindIpcTransport<FakeSenderEvent>({
      ipcMain: ipc.ipcMain,
      dispatch: core.unsigned.dispatch,
      events: core.events,
      isTrustedSender: (e) => e.senderFrame?.parent === null,
      broadcast: ipc.broadcast,
      windowOf: () => window,
    });
    try {
      expect(await ipc.bridge.invoke('vessels.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'signed-out' } } });
      const login = await ipc.bridge.invoke('auth.login', { username: OWNER.username, password: OWNER.password });
      expect(login).toMatchObject({ ok: true, data: { token: null } });
      expect(await ipc.bridge.invoke('vessels.list', {})).toEqual({ ok: true, data: [] });
      const token = binding.sessionOf(1)!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      window = 2;
      expect(await ipc.bridge.invoke('vessels.list', {})).toMatchObject({ ok: false, error: { details: { reason: 'signed-out' } } });
      await binding.windowClosed(1);
      expect(binding.sessionOf(1)).toBeUndefined();
      expect(await core.unsigned.dispatch('vessels.list', {}, { session: token })).toMatchObject({ ok: false, error: { details: { reason: 'signed-out' } } });
      expect(ipc.handlers.has(IPC_INVOKE_CHANNEL)).toBe(true);
    } finally {
      binding();
    }
  });
});
