import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, PreviewServer, test } from './fixtures';
import { admin, enrolInSettings, startSyncServer, syncNow } from './sync-server';

/**
 * The office enters two vessels and their crew; a laptop enrolled into one vessel receives that vessel, its
 * position, its certificate requirement and its crew member's file, and nothing of the other vessel
 * (docs/sync.md#tenants, #people-carried-into-vessel-feeds); the captain's edit of the crew member reaches the office.
 * Everything through the screens, as the office manager and the captain would do it.
 */
// Two previews, a server and five syncs, each waited for on screen: more than one spec's minute on a loaded machine.
test.setTimeout(120_000);

const ORG = 'Oceanic Yacht Management';

/** Adds a vessel from the vessels screen, and on the vessel's screen that opens at once, its one position. */
async function addVessel(page: Page, url: string, name: string, imoNumber: string, positionTitle: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /^Add (a )?vessel$/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a vessel' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Length (m)').fill('52');
  await dialog.getByLabel('Flag').selectOption('MLT');
  await dialog.getByLabel('IMO number').fill(imoNumber);
  await dialog.getByRole('button', { name: 'Add vessel' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Add position' }).click();
  const position = page.getByRole('dialog', { name: 'Add a position' });
  await position.getByLabel('Title').fill(positionTitle);
  await position.getByRole('button', { name: 'Add position' }).click();
  await expect(position).toBeHidden();
}

/** Adds a person from the crew list and assigns them, from their profile, to the one position of a vessel. */
async function addCrewMember(page: Page, url: string, person: { givenNames: string; surname: string; email: string }, vessel: string, position: string): Promise<void> {
  await page.goto(new URL('#/crew', url).href);
  await page.getByRole('button', { name: 'Add person', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Given names').fill(person.givenNames);
  await dialog.getByLabel('Surname').fill(person.surname);
  await dialog.getByLabel('Date of birth').fill('1990-04-12');
  await dialog.getByLabel('Nationalities').selectOption('GBR');
  await dialog.getByLabel('E-mail').fill(person.email);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`${person.givenNames} ${person.surname}`) })).toBeVisible();
  await page.getByRole('button', { name: 'Assign to a position' }).click();
  const assign = page.getByRole('dialog', { name: `Assign ${person.givenNames} ${person.surname}` });
  await assign.getByLabel('Vessel').selectOption({ label: vessel });
  await assign.getByLabel('Position').selectOption({ label: `${position} (1 vacant)` });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(assign).toBeHidden();
  await expect(page.getByText('Current · onboard')).toBeVisible();
}

test('the office enters two vessels and their crew; a laptop enrolled into one receives only that vessel, and its edit reaches the office', async ({ browser }) => {
  const serverDir = mkdtempSync(join(tmpdir(), 'harmony-e2e-server-'));
  const previews = [new PreviewServer(mkdtempSync(join(tmpdir(), 'harmony-e2e-office-'))), new PreviewServer(mkdtempSync(join(tmpdir(), 'harmony-e2e-vessel-')))];
  const server = await startSyncServer(serverDir);
  try {
    await Promise.all(previews.map((p) => p.start()));
    const [officeUrl, vesselUrl] = [previews[0]!.url, previews[1]!.url];
    admin(serverDir, 'org', 'add', ORG);
    const code = (...vessel: string[]) => /: ([A-Z0-9]+)\n/.exec(admin(serverDir, 'enrol', ORG, ...vessel))![1]!;
    const [office, aboard] = [await browser.newPage(), await browser.newPage()];
    await previews[0]!.authorize(office.context());
    await previews[1]!.authorize(aboard.context());
    await enrolInSettings(office, officeUrl, server.url, code());

    // The office: two vessels, a position on each, one person crewing each, and Aurora's own certificate rule.
    await addVessel(office, officeUrl, 'Aurora', '9074729', 'Chief Stew');
    await addVessel(office, officeUrl, 'Boreas', '9176187', 'Deckhand');
    await addCrewMember(office, officeUrl, { givenNames: 'Joanna', surname: 'Whitfield', email: 'joanna@example.org' }, 'Aurora', 'Interior · Chief Stew');
    await addCrewMember(office, officeUrl, { givenNames: 'Tama', surname: 'Rutherford', email: 'tama@example.org' }, 'Boreas', 'Deck · Deckhand');
    await office.goto(officeUrl);
    await office.getByRole('link', { name: 'Aurora' }).click();
    await office.getByRole('button', { name: 'Requirements…' }).click();
    const requirements = office.getByRole('dialog', { name: 'Certificate requirements' });
    await requirements.getByLabel('Advanced Fire Fighting').check();
    await requirements.getByRole('button', { name: 'Save for Chief Stew' }).click();
    await expect(requirements.getByText('This vessel has its own list for this position')).toBeVisible();
    await requirements.getByRole('button', { name: 'Done' }).click();
    // The id the administrator enrols the vessel's laptop with, as Aurora's screen shows it.
    const auroraId = (await office.getByTestId('vessel-sync-id').innerText()).trim();
    expect(office.url()).toContain(`/vessels/${auroraId}`);
    await office.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(officeUrl).origin });
    await office.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(office.getByText(/^Vessel id copied\./)).toBeVisible();
    expect(await office.evaluate(() => navigator.clipboard.readText())).toBe(auroraId);
    await syncNow(office, officeUrl);

    // The captain's laptop, enrolled into Aurora: Aurora, its position, its crew member and her file.
    await enrolInSettings(aboard, vesselUrl, server.url, code('--vessel', auroraId));
    await syncNow(aboard);
    await aboard.goto(vesselUrl);
    const vessels = aboard.getByRole('table', { name: 'Vessels' });
    await expect(vessels.getByRole('link', { name: 'Aurora' })).toBeVisible();
    await expect(vessels.getByRole('row')).toHaveCount(2);
    await expect(aboard.getByText('Boreas')).toHaveCount(0);
    await vessels.getByRole('link', { name: 'Aurora' }).click();
    await expect(aboard.getByRole('table', { name: 'Positions' }).getByRole('row', { name: /Interior Chief Stew/ })).toBeVisible();
    await expect(aboard.getByRole('table', { name: 'Compliance matrix' }).getByLabel(/^Advanced Fire Fighting: Missing/)).toBeVisible();
    await aboard.getByRole('table', { name: 'Current crew' }).getByRole('link', { name: 'Joanna Whitfield' }).click();
    await expect(aboard.getByRole('heading', { name: /Joanna Whitfield/ })).toBeVisible();
    await expect(aboard.getByText('Current · onboard')).toBeVisible();

    // Boreas's deckhand is nowhere aboard Aurora: not in the crew list, not found by search.
    await aboard.goto(new URL('#/crew', vesselUrl).href);
    await expect(aboard.getByText('1 person', { exact: true })).toBeVisible();
    await expect(aboard.getByRole('row', { name: /Whitfield, Joanna/ })).toContainText('Chief Stew · Aurora');
    await aboard.getByLabel('Search by name or e-mail').fill('rutherford');
    await expect(aboard.getByRole('heading', { name: 'Nobody matches these filters' })).toBeVisible();
    await aboard.getByRole('button', { name: 'Clear filters' }).first().click();

    // The captain corrects her phone number; the office sees it after both sync.
    await aboard.getByRole('row', { name: /Whitfield, Joanna/ }).click();
    await aboard.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = aboard.getByRole('dialog', { name: 'Edit Joanna Whitfield' });
    await edit.getByLabel('Phone', { exact: true }).fill('+356 7900 1234');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await syncNow(aboard, vesselUrl);
    await syncNow(office, officeUrl);
    await office.goto(new URL('#/crew', officeUrl).href);
    await office.getByRole('row', { name: /Whitfield, Joanna/ }).click();
    await expect(office.getByText('+356 7900 1234')).toBeVisible();
  } finally {
    server.child.kill('SIGTERM');
    await Promise.all(previews.map((p) => p.stop()));
    for (const dir of [serverDir, ...previews.map((p) => p.dataDir)]) rmSync(dir, { recursive: true, force: true });
  }
});
