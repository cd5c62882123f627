import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDaysIso, todayIsoDate } from '../../src/shared/domain/dates';
import { api, expect, test, type PreviewServer } from './fixtures';

/** The smaller findings of the trust pass, one test each, as a captain meets them. */

const AURORA = { name: 'Aurora', kind: 'motor', lengthM: 48, flag: 'MLT', imoNumber: '9074729', use: 'charter' };

async function openAurora(page: Page, server: PreviewServer) {
  const vessel = await api<{ id: string }>(page.request, server.url, 'vessels.create', AURORA);
  await page.goto(`${server.url}#/vessels/${vessel.id}`);
  return vessel;
}

test('a new vessel opens at once, and "48,5" metres is 48.5 ("12,500" GT is asked again, not guessed)', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Add a vessel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a vessel' });
  await dialog.getByLabel('Name').fill('Aurora');
  await dialog.getByLabel('Length (m)').fill('48,5');
  await dialog.getByLabel('Gross tonnage (GT)').fill('12,500');
  await dialog.getByLabel('Flag').selectOption('MLT');
  await dialog.getByLabel('IMO number').fill('9074729');
  await dialog.getByRole('button', { name: 'Add vessel' }).click();
  await expect(dialog.getByText('Enter the gross tonnage as a number, e.g. 499 or 1250 (no thousands separator)')).toBeVisible();
  await dialog.getByLabel('Gross tonnage (GT)').fill('499,5');
  await dialog.getByRole('button', { name: 'Add vessel' }).click();
  await expect(page.getByRole('heading', { name: 'Aurora' })).toBeVisible();
  await expect(page.getByText('Motor yacht, 48.5 m, 499.5 GT')).toBeVisible();
});

test('a known title under the wrong department: the form moves it and says so; the department chosen back is refused', async ({ page, server }) => {
  await openAurora(page, server);
  await page.getByRole('button', { name: 'Add position' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a position' });
  await dialog.getByLabel('Department').selectOption('interior');
  await dialog.getByLabel('Title').fill('Chief Engineer');
  await expect(dialog.getByLabel('Department')).toHaveValue('engineering');
  await expect(dialog.getByText('Changed to Engineering: Chief Engineer is an engineering position')).toBeVisible();
  await expect(dialog.getByLabel('Must be aboard')).toBeChecked();
  await dialog.getByLabel('Department').selectOption('interior');
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await expect(dialog.getByText('Chief Engineer is an engineering position: choose Engineering, or give a title of your own')).toBeVisible();
  await dialog.getByLabel('Department').selectOption('engineering');
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Positions' }).getByRole('row', { name: /Engineering Chief Engineer/ })).toBeVisible();
});

test('a duplicate position title warns, and a second click adds it anyway', async ({ page, server }) => {
  const vessel = await openAurora(page, server);
  await api(page.request, server.url, 'positions.create', { vesselId: vessel.id, department: 'deck', title: 'Deckhand', headcount: 2, rotation: null, employmentKind: 'permanent' });
  await page.reload();
  await page.getByRole('button', { name: 'Add position' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a position' });
  await dialog.getByLabel('Title').fill('deckhand ');
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Aurora already has a Deckhand position (2 berths). For another berth, raise its headcount instead' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Positions' }).getByRole('row')).toHaveCount(3);
});

test('date pickers: errors name no format the picker does not show, and a half-typed date is not taken as blank', async ({ page, server }) => {
  await page.goto(`${server.url}#/crew`);
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Given names').fill('Ana');
  await dialog.getByLabel('Surname').fill('Marin');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('Enter the date', { exact: true })).toBeVisible();
  // Only the first part typed: the picker holds no value, and the form says what is missing.
  await dialog.getByLabel('Date of birth').click();
  await page.keyboard.type('04');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('Enter the whole date: day, month and year')).toBeVisible();
  await expect(dialog.getByText(/YYYY/)).toHaveCount(0);
});

test('a person under 16 warns before saving, and initials are given name and surname', async ({ page, server }) => {
  await page.goto(`${server.url}#/crew`);
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Given names').fill('Jörg Peter');
  await dialog.getByLabel('Surname').fill('Müller-Lüdenscheid');
  await dialog.getByLabel('Date of birth').fill(addDaysIso(todayIsoDate(), -(14 * 365)));
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: /Aged 1[34] today: nobody under 16 may work at sea/ })).toBeVisible();
  await dialog.getByLabel('Date of birth').fill('1980-06-15');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: /Jörg Peter Müller-Lüdenscheid/ })).toBeVisible();
  await expect(page.locator('.photo-empty')).toHaveText('JM');
  await expect(page.getByText('15 Jun 1980')).toBeVisible();
});

test('a double booking names the other assignment’s dates as every date reads, and a half-typed end date is not "open-ended"', async ({ page, server }) => {
  const vessel = await api<{ id: string }>(page.request, server.url, 'vessels.create', AURORA);
  const position = await api<{ id: string }>(page.request, server.url, 'positions.create', { vesselId: vessel.id, department: 'deck', title: 'Bosun', headcount: 2, rotation: null, employmentKind: 'permanent' });
  const person = await api<{ id: string }>(page.request, server.url, 'people.create', { givenNames: 'Ana', surname: 'Marin', dateOfBirth: '1985-03-03', nationalities: [], languages: [] });
  await api(page.request, server.url, 'assignments.create', { personId: person.id, positionId: position.id, startDate: '2026-01-01', endDate: '2026-06-30' });
  await page.goto(`${server.url}#/crew/${person.id}`);
  await page.getByRole('button', { name: 'Assign to a position' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign Ana Marin' });
  await dialog.getByLabel('Vessel').selectOption({ label: 'Aurora' });
  await dialog.getByLabel('Position').selectOption({ index: 1 });
  await dialog.getByLabel('Start date').fill('2026-03-01');
  await dialog.getByLabel('End date').click();
  await page.keyboard.type('05');
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await expect(dialog.getByText('Enter the whole date: day, month and year')).toBeVisible();
  await dialog.getByLabel('End date').fill('2026-04-01');
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await expect(dialog.getByText('Overlaps Bosun on Aurora (1 Jan 2026 to 30 Jun 2026)')).toBeVisible();
  // The history lists the same dates the same way.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('cell', { name: '1 Jan 2026', exact: true }).first()).toBeVisible();
});

test('tables sort by their columns: vessels, a vessel’s positions and crew, and the crew list (sorted in the core)', async ({ page, server }) => {
  await api(page.request, server.url, 'demo.load', {});
  await page.goto(server.url);
  const vessels = page.getByRole('table', { name: 'Vessels' });
  const firstVessel = () => vessels.getByRole('row').nth(1).getByRole('link');
  await expect(firstVessel()).toHaveText('Blue Meridian');
  await vessels.getByRole('button', { name: 'Length' }).click();
  await expect(vessels.getByRole('columnheader', { name: 'Length' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstVessel()).toHaveText('Kestrel');
  await vessels.getByRole('button', { name: 'Length' }).click();
  await expect(firstVessel()).toHaveText('Serenity Tide');

  await firstVessel().click();
  const positions = page.getByRole('table', { name: 'Positions' });
  await expect(positions.getByRole('row').nth(1)).toContainText('Captain');
  await positions.getByRole('button', { name: 'Title' }).click();
  await expect(positions.getByRole('row').nth(1)).toContainText('2nd Engineer');
  const current = page.getByRole('table', { name: 'Current crew' });
  await current.getByRole('button', { name: 'Name' }).click();
  const names = await current.getByRole('row').locator('td:first-child').allInnerTexts();
  const surnames = names.map((n) => n.split(' ').slice(1).join(' '));
  expect(surnames).toEqual([...surnames].sort((a, b) => a.localeCompare(b)));

  await page.keyboard.press('Control+2');
  await expect(page.getByText('60 people', { exact: true })).toBeVisible();
  const list = page.getByRole('table', { name: 'Crew list' });
  const firstName = () => list.getByRole('row').nth(1).locator('.name');
  const before = await firstName().innerText();
  await list.getByRole('button', { name: 'Name' }).click();
  await expect(list.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await expect(firstName()).not.toHaveText(before);
  await list.getByRole('button', { name: 'Status' }).click();
  await expect(list.getByRole('row').nth(1)).toContainText('Onboard');
  await list.getByRole('button', { name: 'Status' }).click();
  await expect(list.getByRole('row').nth(1)).toContainText('Unassigned');
});

test('the crew list exported as CSV opens in a spreadsheet with its accents: the file is marked UTF-8', async ({ page, server }) => {
  await api(page.request, server.url, 'people.create', { givenNames: 'José', surname: 'Peña', dateOfBirth: '1990-04-12', nationalities: ['ESP'] });
  await page.goto(`${server.url}#/crew`);
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await saved;
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('José,Peña,1990-04-12,ESP');
});
