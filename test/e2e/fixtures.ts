import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type APIRequestContext } from '@playwright/test';

const CLI = resolve('out/main/cli.js');

/** A running `harmony serve` on a data folder; `restart()` stops it and starts it again on the same folder. */
export class PreviewServer {
  url = '';
  #child: ChildProcess | null = null;
  constructor(readonly dataDir: string) {}

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
});

export { expect };

/** Calls the preview's API directly, for setting up data a spec is not about. */
export async function api<T>(request: APIRequestContext, baseUrl: string, method: string, input: unknown): Promise<T> {
  const response = await request.post(new URL(`api/${method}`, baseUrl).href, { data: input });
  const envelope = (await response.json()) as { ok: boolean; data?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.data as T;
}
