import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** A `harmony server` of the built CLI and the Settings → Sync steps the sync specs share (docs/sync.md). */
const CLI = resolve('out/main/cli.js');

export async function startSyncServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'server', '--port', '0', '--data', dataDir], { env: { ...process.env, HARMONY_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<string>((done, fail) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on port (\d+)/.exec(stderr);
      if (match) done(match[1]!);
    });
    child.once('exit', (code) => fail(new Error(`harmony server exited with ${code}: ${stderr}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** An administrator's command against the server's data folder, its output as text. */
export const admin = (dataDir: string, ...args: string[]): string => execFileSync(process.execPath, [CLI, 'server', ...args, '--data', dataDir]).toString();

export async function enrolInSettings(page: Page, previewUrl: string, serverUrl: string, code: string): Promise<void> {
  await page.goto(new URL('#/settings', previewUrl).href);
  const card = page.getByLabel('Sync', { exact: true });
  await card.getByLabel('Server address').fill(serverUrl);
  await card.getByLabel('Enrolment code').fill(code);
  await card.getByRole('button', { name: 'Enrol' }).click();
  await expect(card.getByRole('button', { name: 'Sync now' })).toBeVisible();
}

/** Sync now on the Settings screen of the page (opened first when `previewUrl` is given), until nothing waits. */
export async function syncNow(page: Page, previewUrl?: string): Promise<void> {
  if (previewUrl) await page.goto(new URL('#/settings', previewUrl).href);
  const card = page.getByLabel('Sync', { exact: true });
  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(card.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await expect(card.getByTestId('sync-pending')).toHaveText('nothing');
}
