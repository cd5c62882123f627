import { api, E2E_OWNER, expect, test } from './fixtures';

/** Issue 14: the audit log screen — search by person, user, action and dates; an entry's fields before and after; the chain verified; a person's own history. */
test('the audit log shows who changed what, before and after, and its chain is intact', async ({ page, server, request }) => {
  const input = { givenNames: 'Marta', surname: 'Kowalska', dateOfBirth: '1991-06-02', nationalities: ['POL'], languages: [] };
  const person = await api<{ id: string }>(request, server.url, 'people.create', input);
  await api(request, server.url, 'people.update', { ...input, id: person.id, phone: '+48 600 100 200' });
  await api(request, server.url, 'people.create', { givenNames: 'Someone', surname: 'Else', dateOfBirth: '1980-01-01', nationalities: [], languages: [] });

  await page.goto(new URL('#/audit', server.url).href);
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: /^Audit log/ });
  await expect(table.getByRole('row').filter({ hasText: 'Kowalska' }).first()).toBeVisible();

  // The change of the phone number: by the owner, the field in words with its values before and after.
  await page.getByLabel('Action').selectOption({ label: 'Changed' });
  const changed = table.getByRole('row').filter({ hasText: 'Marta Kowalska' });
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText(E2E_OWNER.displayName);
  await changed.getByRole('button', { name: '1 field' }).click();
  const values = page.getByRole('table', { name: 'Values before and after' });
  await expect(values.getByRole('row', { name: /Phone/ })).toContainText('+48 600 100 200');
  await expect(page.getByText('phone', { exact: true })).toHaveCount(0);

  // By person: only Marta's entries (created and changed), newest first.
  await page.getByLabel('Action').selectOption({ label: 'Any action' });
  await page.getByRole('searchbox', { name: 'Person' }).fill('Kowals');
  await page.getByLabel('Matching people').selectOption({ label: 'Marta Kowalska' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Changed');
  // Sorted by a column on click.
  await table.getByRole('button', { name: 'No.' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Created');

  // Dates: nothing before 2000.
  await page.getByLabel('Until').fill('1999-12-31');
  await expect(page.getByRole('heading', { name: 'No entries' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear' }).click();

  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Intact: \d+ entries/ })).toBeVisible();

  // A person's own history, from their screen.
  await page.goto(new URL(`#/crew/${person.id}`, server.url).href);
  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'History of Marta Kowalska' });
  await expect(dialog.getByRole('row')).toHaveCount(3);
  await expect(dialog).toContainText('Created');
});
