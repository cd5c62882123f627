import { E2E_OWNER, expect, test } from './fixtures';

test('a backup is restored from the Settings list, and the database it replaced is kept', async ({ page, server }) => {
  await page.goto(server.url);
  // The shortcut works once the app has drawn itself: pressed earlier, on a busy machine, it went nowhere.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+,');
  await page.getByRole('button', { name: 'Back up now' }).click();
  const handMade = page.getByRole('row').filter({ hasText: 'Backed up by hand' });
  await expect(handMade.getByRole('cell', { name: 'Empty' })).toBeVisible();

  const created = await page.request.post(new URL('api/vessels.create', server.url).href, {
    data: { name: 'Aurora', kind: 'motor', lengthM: 48.5, flag: 'MLT', imoNumber: '9074729', use: 'charter' },
  });
  expect((await created.json()) as unknown).toMatchObject({ ok: true });

  page.once('dialog', (dialog) => void dialog.accept());
  await handMade.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Backup restored. The database as it was is kept as a backup.')).toBeVisible();
  // The restored database's sessions end with the restore (none signed out since may come back): sign in again.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('User name').fill(E2E_OWNER.username);
  await page.getByLabel('Password').fill(E2E_OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.keyboard.press('Control+,');
  const kept = page.getByRole('row').filter({ hasText: 'Before a restore' });
  await expect(kept.getByRole('cell', { name: '0 people, 1 vessel' })).toBeVisible();

  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { name: 'No vessels yet' })).toBeVisible();
});
