import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { PreviewServer } from './fixtures';

/**
 * Accounts as people meet them (issue 14): the first start on a new data folder, users added by the owner, a
 * captain who sees only their vessel, the idle lock, a role that only reads. These specs start their own server on
 * a fresh folder with no owner (the shared fixture signs in before the page loads).
 */
const test = base.extend<{ fresh: PreviewServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  fresh: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'harmony-e2e-users-'));
    const server = new PreviewServer(dataDir, { owner: false });
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

const OWNER = { name: 'Ines Harbour', username: 'ines', password: 'four words make length' };
const CAPTAIN = { name: 'Tom Keel', username: 'tom.keel', password: 'halcyon wind at dawn' };

/** First start: create the owner, see the recovery code once, say it is written down. */
async function createOwner(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to Harmony Crew' })).toBeVisible();
  await page.getByLabel('Your name').fill(OWNER.name);
  await page.getByLabel('User name').fill(OWNER.username);
  await page.getByLabel('Password', { exact: true }).fill('too short');
  await page.getByLabel('Password again').fill('too short');
  await page.getByRole('button', { name: 'Create the owner’s account' }).click();
  await expect(page.getByText('A password has at least 10 characters')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
  await page.getByLabel('Password again').fill(OWNER.password);
  await page.getByRole('button', { name: 'Create the owner’s account' }).click();

  await expect(page.getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
  const code = (await page.getByRole('status', { name: 'Recovery code' }).textContent()) ?? '';
  expect(code.trim().length).toBeGreaterThanOrEqual(8);
  const open = page.getByRole('button', { name: 'Open Harmony Crew' });
  await expect(open).toBeDisabled();
  await page.getByLabel('I have written it down').check();
  await open.click();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your account' })).toContainText(OWNER.name);
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Screens' });

async function loadSampleFleet(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: 'Vessels' }).click();
  await page.getByRole('button', { name: 'Load the sample fleet' }).click();
  await page.getByRole('dialog', { name: 'Load the sample fleet' }).getByRole('button', { name: 'Load sample fleet' }).click();
  await expect(page.getByRole('link', { name: 'Halcyon Wind' })).toBeVisible({ timeout: 60_000 });
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Your account' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('first start, a captain scoped to one vessel sees only it, the idle lock and unlock', async ({ page, fresh }) => {
  // The app's clock is Playwright's, so fifteen idle minutes pass in an instant below.
  await page.clock.install();
  await page.goto(fresh.url);
  await createOwner(page);
  await loadSampleFleet(page);

  // Users: add a captain who sees Halcyon Wind only.
  await sidebar(page).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Name', { exact: true }).fill(CAPTAIN.name);
  await dialog.getByLabel('User name').fill(CAPTAIN.username);
  await dialog.getByLabel('Role').selectOption({ label: 'Captain' });
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByText('Choose at least one vessel, or the whole organisation')).toBeVisible();
  await dialog.getByRole('group', { name: 'Vessels' }).getByLabel('Halcyon Wind').check();
  await dialog.getByLabel('First password', { exact: true }).fill(CAPTAIN.password);
  await dialog.getByLabel('First password again').fill(CAPTAIN.password);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(CAPTAIN.name) });
  await expect(row).toContainText('Captain');
  await expect(row).toContainText('Aboard Halcyon Wind');
  await expect(row).toContainText('Never');

  // The captain signs in (a wrong password first: a plain message, no fault).
  await signOut(page);
  await signIn(page, CAPTAIN.username, 'not the password at all');
  const refusal = page.getByRole('alert');
  await expect(refusal).toBeVisible();
  await expect(refusal).not.toContainText('Unexpected');
  await signIn(page, CAPTAIN.username, CAPTAIN.password);
  await expect(page.getByRole('region', { name: 'Your account' })).toContainText(CAPTAIN.name);
  await expect(sidebar(page).getByRole('link', { name: 'Users' })).toHaveCount(0);

  // Only their vessel, on Vessels and on Crew (the core narrows what they see: docs/security.md#scope).
  await sidebar(page).getByRole('link', { name: 'Vessels' }).click();
  await expect(page.getByRole('link', { name: 'Halcyon Wind' })).toBeVisible();
  for (const other of ['Serenity Tide', 'Blue Meridian', 'Kestrel']) await expect(page.getByRole('link', { name: other })).toHaveCount(0);
  await sidebar(page).getByRole('link', { name: 'Crew' }).click();
  const vesselFilter = page.getByRole('search').getByLabel('Vessel');
  await expect(vesselFilter.locator('option')).toHaveText(['All vessels', 'Halcyon Wind']);

  // Fifteen minutes without input: the lock covers everything, the data is gone from the page.
  await page.clock.fastForward('16:00');
  await expect(page.getByRole('heading', { name: 'Harmony Crew is locked' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  await expect(page.getByText('Halcyon Wind')).toHaveCount(0);
  await expect(page.getByText(`Signed in as ${CAPTAIN.name}`)).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();

  // Unlock: a wrong password is refused next to the field; the right one opens the same screen again.
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill(CAPTAIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await expect(page.getByRole('search').getByLabel('Vessel')).toBeVisible();
});

test('an office viewer is offered no button that writes; Ctrl+L locks; a removed user comes back with undo', async ({ page, fresh }) => {
  await page.goto(fresh.url);
  await createOwner(page);
  await loadSampleFleet(page);

  await sidebar(page).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Name', { exact: true }).fill('Olga Office');
  await dialog.getByLabel('User name').fill('olga');
  await dialog.getByLabel('Role').selectOption({ label: 'Office viewer' });
  await dialog.getByLabel('Whole organisation').check();
  await dialog.getByLabel('First password', { exact: true }).fill('reads but never writes');
  await dialog.getByLabel('First password again').fill('reads but never writes');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();

  // Remove, then undo from the message that follows.
  await page.getByRole('button', { name: 'Remove Olga Office' }).click();
  await page.getByRole('dialog', { name: 'Remove Olga Office?' }).getByRole('button', { name: 'Remove Olga Office' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Olga Office can sign in again')).toBeVisible();

  await signOut(page);
  await signIn(page, 'olga', 'reads but never writes');
  await expect(page.getByRole('region', { name: 'Your account' })).toContainText('Office viewer');

  await sidebar(page).getByRole('link', { name: 'Vessels' }).click();
  await expect(page.getByRole('link', { name: 'Serenity Tide' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add vessel' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Serenity Tide' }).click();
  await expect(page.getByRole('heading', { name: 'Positions' })).toBeVisible();
  for (const name of ['Edit', 'Archive', 'Add position', 'Requirements…', 'Stagger rotations…']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  // The vessel's id for sync enrolment is for those who manage the installation.
  await expect(page.getByText('Vessel id for sync enrolment')).toHaveCount(0);
  await sidebar(page).getByRole('link', { name: 'Crew' }).click();
  await expect(page.getByRole('table', { name: 'Crew list' })).toBeVisible();
  for (const name of ['Add person', 'Import CSV']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await expect(sidebar(page).getByRole('link', { name: 'Users' })).toHaveCount(0);

  // Beyond the fleet: the fit library, prediction models, outcomes and instruments are read, never changed.
  await sidebar(page).getByRole('link', { name: 'Recruitment' }).click();
  await page.getByRole('tab', { name: 'Trait profiles' }).click();
  await expect(page.getByRole('region', { name: /profile$/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Prediction models' }).click();
  await expect(page.getByRole('heading', { name: 'Recalibration' })).toBeVisible();
  for (const name of [/^Recalibrate/, 'Use this model']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Outcomes' }).click();
  await expect(page.getByRole('heading', { name: 'Recorded outcomes' })).toBeVisible();
  for (const name of ['Record outcome', 'Withdraw']) await expect(page.getByRole('button', { name })).toHaveCount(0);
  await sidebar(page).getByRole('link', { name: 'Assessments' }).click();
  await page.getByRole('navigation', { name: 'Assessments views' }).getByRole('link', { name: 'Instruments' }).click();
  await expect(page.getByRole('table', { name: 'Instruments' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add a custom instrument' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Archive/ })).toHaveCount(0);

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Harmony Crew is locked' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
