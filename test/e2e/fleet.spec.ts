import { expect, test } from './fixtures';

const CSV_WITH_ONE_BAD_ROW = [
  'given_names,surname,date_of_birth,nationalities,email',
  'Marta,Ibáñez,1994-03-02,Spain,marta@example.org',
  'Bad,Date,1990-02-30,GBR,bad@example.org',
  'Tama,Rutherford,1989-11-20,NZL;GBR,tama@example.org',
].join('\n');

test('a captain builds a vessel and its crew, finds, archives and undoes, imports a CSV, and everything survives a restart', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'No vessels yet' })).toBeVisible();

  // Vessel: a bad IMO number is reported on its field, then fixed.
  await page.getByRole('button', { name: 'Add a vessel' }).click();
  const vesselDialog = page.getByRole('dialog', { name: 'Add a vessel' });
  await vesselDialog.getByLabel('Name').fill('Aurora');
  await vesselDialog.getByLabel('Length (m)').fill('48.5');
  await vesselDialog.getByLabel('Flag').selectOption('MLT');
  await vesselDialog.getByLabel('IMO number').fill('9074728');
  await vesselDialog.getByRole('button', { name: 'Add vessel' }).click();
  await expect(vesselDialog.getByText('Not a valid IMO number (7 digits; the last is a check digit)')).toBeVisible();
  await vesselDialog.getByLabel('IMO number').fill('IMO 9074729');
  await vesselDialog.getByLabel('IMO number').press('Enter');
  await expect(vesselDialog).toBeHidden();
  // A new vessel opens at once: its positions come next.
  await expect(page.getByRole('heading', { name: 'Aurora' })).toBeVisible();

  // Positions: a usual yacht title (rotation suggested for rotational crew) and a custom dual role.
  await page.getByRole('button', { name: 'Add position' }).click();
  let positionDialog = page.getByRole('dialog', { name: 'Add a position' });
  await positionDialog.getByLabel('Title').fill('Chief Stew');
  await expect(positionDialog.getByLabel('Department')).toHaveValue('interior');
  await positionDialog.getByLabel('Employment').selectOption('rotational');
  await expect(positionDialog.getByLabel('Rotation (weeks on:off)')).toHaveValue('4:2');
  await positionDialog.getByRole('button', { name: 'Add position' }).click();
  await expect(positionDialog).toBeHidden();
  await page.getByRole('button', { name: 'Add position' }).click();
  positionDialog = page.getByRole('dialog', { name: 'Add a position' });
  await positionDialog.getByLabel('Title').fill('Deck/Stew');
  await positionDialog.getByLabel('Headcount').fill('2');
  await positionDialog.getByRole('button', { name: 'Add position' }).click();
  await expect(positionDialog).toBeHidden();
  await expect(page.getByRole('cell', { name: 'Deck/Stew', exact: true })).toBeVisible();

  // Archive with undo.
  await page.getByRole('button', { name: 'Archive Deck/Stew' }).click();
  await expect(page.getByRole('cell', { name: 'Deck/Stew', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('cell', { name: 'Deck/Stew', exact: true })).toBeVisible();

  // A person, by keyboard from the sidebar shortcut; Escape closes a dialog without saving.
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { name: 'No people yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a person' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: 'Add a person' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Add a person' });
  await personDialog.getByLabel('Given names').fill('Joanna');
  await personDialog.getByLabel('Surname').fill('Whitfield');
  await personDialog.getByLabel('Date of birth').fill('1990-04-12');
  await personDialog.getByLabel('Nationalities').selectOption('GBR');
  await personDialog.getByLabel('E-mail').fill('joanna@example.org');
  await personDialog.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: /Joanna Whitfield/ })).toBeVisible();

  // Assign them.
  await page.getByRole('button', { name: 'Assign to a position' }).click();
  const assignDialog = page.getByRole('dialog', { name: 'Assign Joanna Whitfield' });
  await assignDialog.getByLabel('Vessel').selectOption({ label: 'Aurora' });
  await assignDialog.getByLabel('Position').selectOption({ label: 'Interior · Chief Stew (1 vacant)' });
  await assignDialog.getByRole('button', { name: 'Assign' }).click();
  await expect(assignDialog).toBeHidden();
  await expect(page.getByText('Current · onboard')).toBeVisible();
  // A second booking for the same days is refused, with the reason on the start date.
  await page.getByRole('button', { name: 'Assign to a position' }).click();
  await assignDialog.getByLabel('Vessel').selectOption({ label: 'Aurora' });
  await assignDialog.getByLabel('Position').selectOption({ label: 'Deck · Deck/Stew (2 vacant)' });
  await assignDialog.getByRole('button', { name: 'Assign' }).click();
  await expect(assignDialog.getByText(/Overlaps Chief Stew on Aurora/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(assignDialog).toBeHidden();

  // Find them by search in the crew list.
  await page.getByRole('link', { name: '← Crew' }).click();
  await page.getByLabel('Search by name or e-mail').fill('whit jo');
  const row = page.getByRole('row', { name: /Whitfield, Joanna/ });
  await expect(row).toContainText('Chief Stew · Aurora');
  await expect(row).toContainText('Onboard');
  await page.getByLabel('Search by name or e-mail').fill('nobody-like-this');
  await expect(page.getByRole('heading', { name: 'Nobody matches these filters' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();

  // Import a CSV with one bad row: the report first, nothing stored until confirmed.
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import people from CSV' });
  await importDialog.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_WITH_ONE_BAD_ROW) });
  await expect(importDialog.getByText('2 of 3 rows')).toBeVisible();
  const problem = importDialog.getByRole('table', { name: 'Rows with problems' }).getByRole('row').nth(1);
  await expect(problem).toContainText('3');
  await expect(problem).toContainText('date_of_birth');
  await expect(problem).toContainText('Enter a date as YYYY-MM-DD');
  await expect(page.getByText('1 person', { exact: true })).toBeVisible();
  await importDialog.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(importDialog.getByText('Imported 2 people')).toBeVisible();
  await importDialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByText('3 people', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Ibáñez, Marta/ })).toBeVisible();

  // Stop and start the server on the same data folder: everything is still there.
  await server.restart();
  await page.goto(`${server.url}#/crew`);
  await expect(page.getByText('3 people', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /Whitfield, Joanna/ })).toContainText('Chief Stew · Aurora');
  await expect(page.getByRole('row', { name: /Rutherford, Tama/ })).toBeVisible();
  await page.keyboard.press('Control+1');
  await page.getByRole('link', { name: 'Aurora' }).click();
  await expect(page.getByRole('cell', { name: 'Deck/Stew', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Current crew' }).getByRole('link', { name: 'Joanna Whitfield' })).toBeVisible();
});

test('a CSV with wrong headers is refused with a report and nothing is stored; the sample fleet loads from the empty state', async ({ page, server }) => {
  await page.goto(`${server.url}#/crew`);
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import people from CSV' });
  await importDialog.getByLabel('CSV file').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('name,birthday\nJoanna,1990-01-01\n') });
  await expect(importDialog.getByText('This file cannot be imported.')).toBeVisible();
  await expect(importDialog.getByText('The required column "given_names" is missing')).toBeVisible();
  await expect(importDialog.getByRole('button', { name: 'Import' })).toBeDisabled();
  await importDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'No people yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Load the sample fleet' }).click();
  await page.getByRole('dialog', { name: 'Load the sample fleet' }).getByRole('button', { name: 'Load sample fleet' }).click();
  await expect(page.getByRole('heading', { name: 'Vessels' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Serenity Tide' })).toBeVisible();
  await page.keyboard.press('Control+2');
  await expect(page.getByText('60 people', { exact: true })).toBeVisible();
  // Rows are reachable by keyboard: Tab into the list, arrows move, Enter opens a profile.
  await page.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Assignment history' })).toBeVisible();
});
