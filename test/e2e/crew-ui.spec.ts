import { addDaysIso, formatDate, todayIsoDate } from '../../src/shared/domain/dates';
import { api, expect, test } from './fixtures';

/** The smaller findings of the trust pass, each as a captain meets it. */

test('a new vessel opens at once; "48,5" metres is 48.5; a known title under the wrong department is moved and the form says so; a duplicate title warns', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Add a vessel' }).click();
  const vesselDialog = page.getByRole('dialog', { name: 'Add a vessel' });
  await vesselDialog.getByLabel('Name').fill('Aurora');
  await vesselDialog.getByLabel('Length (m)').fill('48,5');
  await vesselDialog.getByLabel('Gross tonnage (GT)').fill('12,500');
  await vesselDialog.getByLabel('Flag').selectOption('MLT');
  await vesselDialog.getByLabel('IMO number').fill('9074729');
  await vesselDialog.getByRole('button', { name: 'Add vessel' }).click();
  // "12,500" could be twelve and a half or twelve thousand five hundred: asked again, not guessed.
  await expect(vesselDialog.getByText('Enter the gross tonnage as a number, e.g. 499 or 1250 (no thousands separator)')).toBeVisible();
  await vesselDialog.getByLabel('Gross tonnage (GT)').fill('499,5');
  await vesselDialog.getByRole('button', { name: 'Add vessel' }).click();
  await expect(page.getByRole('heading', { name: 'Aurora' })).toBeVisible();
  await expect(page.getByText('Motor yacht, 48.5 m, 499.5 GT')).toBeVisible();

  await page.getByRole('button', { name: 'Add position' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add a position' });
  await dialog.getByLabel('Department').selectOption('interior');
  await dialog.getByLabel('Title').fill('Chief Engineer');
  await expect(dialog.getByLabel('Department')).toHaveValue('engineering');
  await expect(dialog.getByText('Changed to Engineering: Chief Engineer is an engineering position')).toBeVisible();
  await expect(dialog.getByLabel('Must be aboard')).toBeChecked();
  // Choosing Interior again is refused on submit, naming the department the title belongs to.
  await dialog.getByLabel('Department').selectOption('interior');
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await expect(dialog.getByText('Chief Engineer is an engineering position: choose Engineering, or give a title of your own')).toBeVisible();
  await dialog.getByLabel('Department').selectOption('engineering');
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Add position' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a position' });
  await dialog.getByLabel('Department').selectOption('engineering');
  await dialog.getByLabel('Title').fill('chief engineer');
  await dialog.getByRole('button', { name: 'Add position' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Aurora already has a Chief Engineer position (1 berth). For another berth, raise its headcount instead' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Positions' }).getByRole('row')).toHaveCount(3);
});

test('dates: the picker’s errors name no format; a half-typed date is not taken as blank; an overlap names its dates in words', async ({ page, server }) => {
  const vessel = await api<{ id: string }>(page.request, server.url, 'vessels.create', { name: 'Aurora', kind: 'motor', lengthM: 48, flag: 'MLT', imoNumber: '9074729', use: 'charter' });
  const position = await api<{ id: string }>(page.request, server.url, 'positions.create', { vesselId: vessel.id, department: 'deck', title: 'Bosun', headcount: 2, rotation: null, employmentKind: 'permanent' });
  await page.goto(`${server.url}#/crew`);
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Given names').fill('Jörg Peter');
  await dialog.getByLabel('Surname').fill('Müller-Lüdenscheid');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('Enter the date', { exact: true })).toBeVisible();
  // Type only the first part of the date: the picker holds no value, and the form says what is missing.
  await dialog.getByLabel('Date of birth').click();
  await page.keyboard.type('04');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('Enter the whole date: day, month and year')).toBeVisible();
  await expect(dialog.getByText(/YYYY/)).toHaveCount(0);

  // Under 16: a warning, and a second click saves.
  const young = addDaysIso(todayIsoDate(), -(14 * 365));
  await dialog.getByLabel('Date of birth').fill(young);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: /Aged 1[34] today: nobody under 16 may work at sea/ })).toBeVisible();
  await dialog.getByLabel('Date of birth').fill('1980-06-15');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: /Jörg Peter Müller-Lüdenscheid/ })).toBeVisible();
  // Initials: given name and surname.
  await expect(page.locator('.photo-empty')).toHaveText('JM');
  await expect(page.getByText('15 Jun 1980')).toBeVisible();

  const personId = page.url().split('/').pop()!;
  await api(page.request, server.url, 'assignments.create', { personId, positionId: position.id, startDate: '2026-01-01', endDate: '2026-06-30' });
  await page.reload();
  await page.getByRole('button', { name: 'Assign to a position' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign Jörg Peter Müller-Lüdenscheid' });
  await assign.getByLabel('Vessel').selectOption({ label: 'Aurora' });
  await assign.getByLabel('Position').selectOption({ index: 1 });
  await assign.getByLabel('Start date').fill('2026-03-01');
  await assign.getByLabel('End date').click();
  await page.keyboard.type('05');
  await assign.getByRole('button', { name: 'Assign' }).click();
  // A half-typed end date is not "open-ended".
  await expect(assign.getByText('Enter the whole date: day, month and year')).toBeVisible();
  await assign.getByLabel('End date').fill('2026-04-01');
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(assign.getByText(`Overlaps Bosun on Aurora (${formatDate('2026-01-01')} to ${formatDate('2026-06-30')})`)).toBeVisible();
  await expect(assign.getByText('(1 Jan 2026 to 30 Jun 2026)')).toBeVisible();
});

test('tables sort by their columns: vessels, a vessel’s positions and crew, and the 100,000-person crew list in the core', async ({ page, server }) => {
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
