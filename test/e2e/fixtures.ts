import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type APIRequestContext, type BrowserContext } from '@playwright/test';

const CLI = resolve('out/main/cli.js');

/** The owner every preview of the specs has (the sign-in screen itself is a spec of its own). */
export const E2E_OWNER = { username: 'owner', displayName: 'Olivia Owner', password: 'owner-password-1' } as const;
const SESSION_COOKIE = 'harmony_session';
/** Each running preview's owner session, by its URL: `api()` signs its calls with the one of the URL it calls. */
const tokens = new Map<string, string>();

async function post<T>(url: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(new URL(`api/${method}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-harmony-token': 'bearer' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.data as T;
}

/**
 * A running `harmony serve` on a data folder, its owner created (or signed in) through the API as a client asking
 * for a bearer token; `restart()` stops it and starts it again on the same folder.
 */
export class PreviewServer {
  url = '';
  /** The owner's session: sent as a bearer by `request`, as the session cookie by the browser's pages. */
  token = '';
  #child: ChildProcess | null = null;
  /** `owner: false` leaves the folder without accounts, for the first start a spec walks through on the page. */
  constructor(
    readonly dataDir: string,
    readonly options: { owner?: boolean } = {},
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
      env: { ...process.env, HARMONY_DATA_DIR: this.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.url = await new Promise<string>((resolveUrl, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(stdout);
        if (match) resolveUrl(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`harmony serve exited with ${code}: ${stderr}`)));
    });
    if (this.options.owner === false) return;
    const state = await post<{ needsOwner: boolean }>(this.url, 'auth.state', {});
    const grant = state.needsOwner
      ? await post<{ token: string }>(this.url, 'auth.createOwner', E2E_OWNER)
      : await post<{ token: string }>(this.url, 'auth.login', { username: E2E_OWNER.username, password: E2E_OWNER.password });
    this.token = grant.token;
    tokens.set(this.url, grant.token);
  }

  /** Gives a browser context the owner's session cookie, as signing in on the page would. */
  async authorize(context: BrowserContext): Promise<void> {
    await context.addCookies([{ name: SESSION_COOKIE, value: this.token, url: this.url, httpOnly: true, sameSite: 'Strict' }]);
  }

  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    this.#child = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export const test = base.extend<{ server: PreviewServer }>({
  // Playwright requires the destructuring pattern even when a fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'harmony-e2e-'));
    const server = new PreviewServer(dataDir);
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
  // Pages load signed in as the owner: the session cookie is in the context before the first page opens.
  context: async ({ context, server }, use) => {
    await server.authorize(context);
    await use(context);
  },
  // Calls a spec makes to set up data carry the owner's session as a bearer token.
  request: async ({ playwright, server }, use) => {
    const request = await playwright.request.newContext({ extraHTTPHeaders: { authorization: `Bearer ${server.token}` } });
    await use(request);
    await request.dispose();
  },
});

export { expect };

/** Calls the preview's API directly, for setting up data a spec is not about. */
export async function api<T>(request: APIRequestContext, baseUrl: string, method: string, input: unknown): Promise<T> {
  const token = tokens.get(baseUrl);
  const response = await request.post(new URL(`api/${method}`, baseUrl).href, { data: input, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
  const envelope = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.data as T;
}
