import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, expect, PreviewServer, test } from './fixtures';
import { admin, enrolInSettings, startSyncServer, syncNow } from './sync-server';

/**
 * Sharing a candidate between two organisations of one sync server (docs/sync.md#sharing): the agency shares
 * from the candidate's profile, the yacht office sees them under Recruitment → Shared with us, read-only, and
 * loses them at its next sync once the agency revokes the share.
 */
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
