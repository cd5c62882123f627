import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, PreviewServer, test } from './fixtures';

/**
 * Sharing a candidate between two organisations of one sync server (docs/sync.md#sharing): the agency shares
 * from the candidate's profile, the yacht office sees them under Recruitment → Shared with us, read-only, and
 * loses them at its next sync once the agency revokes the share.
 */
const CLI = resolve('out/main/cli.js');

async function startSyncServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
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

const admin = (dataDir: string, ...args: string[]) => execFileSync(process.execPath, [CLI, 'server', ...args, '--data', dataDir]).toString();

async function enrolInSettings(page: Page, previewUrl: string, serverUrl: string, code: string) {
  await page.goto(new URL('#/settings', previewUrl).href);
  const card = page.getByLabel('Sync', { exact: true });
  await card.getByLabel('Server address').fill(serverUrl);
  await card.getByLabel('Enrolment code').fill(code);
  await card.getByRole('button', { name: 'Enrol' }).click();
  await expect(card.getByRole('button', { name: 'Sync now' })).toBeVisible();
}

async function syncNow(page: Page, previewUrl: string) {
  await page.goto(new URL('#/settings', previewUrl).href);
  const card = page.getByLabel('Sync', { exact: true });
  await card.getByRole('button', { name: 'Sync now' }).click();
  await expect(card.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await expect(card.getByTestId('sync-pending')).toHaveText('nothing');
}

test('an agency shares a candidate with a yacht office, which sees them read-only until the share is revoked', async ({ browser, request }) => {
  // Two previews, a server and four syncs: more steps than one test's usual minute on the shared machine.
  test.setTimeout(180_000);
  const serverDir = mkdtempSync(join(tmpdir(), 'harmony-e2e-server-'));
  const previews = [new PreviewServer(mkdtempSync(join(tmpdir(), 'harmony-e2e-a-'))), new PreviewServer(mkdtempSync(join(tmpdir(), 'harmony-e2e-b-')))];
  const server = await startSyncServer(serverDir);
  try {
    await Promise.all(previews.map((p) => p.start()));
    admin(serverDir, 'org', 'add', 'Blue Water Crew Agency');
    admin(serverDir, 'org', 'add', 'Serenity Management');
    const code = (org: string) => /: ([A-Z0-9]+)\n/.exec(admin(serverDir, 'enrol', org))![1]!;
    const [agency, yacht] = [await browser.newPage(), await browser.newPage()];
    const [agencyUrl, yachtUrl] = [previews[0]!.url, previews[1]!.url];
    await previews[0]!.authorize(agency.context());
    await previews[1]!.authorize(yacht.context());
    await enrolInSettings(agency, agencyUrl, server.url, code('Blue Water Crew Agency'));
    await enrolInSettings(yacht, yachtUrl, server.url, code('Serenity Management'));

    const person = { givenNames: 'Carla', surname: 'Mendes', dateOfBirth: '1994-06-01', email: 'carla@example.org', nationalities: ['PRT'], languages: ['Portuguese'] };
    const created = await api<{ id: string }>(request, agencyUrl, 'people.create', person);
    await agency.goto(new URL(`#/crew/${created.id}`, agencyUrl).href);
    const sharing = agency.getByLabel('Sharing', { exact: true });
    await expect(sharing.getByText('Not shared with another organisation.')).toBeVisible();
    await sharing.getByRole('button', { name: 'Share with…' }).click();
    const dialog = agency.getByRole('dialog', { name: 'Share Carla Mendes with…' });
    await dialog.getByLabel('Organisation').selectOption({ label: 'Serenity Management' });
    await dialog.getByRole('button', { name: 'Share' }).click();
    await expect(sharing.getByText(/Shared with Serenity Management since/)).toBeVisible();

    await syncNow(yacht, yachtUrl);
    await yacht.goto(new URL('#/recruitment', yachtUrl).href);
    await yacht.getByRole('tab', { name: 'Shared with us' }).click();
    await expect(yacht.getByRole('row', { name: /Carla Mendes Blue Water Crew Agency/ })).toBeVisible();
    await yacht.getByRole('link', { name: 'Carla Mendes' }).click();
    await expect(yacht.getByText(/Shared by Blue Water Crew Agency on .*read-only on this computer/)).toBeVisible();
    await expect(yacht.getByRole('button', { name: 'Edit' })).toHaveCount(0);

    await sharing.getByRole('button', { name: 'Revoke' }).click();
    await agency.getByRole('dialog', { name: 'Revoke the share?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(sharing.getByText('Not shared with another organisation.')).toBeVisible();

    await syncNow(yacht, yachtUrl);
    await yacht.goto(new URL('#/recruitment', yachtUrl).href);
    await yacht.getByRole('tab', { name: 'Shared with us' }).click();
    await expect(yacht.getByText('No other organisation has shared a candidate with yours.', { exact: false })).toBeVisible();
  } finally {
    server.child.kill('SIGTERM');
    await Promise.all(previews.map((p) => p.stop()));
    for (const p of previews) rmSync(p.dataDir, { recursive: true, force: true });
    rmSync(serverDir, { recursive: true, force: true });
  }
});
